"""导入原物业收费台账: their Excel ledger previewed with totals and problems, mapped, imported all-or-nothing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from models.db import Database
from models.errors import DomainError
from models.imports.ledger import (
    LEDGER_FIELDS,
    LedgerImportReport,
    LedgerPreview,
    clerk_period,
    import_ledger,
    preview_ledger,
)
from models.services.ledger_mappings import remember_mapping

from .. import tasks
from .ledger_preview_model import LedgerPreviewModel
from .sheet_import import SheetImportDialog

TARIFF_LISTED = 40  # a tooltip taller than the screen helps nobody


class LedgerImportDialog(SheetImportDialog):
    """Preview their ledger for one handover, fix the column mapping, replace the imported lines."""

    ledger_imported = Signal(object)  # the LedgerImportReport, after a successful import

    def __init__(self, db: Database, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, LEDGER_FIELDS, parent)
        self._handover_id = handover_id
        self._imported: LedgerPreview | None = None  # the preview already imported: not twice by a double click
        self._remembered = ""  # the notice for the file being previewed, kept while columns are adjusted
        self._period = ""  # the clerk's 所属期 for a sheet with no period column, as typed
        self.setWindowTitle(self.tr("导入原物业收费台账"))
        self.build()

    def prompt_text(self) -> str:
        return self.tr("请选择原物业收费台账 Excel 文件（.xlsx、.xls）：有标题行、两行表头、小计/合计行，按收费项目或按月分列均可。")

    def file_caption(self) -> str:
        return self.tr("选择原物业收费台账")

    def reading_text(self) -> str:
        return self.tr("正在读取原物业收费台账…")

    def importing_text(self) -> str:
        return self.tr("正在导入原物业收费台账…")

    def make_model(self) -> LedgerPreviewModel:
        return LedgerPreviewModel(self)

    def can_import(self) -> bool:
        fresh = self._imported is None or self.preview is not self._imported
        return fresh and super().can_import()

    def add_options(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.period_edit = QLineEdit()
        self.period_edit.setMinimumWidth(220)
        self.period_edit.setMaximumWidth(260)
        self.period_edit.setPlaceholderText(self.tr("如 2025年06月、2025年度、2025Q2"))
        self.period_edit.setToolTip(self.tr("按收费项目或按月分列、没有所属期列的台账，在此写明它的所属期（或年份）"))
        self.period_edit.editingFinished.connect(self.on_period_changed)
        # On the period's line: one more line would push the dialog past a 768-pixel screen.
        self.append_box = QCheckBox(self.tr("追加到此前导入的台账（台账分几个文件时）"))
        self.append_box.setToolTip(self.tr("不勾选时，导入将替换此前导入的原物业台账；台账按楼栋或年度分成几个文件时，"
                                           "第一个文件之后的每个文件勾选此项再导入"))
        self.append_box.toggled.connect(self.on_append_toggled)
        row = QHBoxLayout()
        row.addWidget(self.period_edit)
        row.addSpacing(24)
        row.addWidget(self.append_box)
        row.addStretch(1)
        form.addRow(self.tr("所属期（表中没有时）："), row)
        layout.addLayout(form)

    def on_append_toggled(self, _checked: bool) -> None:
        preview = self.preview
        if isinstance(preview, LedgerPreview) and preview is not self._imported:  # the verdict: replace or add
            self.show_result("\n".join(self._verdict_lines(preview)), ok=preview.ok)

    def on_period_changed(self) -> None:
        if self.period_edit.text() != self._period:
            self._period = self.period_edit.text()  # read here: the worker never touches a widget
            self.on_mapping_changed()  # read again with the period, keeping the clerk's columns

    def read_sheet(self, path: Path, mapping: dict[str, int | None] | None, progress: Any) -> LedgerPreview:
        """In the worker; without a mapping, the one remembered for the handover's 移交方 applies."""
        return preview_ledger(self._db, self._handover_id, path, mapping, progress, period=clerk_period(self._period))

    def load_file(self, path: str | Path) -> None:
        self._remembered = ""
        super().load_file(path)

    # ---- what the preview says -------------------------------------------------------------------

    def show_preview(self, preview: LedgerPreview | None) -> None:  # type: ignore[override]
        super().show_preview(preview)
        if preview is None:
            return
        if preview.remembered:
            self._remembered = self.tr("已按“{0}”上次的列对应读取。").format(preview.company)
        for key in preview.from_headers:  # 管理费 | 水费: no column is the 收费项目, the headers are
            self.mapping_box.show_from_headers(key)
        if self._remembered:  # on the header line: one more line would push the dialog past 768 pixels
            self.header_label.setText(self.header_label.text() + "  " + self._remembered)
        self.show_result("\n".join(self._verdict_lines(preview)), ok=preview.ok)
        listed = [str(m) for m in preview.tariff_mismatches[:TARIFF_LISTED]]
        if len(preview.tariff_mismatches) > TARIFF_LISTED:
            listed.append(self.tr("……共 {0} 行").format(len(preview.tariff_mismatches)))
        self.result_label.setToolTip("\n".join(listed))

    def _verdict_lines(self, preview: LedgerPreview) -> list[str]:
        """Two lines: what will be written (the totals to compare with their 合计 row), then whether it can."""
        totals = preview.totals
        first = self.tr("共 {0} 行：应收 {1} 元，实收 {2} 元，欠费 {3} 元。").format(
            totals.lines, f"{totals.billed:,.2f}", f"{totals.paid:,.2f}", f"{totals.arrears:,.2f}")
        if preview.skipped:
            first += self.tr("跳过 {0}，不计入合计。").format(preview.skipped_summary)
        second = self._verdict(preview)
        if preview.new_fee_items:
            second = self.tr("将新建收费项目：{0}。").format(self.tr("、").join(preview.new_fee_items)) + second
        if preview.tariff_mismatches:  # not a problem: their ledger comes in as it is, to be questioned
            first += self.tr("其中 {0} 行应收与收费标准不符（悬停查看），可在对账时核实。").format(
                len(preview.tariff_mismatches))
        return [first, second]

    def _verdict(self, preview: LedgerPreview) -> str:
        if preview.ok and self.append_box.isChecked():
            return self.tr("检查通过，可以导入；导入将追加到此前导入的原物业台账，不替换。")
        if preview.ok:
            return self.tr("检查通过，可以导入；导入将替换此前导入的原物业台账。")
        if preview.rows:
            return self.tr("有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。")
        return preview.refusal()

    # ---- importing -------------------------------------------------------------------------------

    def import_job(self, preview: LedgerPreview) -> tasks.Job:  # type: ignore[override]
        db, handover_id, append = self._db, self._handover_id, self.append_box.isChecked()
        mapping = {**{key: None for key in preview.header.missing}, **preview.header.columns}

        def job(progress: tasks.Progress) -> tuple[LedgerImportReport, str]:
            report = import_ledger(db, handover_id, preview, progress, append=append)
            try:
                remember_mapping(db, preview.company, preview.header, mapping)
            except DomainError as exc:  # the lines are in; only the convenience is lost
                return report, str(exc)
            return report, ""

        return job

    def on_import_done(self, result: tuple[LedgerImportReport, str]) -> None:
        report, not_remembered = result
        self._imported = self.preview  # type: ignore[assignment]
        text = self.tr("导入完成：") + report.summary()
        if not_remembered:
            text += "\n" + self.tr("列对应未能记住：") + not_remembered
        self.show_result(text, ok=True)
        self.update_import_button()
        self.ledger_imported.emit(report)
