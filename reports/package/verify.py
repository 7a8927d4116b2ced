"""Check a handover package against its index.json: files added, missing or changed, each named.

The package may come from anywhere (a USB stick, an e-mail), so nothing in it is trusted: the index is
read with a size limit and checked entry by entry; a path that is absolute or climbs out with '..' is
reported and never looked up; each member is hashed a chunk at a time and read no further than the
size the index records (plus one byte to see that it is longer), so a zip bomb costs neither memory
nor more reading than the index admits to.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import ValidationError
from models.i18n import QT_TRANSLATE_NOOP, translate

from ..progress import Cancelled
from .manifest import CHUNK, INDEX_NAME

Report = Callable[[int, int, str], bool]
INDEX_LIMIT = 128 * 1024 * 1024  # ~300,000 entries; a larger index.json is not one we wrote
HEX64 = re.compile(r"[0-9a-f]{64}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
DRIVE = re.compile(r"^[A-Za-z]:")
ADDED, MISSING, CHANGED, DAMAGED, UNSAFE, INDEX = "added", "missing", "changed", "damaged", "unsafe", "index"


@dataclass(frozen=True)
class Problem:
    kind: str      # one of ADDED, MISSING, CHANGED, DAMAGED, UNSAFE, INDEX
    path: str      # the file (or index entry) it is about; "" for the index as a whole
    message: str   # for the clerk, naming the file


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    files: int                      # entries of the index that were checked
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, kind: str) -> list[str]:
        return [p.path for p in self.problems if p.kind == kind]

    def summary(self) -> str:
        if self.ok:
            return translate("package", "交接档案包完好：{files} 个文件的大小和 SHA-256 校验值全部与目录相符。").format(
                files=self.files)
        return translate("package", "交接档案包有 {count} 处问题：").format(count=len(self.problems))

    def lines(self) -> list[str]:
        return [self.summary(), *(p.message for p in self.problems)]


def shown(path: str) -> str:
    """A name from the package as it may be printed: control characters could rewrite the terminal."""
    return CONTROL.sub("?", path)


def unsafe_path(path: str) -> bool:
    """Absolute, with a drive, backslashes, or a '..' / '.' / empty part: unpacked, it would land elsewhere."""
    parts = path.split("/")
    return (not path or path.startswith("/") or "\\" in path or bool(DRIVE.match(path))
            or bool(CONTROL.search(path)) or any(p in ("", ".", "..") for p in parts))


def _problem(kind: str, path: str, text: str, **values: Any) -> Problem:
    return Problem(kind, path, translate("package", text).format(path=shown(path), **values))


def _read_index(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[list[Any] | None, Problem | None]:
    if info.file_size > INDEX_LIMIT:
        return None, _problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "目录文件 {path} 过大（超过 128 MB），不是本程序生成的，无法核对。"))
    try:
        with zf.open(info) as f:
            raw = f.read(INDEX_LIMIT + 1)  # bounded even if the header understates the size
        if len(raw) > INDEX_LIMIT:
            return None, _problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "目录文件 {path} 过大（超过 128 MB），不是本程序生成的，无法核对。"))
        body = json.loads(raw.decode("utf-8"))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        return None, _problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "目录文件 {path} 已损坏，无法读出。"))
    except (UnicodeDecodeError, ValueError):
        return None, _problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "目录文件 {path} 不是有效的 JSON，无法核对。"))
    files = body.get("files") if isinstance(body, dict) else None
    if not isinstance(files, list):
        return None, _problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "目录文件 {path} 中没有文件清单（files），无法核对。"))
    return files, None


def _entry(raw: Any) -> tuple[str, str, int] | None:
    """(path, sha256, size) of one index record, or None when it is not one."""
    if not isinstance(raw, dict):
        return None
    path, digest, size = raw.get("path"), raw.get("sha256"), raw.get("size")
    if not isinstance(path, str) or not isinstance(digest, str) or not HEX64.fullmatch(digest):
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    return path, digest, size


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, digest: str, size: int,
                  cancelled: Callable[[], None]) -> Problem | None:
    path = info.filename
    if info.file_size != size:  # the header already disagrees: no need to read (or inflate) anything
        return _problem(CHANGED, path, QT_TRANSLATE_NOOP("package", "被改动的文件：“{path}”大小为 {actual} 字节，目录记录为 {size} 字节。"),
                        actual=f"{info.file_size:,}", size=f"{size:,}")
    hasher, read = hashlib.sha256(), 0
    try:
        with zf.open(info) as f:
            while read <= size and (chunk := f.read(min(CHUNK, size + 1 - read))):
                hasher.update(chunk)
                read += len(chunk)
                cancelled()
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # CRC or deflate data broken
        return _problem(DAMAGED, path, QT_TRANSLATE_NOOP("package", "已损坏的文件：“{path}”无法完整读出（{why}）。"), why=type(exc).__name__)
    except (NotImplementedError, RuntimeError):  # an unknown compression, or encrypted
        return _problem(DAMAGED, path, QT_TRANSLATE_NOOP("package", "无法读出的文件：“{path}”使用了不支持的压缩方式或加了密码。"))
    if read != size:
        return _problem(CHANGED, path, QT_TRANSLATE_NOOP("package", "被改动的文件：“{path}”的实际大小与目录记录的 {size} 字节不符。"), size=f"{size:,}")
    if hasher.hexdigest() != digest:
        return _problem(CHANGED, path, QT_TRANSLATE_NOOP("package", "被改动的文件：“{path}”的 SHA-256 校验值与目录不符。"))
    return None


class _Check:
    """One verification run: the zip's members by name, the problems found so far."""

    def __init__(self, zf: zipfile.ZipFile, progress: Report | None) -> None:
        self.zf, self.progress = zf, progress
        infos = [i for i in zf.infolist() if not i.is_dir()]
        self.count = Counter(i.filename for i in infos)
        self.members = {i.filename: i for i in infos}
        self.problems: list[Problem] = []
        self.listed: set[str] = set()
        self.at: tuple[int, int, str] = (0, 0, "")  # where the progress bar stands

    def tell(self, done: int, total: int, what: str) -> None:
        if self.progress is not None and self.progress(done, total, what) is False:
            raise Cancelled(translate("package", "已取消校验。"))

    def entries(self, files: list[Any]) -> int:
        checked = 0
        for k, raw in enumerate(files, start=1):
            self.at = (k - 1, len(files), translate("package", "正在校验 {done}/{total}…").format(done=k, total=len(files)))
            self.tell(*self.at)
            item = _entry(raw)
            if item is None:
                self.problems.append(_problem(INDEX, "", QT_TRANSLATE_NOOP("package", "目录文件 index.json 的第 {n} 条记录不完整或格式不对，已忽略。"), n=k))
            elif self.entry(*item):
                checked += 1
        return checked

    def entry(self, path: str, digest: str, size: int) -> bool:
        if unsafe_path(path) or path == INDEX_NAME:
            self.problems.append(_problem(UNSAFE, path, QT_TRANSLATE_NOOP("package", "目录中的路径不安全：“{path}”（绝对路径、含“..”或指向目录自身），已忽略该条目。")))
            return False
        if path in self.listed:
            self.problems.append(_problem(INDEX, path, QT_TRANSLATE_NOOP("package", "目录中重复列出了“{path}”。")))
            return False
        self.listed.add(path)
        info = self.members.get(path)
        if info is None:
            self.problems.append(_problem(MISSING, path, QT_TRANSLATE_NOOP("package", "缺少的文件：“{path}”列在目录中，但压缩包中没有。")))
            return True
        if self.count[path] > 1:
            self.problems.append(_problem(CHANGED, path, QT_TRANSLATE_NOOP("package", "压缩包中有 {n} 个同名文件“{path}”，解压时会互相覆盖。"),
                                          n=self.count[path]))
        found = _check_member(self.zf, info, digest, size, lambda: self.tell(*self.at))
        if found is not None:
            self.problems.append(found)
        return True

    def added(self) -> None:
        for name in self.members:
            if name == INDEX_NAME or name in self.listed:
                continue
            text = (QT_TRANSLATE_NOOP("package", "多出的文件：“{path}”在压缩包中，但目录中没有（且路径不安全，解压时可能写到别处）。")
                    if unsafe_path(name) else QT_TRANSLATE_NOOP("package", "多出的文件：“{path}”在压缩包中，但目录中没有。"))
            self.problems.append(_problem(ADDED, name, text))


def verify_package(path: Path, progress: Report | None = None) -> VerifyResult:
    """Every file of the package at `path` against its index.json. A file that is not a zip at all is
    a ValidationError; anything wrong inside it is a problem of the result."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise ValidationError(translate("package", "“{name}”不是有效的交接档案包（无法作为 zip 压缩包打开）。").format(
            name=path.name)) from None
    with zf:
        check = _Check(zf, progress)
        index = check.members.get(INDEX_NAME)
        if index is None:
            return VerifyResult(path, 0, (_problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "压缩包中没有目录文件 {path}，无法核对。")),))
        if check.count[INDEX_NAME] > 1:
            check.problems.append(_problem(INDEX, INDEX_NAME, QT_TRANSLATE_NOOP("package", "压缩包中有 {n} 个目录文件 {path}，无法确定以哪个为准。"),
                                           n=check.count[INDEX_NAME]))
            return VerifyResult(path, 0, tuple(check.problems))
        files, bad = _read_index(zf, index)
        if files is None:
            return VerifyResult(path, 0, (bad,) if bad else ())
        checked = check.entries(files)
        check.added()
        check.tell(len(files), len(files), "")
        return VerifyResult(path, checked, tuple(check.problems))
