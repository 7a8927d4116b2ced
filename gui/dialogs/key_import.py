"""从 Excel 批量接收钥匙: choose the clerk's key sheet, preview it against the register, receive all-or-nothing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from models.db import Database
from models.imports.key_sheet import (
    KEY_FIELDS,
    KeySheetPreview,
    import_key_sheet,
    preview_key_sheet,
)
from models.services.key_intake import PLACE_LIMIT, KeyIntakeReport

from .. import tasks
from .key_preview_model import KeyPreviewModel
from .sheet_import import SheetImportDialog


class KeyImportDialog(SheetImportDialog):
    """Preview a key sheet, fix the column mapping, receive its keys into one project (and handover)."""

    keys_imported = Signal(object)  # the KeyIntakeReport, after a successful import

    def __init__(self, db: Database, project_id: int, handover_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, KEY_FIELDS, parent)
        self._project_id, self._handover_id = project_id, handover_id
        self._imported: KeySheetPreview | None = None  # the preview already imported: not twice
        self.setWindowTitle(self.tr("从 Excel 批量接收钥匙"))
        self.build()

    def prompt_text(self) -> str:
        return self.tr("请选择钥匙清单 Excel 文件（.xlsx）：每行一把（套）钥匙；标签号可不填，由程序编号。")

    def file_caption(self) -> str:
        return self.tr("选择钥匙清单")

    def reading_text(self) -> str:
        return self.tr("正在读取钥匙清单…")

    def importing_text(self) -> str:
        return self.tr("正在接收钥匙…")

    def make_model(self) -> KeyPreviewModel:
        return KeyPreviewModel(self)

    def add_options(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.cabinet_edit = QLineEdit()
        self.cabinet_edit.setMaxLength(PLACE_LIMIT)
        self.cabinet_edit.setMaximumWidth(220)
        self.cabinet_edit.setPlaceholderText(self.tr("如 G01；表中已填的不变"))
        form.addRow(self.tr("钥匙柜（表中未填时）："), self.cabinet_edit)
        layout.addLayout(form)

    def can_import(self) -> bool:
        fresh = self._imported is None or self.preview is not self._imported
        return fresh and super().can_import()

    def plan_text(self, preview: KeySheetPreview) -> str:  # type: ignore[override]
        return self.tr("将接收钥匙 {0} 条（共 {1} 把/套）。").format(len(preview.rows), preview.pieces)

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> KeySheetPreview:
        return preview_key_sheet(self._db, self._project_id, path, mapping, progress, handover_id=self._handover_id)

    def show_preview(self, preview: KeySheetPreview | None) -> None:  # type: ignore[override]
        super().show_preview(preview)
        if preview is not None and preview.generated:
            self.header_label.setText(self.header_label.text() + self.tr(
                " 其中 {n} 把未填标签号，将自动编号（蓝字）。").format(n=preview.generated))

    def import_job(self, preview: KeySheetPreview) -> tasks.Job:  # type: ignore[override]
        db, handover_id, cabinet = self._db, self._handover_id, self.cabinet_edit.text()
        return lambda progress: import_key_sheet(db, preview, handover_id=handover_id, cabinet=cabinet,
                                                 progress=progress)

    def on_import_done(self, report: KeyIntakeReport) -> None:
        self._imported = self.preview  # type: ignore[assignment]
        self.update_import_button()
        self.show_result(self.tr("接收完成：") + report.summary(), ok=True)
        self.keys_imported.emit(report)
