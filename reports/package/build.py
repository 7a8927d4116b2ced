"""Build the handover package: print every document into a staging folder, index it, zip it.

The zip is written beside the target as `<name>.part` and renamed only when complete, so a failed or
cancelled build leaves neither a half zip nor the staging folder behind.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.db import Database
from models.errors import ValidationError
from models.i18n import in_chinese, translate
from models.services.handovers import get_handover

from ..print_commands import lettered
from ..progress import Cancelled, Progress
from .contents import PackageContentsForm
from .manifest import CONTENTS_NAME, INDEX_NAME, UNSIGNED_DIR, Entry, PackageIndex, file_digest, signed_count
from .members import Produced, plan

# progress(done, total, what) -> keep going?  (the GUI's task progress and the CLI's terminal line)
Report = Callable[[int, int, str], bool]
STORED = (".jpg", ".jpeg", ".png", ".xlsx")  # compressed already: deflating them again only costs time


@dataclass(frozen=True)
class PackageResult:
    path: Path
    files: int   # files listed in index.json (目录.pdf included, index.json itself not)
    signed: int  # of them, from signed records
    size: int    # of the zip, in bytes
    notes: tuple[str, ...]


def tell(progress: Report | None, done: int, total: int, what: str) -> None:
    if progress is not None and progress(done, total, what) is False:
        raise Cancelled()


def within(progress: Report | None, done: int, total: int, what: str) -> Progress:
    """A form's own page progress, kept at this step of the whole: only the Cancel answer matters."""
    return lambda _d, _t: progress(done, total, what) if progress is not None else True


def entry(root: Path, made: Produced) -> Entry:
    digest, size = file_digest(root.joinpath(*made.path.split("/")))
    return Entry(made.path, digest, size, made.description, made.signature, made.signed)


def check_unique(produced: list[Produced]) -> None:
    seen: set[str] = set()
    for p in produced:
        if p.path.casefold() in seen:  # Windows would unpack the second over the first
            raise ValidationError(translate("package", "交接档案包中有重名文件：{path}").format(path=p.path))
        seen.add(p.path.casefold())


@in_chinese
def build_package(db: Database, handover_id: int, out: Path, progress: Report | None = None,
                  now: dt.datetime | None = None) -> PackageResult:
    """The package of one handover to `out` (.zip)."""
    handover = get_handover(db, handover_id)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    tell(progress, 0, 0, "正在收集交接记录…")
    steps, notes = plan(db, handover, now)
    total = len(steps) + 2
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".交接档案包-") as staging:
        root = Path(staging)
        produced: list[Produced] = []
        for k, step in enumerate(steps):
            tell(progress, k, total, step.text)
            produced += step.run(root, within(progress, k, total, step.text))
        check_unique(produced)
        # The final documents first, the drafts of 未签署/ after them: the 目录 reads in that order too.
        produced.sort(key=lambda p: p.path.startswith(f"{UNSIGNED_DIR}/"))
        entries = [entry(root, p) for p in produced]
        tell(progress, len(steps), total, "正在生成目录…")
        user = (db.user.display_name or db.user.username) if db.user is not None else ""
        contents = PackageContentsForm(entries, notes, handover.project_name, handover.caption, now, user)
        lettered(db, contents).render(root / CONTENTS_NAME, within(progress, len(steps), total, "正在生成目录…"))
        digest, size = file_digest(root / CONTENTS_NAME)
        listed = (Entry(CONTENTS_NAME, digest, size, "本档案包目录（列出下列每个文件及其校验值）", "不适用（目录）", False),
                  *entries)
        index = PackageIndex(handover.project_name, handover.caption, handover.id, now.isoformat(), user,
                             listed, tuple(notes))
        tell(progress, len(steps) + 1, total, "正在写入压缩包…")
        write_zip(out, root, index, lambda: tell(progress, len(steps) + 1, total, "正在写入压缩包…"))
    tell(progress, total, total, "已完成")
    return PackageResult(out, len(listed), signed_count(listed), out.stat().st_size, tuple(notes))


def write_zip(out: Path, root: Path, index: PackageIndex, check: Callable[[], None]) -> None:
    """index.json and every listed file into `out`, atomically; `check` raises Cancelled between files."""
    part = out.with_name(out.name + ".part")
    try:
        # Python marks each non-ASCII name with the UTF-8 flag (bit 11): Explorer shows 交接清单, not mojibake.
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.writestr(INDEX_NAME, index.to_json())
            for e in index.entries:
                check()
                kind = zipfile.ZIP_STORED if e.path.lower().endswith(STORED) else zipfile.ZIP_DEFLATED
                zf.write(root.joinpath(*e.path.split("/")), e.path, compress_type=kind)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
