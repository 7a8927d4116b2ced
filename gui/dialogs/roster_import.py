"""导入业主名册: choose an .xlsx, preview it with its problems, map columns, import all-or-nothing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.db import Database
from models.imports.roster import (
    ROSTER_FIELDS,
    ImportReport,
    RosterPreview,
    import_roster,
    preview_roster,
)

from .. import tasks
from .roster_preview_model import RosterPreviewModel
from .sheet_import import SheetImportDialog


class RosterImportDialog(SheetImportDialog):
    """Preview a roster, fix the column mapping, import it into one project."""

    roster_imported = Signal(object)  # the ImportReport, after a successful import

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, ROSTER_FIELDS, parent)
        self._project_id = project_id
        self.setWindowTitle(self.tr("导入业主名册"))
        self.build()

    def prompt_text(self) -> str:
        return self.tr("请选择业主名册 Excel 文件（.xlsx）。")

    def file_caption(self) -> str:
        return self.tr("选择业主名册")

    def reading_text(self) -> str:
        return self.tr("正在读取业主名册…")

    def importing_text(self) -> str:
        return self.tr("正在导入业主名册…")

    def make_model(self) -> RosterPreviewModel:
        return RosterPreviewModel(self)

    def plan_text(self, preview: RosterPreview) -> str:  # type: ignore[override]
        return self.tr("将导入 {0} 户（系统中已有的房屋不改动，只补充没有业主的）。").format(len(preview.rows))

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> RosterPreview:
        return preview_roster(path, mapping, progress)

    def import_job(self, preview: RosterPreview) -> tasks.Job:  # type: ignore[override]
        db, project_id = self._db, self._project_id
        return lambda progress: import_roster(db, project_id, preview, progress)

    def on_import_done(self, report: ImportReport) -> None:
        self.show_result(self.tr("导入完成：") + report.summary(), ok=True)
        self.roster_imported.emit(report)
