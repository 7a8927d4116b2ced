"""导入交接清单: choose an .xlsx, preview its items by category, map columns, create one draft list."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from models.db import Database
from models.imports.checklist import (
    CHECKLIST_FIELDS,
    TITLE_LIMIT,
    ChecklistPreview,
    ImportedList,
    import_checklist,
    preview_checklist,
)

from .. import tasks
from .checklist_preview_model import ChecklistPreviewModel
from .sheet_import import SheetImportDialog


class ChecklistImportDialog(SheetImportDialog):
    """Preview a checklist sheet, fix the column mapping, name the list, import it into one handover."""

    checklist_imported = Signal(int)  # the new HandoverList's id, after a successful import

    def __init__(self, db: Database, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, CHECKLIST_FIELDS, parent)
        self._handover_id = handover_id
        self._title_edited = False
        self._imported: ChecklistPreview | None = None  # the preview already imported: not twice
        self.setWindowTitle(self.tr("从 Excel 导入交接清单"))
        self.build()

    def prompt_text(self) -> str:
        return self.tr("请选择交接清单 Excel 文件（.xlsx）：有标题行、合并单元格、分类行均可。")

    def file_caption(self) -> str:
        return self.tr("选择交接清单")

    def reading_text(self) -> str:
        return self.tr("正在读取交接清单…")

    def importing_text(self) -> str:
        return self.tr("正在导入交接清单…")

    def make_model(self) -> ChecklistPreviewModel:
        return ChecklistPreviewModel(self)

    def add_options(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_LIMIT)
        self.title_edit.setPlaceholderText(self.tr("默认取表格的标题行或文件名"))
        self.title_edit.textEdited.connect(self.on_title_edited)
        form.addRow(self.tr("清单名称*："), self.title_edit)
        layout.addLayout(form)

    def can_import(self) -> bool:
        fresh = self._imported is None or self.preview is not self._imported
        return fresh and super().can_import() and bool(self.title_edit.text().strip())

    def plan_text(self, preview: ChecklistPreview) -> str:  # type: ignore[override]
        return self.tr("将创建一张草稿清单：{0} 类 {1} 项。").format(len(preview.categories), len(preview.rows))

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> ChecklistPreview:
        return preview_checklist(path, mapping, progress)

    def show_preview(self, preview: ChecklistPreview | None) -> None:  # type: ignore[override]
        if preview is not None and not self._title_edited:
            self.title_edit.setText(preview.default_title)  # the clerk's own name is never overwritten
        super().show_preview(preview)

    def import_job(self, preview: ChecklistPreview) -> tasks.Job:  # type: ignore[override]
        db, handover_id, title = self._db, self._handover_id, self.title_edit.text()
        return lambda _progress: import_checklist(db, handover_id, title, preview)

    def on_title_edited(self, _text: str) -> None:
        self._title_edited = True
        self.update_import_button()

    def on_import_done(self, result: ImportedList) -> None:
        self._imported = self.preview  # type: ignore[assignment]
        self.show_result(self.tr("导入完成：") + result.summary(), ok=True)
        self.checklist_imported.emit(result.list_id)
