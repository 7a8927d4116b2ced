"""目录.pdf of a handover package: every file with its path, what it is, its signature state, size and SHA-256."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..forms.base import Column, FormBase, data_table, styles, text
from .manifest import INDEX_NAME, Entry, signed_count

# The checksum column takes two groups of 16 digits a line: a row is two lines high, not four.
COLUMNS = (Column("序号", 0.45, "center", nowrap=True), Column("文件（包内路径）", 2.9),
           Column("说明", 2.6), Column("签署状态", 2.3), Column("大小（字节）", 0.95, "right", nowrap=True),
           Column("SHA-256", 2.9))


def spaced_hash(digest: str) -> str:
    """The 64 hex digits in groups of 16: they wrap at the spaces, and a reader can compare them by eye."""
    return " ".join(digest[i:i + 16] for i in range(0, len(digest), 16))


class PackageContentsForm(FormBase):
    title = "交接档案包目录"
    form_no = "HD-DA-01"
    landscape = True  # six columns, one of them a 64-digit checksum

    def __init__(self, entries: Sequence[Entry], notes: Sequence[str], project_name: str,
                 handover_caption: str, created_at: dt.datetime, created_by: str) -> None:
        super().__init__(project_name, handover_caption, created_at.date())
        self.entries, self.notes = list(entries), list(notes)
        self.created_at, self.created_by = created_at, created_by

    def header_lines(self) -> list[tuple[str, str]]:
        made = f"生成时间：{self.created_at:%Y-%m-%d %H:%M}" + (f"　生成人：{self.created_by}" if self.created_by else "")
        counted = f"共 {len(self.entries)} 个文件，其中已签署 {signed_count(self.entries)} 个"
        return super().header_lines() + [(made, counted)]

    def rows(self) -> list[list[str]]:
        return [[str(k), e.path, e.description, e.signature, f"{e.size:,}", spaced_hash(e.sha256)]
                for k, e in enumerate(self.entries, start=1)]

    def story(self) -> list[Flowable]:
        st = styles()
        out: list[Flowable] = [data_table(COLUMNS, self.rows(), self.frame_width), Spacer(1, 4 * mm),
                               Paragraph("说明", st["heading"])]
        for k, line in enumerate(self.explanations(), start=1):
            out.append(text(f"{k}. {line}", "note"))
        return out

    def explanations(self) -> list[str]:
        return [
            "“已签署”的文件取自已签署的记录，其中的数字只来自签署时保存的内容；“未签署”的草稿放在“未签署”文件夹中，"
            "仅供了解进度，不作为交接依据；“不适用”的是没有签署环节的登记记录（遗留问题、钥匙），内容截至生成时。",
            f"本目录的机器可读版本为包内的 {INDEX_NAME}（含本目录文件自身的 SHA-256）；可用“文件 → 校验交接档案包…”"
            "或命令 main.py package verify 核对每个文件是否被增删或改动。",
            *self.notes,
        ]
