"""A minimal reader of Compound Files (OLE, CFB V3/V4): the stream names and one stream's bytes.

.xls (Excel 97–2003, WPS .et), Word .doc and an encrypted .xlsx are all Compound Files; the
guard reads the directory to say which one a file is, and the Workbook stream to check an .xls
before python-calamine reads it whole. Every chain is followed with a bound, so a broken or hostile
file ends in OleError (a message for the clerk), never a loop or a traceback.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import IO

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
SPECIAL = 0xFFFFFFFA  # sector numbers from here up are markers, never sectors
HEADER_DIFAT = 109
ENTRY = 128
MAX_ENTRIES = 100_000  # real files hold a handful of streams


class OleError(ValueError):
    """The Compound File is broken or truncated."""


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class OleFile:
    """The directory of a Compound File and its streams, read from an open binary file."""

    def __init__(self, stream: IO[bytes], file_size: int) -> None:
        self._file, self._file_size = stream, file_size
        stream.seek(0)
        header = stream.read(512)
        if len(header) < 512 or header[:8] != MAGIC:
            raise OleError("header")
        shift, mini_shift = struct.unpack_from("<HH", header, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise OleError("sector size")
        self._sector = 1 << shift
        self._sectors = max(file_size - self._sector, 0) // self._sector + 1
        self._fat = self._read_fat(header)
        first_dir, = struct.unpack_from("<I", header, 0x30)
        self._cutoff, first_minifat = struct.unpack_from("<II", header, 0x38)
        self.entries = self._directory(first_dir)
        self._minifat = _u32s(self._chain_bytes(first_minifat)) if first_minifat < SPECIAL else []

    @property
    def names(self) -> set[str]:
        return {e.name for e in self.entries if e.kind == 2}

    def stream(self, name: str) -> bytes:
        """The named stream's bytes (the first stream of that name; names are compared as Excel does)."""
        entry = next((e for e in self.entries if e.kind == 2 and e.name.lower() == name.lower()), None)
        if entry is None:
            raise OleError(f"no stream {name}")
        if entry.size < self._cutoff:
            return self._mini_stream(entry)
        data = self._chain_bytes(entry.start, entry.size)
        if len(data) < entry.size:
            raise OleError("truncated stream")
        return data[:entry.size]

    # ---- sectors and chains ----------------------------------------------------------------------

    def _read(self, sector: int) -> bytes:
        if sector >= self._sectors:
            raise OleError("sector beyond the file")
        self._file.seek((sector + 1) * self._sector)
        data = self._file.read(self._sector)
        if len(data) < self._sector:
            raise OleError("truncated")
        return data

    def _read_fat(self, header: bytes) -> list[int]:
        count, = struct.unpack_from("<I", header, 0x2C)
        difat = [s for s in struct.unpack_from(f"<{HEADER_DIFAT}I", header, 0x4C)]
        next_difat, = struct.unpack_from("<I", header, 0x44)
        seen = 0
        while next_difat < SPECIAL and seen <= self._sectors:
            block = _u32s(self._read(next_difat))
            difat += block[:-1]
            next_difat, seen = block[-1], seen + 1
        fat_sectors = [s for s in difat if s < SPECIAL][:count] if count else []
        if not fat_sectors or len(fat_sectors) > self._sectors:
            raise OleError("no allocation table")
        return [n for s in fat_sectors for n in _u32s(self._read(s))]

    def _chain(self, start: int) -> list[int]:
        chain: list[int] = []
        sector = start
        while sector < SPECIAL:
            if sector >= len(self._fat) or len(chain) > self._sectors:
                raise OleError("broken chain")
            chain.append(sector)
            sector = self._fat[sector]
        if sector != END_OF_CHAIN and chain:
            raise OleError("broken chain end")
        return chain

    def _chain_bytes(self, start: int, size: int | None = None) -> bytes:
        chain = self._chain(start)
        if size is not None:
            chain = chain[:(size + self._sector - 1) // self._sector]
        return b"".join(self._read(s) for s in chain)

    def _directory(self, first: int) -> list[Entry]:
        data = self._chain_bytes(first)
        entries = []
        for offset in range(0, min(len(data), MAX_ENTRIES * ENTRY), ENTRY):
            raw = data[offset:offset + ENTRY]
            length, kind = struct.unpack_from("<HB", raw, 0x40)
            if kind not in (1, 2, 5) or not 2 <= length <= 64:
                continue
            start, size = struct.unpack_from("<IQ", raw, 0x74)
            if self._sector == 512:
                size &= 0xFFFFFFFF  # V3 files leave the high half undefined
            name = raw[:length - 2].decode("utf-16-le", "replace")
            entries.append(Entry(name, kind, start, size))
        if not entries or entries[0].kind != 5:
            raise OleError("no root entry")
        return entries

    def _mini_stream(self, entry: Entry) -> bytes:
        root = self.entries[0]
        container = self._chain_bytes(root.start, root.size)
        parts: list[bytes] = []
        sector = entry.start
        while sector < SPECIAL and len(parts) * 64 < entry.size:
            if sector >= len(self._minifat) or (sector + 1) * 64 > len(container):
                raise OleError("broken mini chain")
            parts.append(container[sector * 64:(sector + 1) * 64])
            sector = self._minifat[sector]
        data = b"".join(parts)
        if len(data) < entry.size:
            raise OleError("truncated mini stream")
        return data[:entry.size]


def _u32s(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))
