"""What index.json of a package says: every file with its SHA-256, size, description and signature state."""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "handoverdesk-package"
FORMAT_VERSION = 1
INDEX_NAME = "index.json"
CONTENTS_NAME = "目录.pdf"
UNSIGNED_DIR = "未签署"
CHUNK = 1024 * 1024  # hashed a MiB at a time: a 20 MB scan or a huge member never sits in memory whole
UNSIGNED = "未签署"

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # what Windows refuses in a file name, and the separators
NAME_LIMIT = 60


def safe_name(text: str) -> str:
    """A list title or a photo's file name as one path component that every system accepts."""
    cleaned = UNSAFE.sub("_", text).strip().rstrip(". ")
    return cleaned[:NAME_LIMIT] or "_"


@dataclass(frozen=True)
class Entry:
    """One file of the package as the index lists it."""

    path: str          # inside the zip, '/'-separated
    sha256: str
    size: int
    description: str   # what it is, in Chinese (交接清单“…”（第 1 版）)
    signature: str     # 已签署 … / 未签署 / 不适用…
    signed: bool       # the record it came from is signed (final); False for 未签署 and 不适用


@dataclass(frozen=True)
class PackageIndex:
    """The whole index.json: the handover it is of, when it was made, the files and the notes."""

    project: str
    handover: str
    handover_id: int
    created_at: str
    created_by: str
    entries: tuple[Entry, ...]
    # What is not in the package and why (no list yet, no settlement ...): the 目录 prints them too.
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> bytes:
        body: dict[str, Any] = {
            "format": FORMAT, "version": FORMAT_VERSION, "project": self.project, "handover": self.handover,
            "handover_id": self.handover_id, "created_at": self.created_at, "created_by": self.created_by,
            "files": [asdict(e) for e in self.entries], "notes": list(self.notes)}
        return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def file_digest(path: Path) -> tuple[str, int]:
    """(SHA-256 hex, size) of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def signed_count(entries: Iterable[Entry]) -> int:
    return sum(1 for e in entries if e.signed)
