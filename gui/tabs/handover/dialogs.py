"""The 交接清单 tab's dialogs: new blank list (from a template: dialogs/template_picker.py), save as template, sign-off, item to defect."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from models.db import Database
from models.defect import Responsible, Severity
from models.labels import Coded
from models.services import checklists, signoff
from models.services.checklist_rows import HandoverInfo, ItemRow, ListSummary

from ... import file_dialogs
from ...dates import py_datetime
from ...dialogs.base_dialog import ServiceDialog
from ...ops import Op

MAX_SCAN_BYTES = 20 * 1024 * 1024  # the service refuses more; say so before reading a huge file


class BlankListDialog(ServiceDialog):
    """新建空白清单: just a title."""

    def __init__(self, db: Database, handover_id: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("新建空白清单"))
        self._db, self._handover_id = db, handover_id
        self.title_edit = QLineEdit(self)
        self.title_edit.setMinimumWidth(320)
        self.form.addRow(self.tr("清单名称："), self.title_edit)
        self.finish_layout()

    def operation(self) -> Op:
        handover_id, title = self._handover_id, self.title_edit.text()
        return lambda db: checklists.create_list(db, handover_id, title)


class SaveTemplateDialog(ServiceDialog):
    """另存为模板: a code and a name; the items become a template of the handover's kind."""

    def __init__(self, db: Database, summary: ListSummary, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("另存为模板"))
        self._db, self._list_id = db, summary.id
        self.code_edit = QLineEdit(self, placeholderText=self.tr("如 MY-DOCS-01"))
        self.name_edit = QLineEdit(summary.title, self)
        self.name_edit.setMinimumWidth(320)
        self.form.addRow(self.tr("模板编码："), self.code_edit)
        self.form.addRow(self.tr("模板名称："), self.name_edit)
        self.finish_layout()

    def operation(self) -> Op:
        list_id, code, name = self._list_id, self.code_edit.text(), self.name_edit.text()
        return lambda db: checklists.save_as_template(db, list_id, code, name)


class SignDialog(ServiceDialog):
    """签署: who signed the paper for each party, when, and optionally the scan of it."""

    def __init__(self, db: Database, handover: HandoverInfo, summary: ListSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("签署交接清单 — {title}").format(title=summary.caption))
        self._db, self._summary = db, summary
        self.from_edit = QLineEdit(handover.from_rep, self)
        self.to_edit = QLineEdit(handover.to_rep, self)
        self.witness_edit = QLineEdit(handover.witness_rep, self)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.scan_edit = QLineEdit(self, readOnly=True, placeholderText=self.tr("可不附（PDF、JPG 或 PNG）"))
        self.form.addRow(self.tr("移交方签字人（{c}）：").format(c=handover.from_company), self.from_edit)
        self.form.addRow(self.tr("接收方签字人（{c}）：").format(c=handover.to_company), self.to_edit)
        self.form.addRow(self.tr("监交方签字人（{c}）：").format(c=handover.witness or self.tr("无")), self.witness_edit)
        if not handover.witness:  # two-party handover: nobody signs for a 监交方 (the service agrees)
            self.witness_edit.setEnabled(False)
            self.witness_edit.setPlaceholderText(self.tr("本次交接没有监交方"))
        self.form.addRow(self.tr("签署时间："), self.at_edit)
        self.form.addRow(self.tr("签字扫描件："), self._scan_row())
        self.finish_layout()
        self.resize(680, self.sizeHint().height())

    def _scan_row(self) -> QHBoxLayout:
        choose = QPushButton(self.tr("选择…"), self)
        clear = QPushButton(self.tr("清除"), self)
        choose.clicked.connect(self.on_choose_scan_clicked)
        clear.clicked.connect(self.scan_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.scan_edit, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        return row

    def on_choose_scan_clicked(self) -> None:
        path, _ = file_dialogs.get_open_file_name(self, self.tr("选择签字扫描件"), "",
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png)"))
        if path:
            self.scan_edit.setText(path)

    def _scan(self) -> tuple[bytes | None, str]:
        text = self.scan_edit.text()
        if not text:
            return None, ""
        path = Path(text)
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                return b"\0" * (MAX_SCAN_BYTES + 1), path.name  # let the service word the refusal
            return path.read_bytes(), path.name
        except OSError as exc:
            from models.errors import ValidationError
            raise ValidationError(self.tr("无法读取扫描件：{err}").format(err=exc.strerror or exc)) from exc

    def operation(self) -> Op:
        scan, name = self._scan()
        signed_at = py_datetime(self.at_edit.dateTime())
        list_id, version = self._summary.id, self._summary.version
        fields: dict[str, Any] = dict(
            signed_from=self.from_edit.text(), signed_to=self.to_edit.text(),
            signed_witness=self.witness_edit.text() if self.witness_edit.isEnabled() else "",
            signed_at=signed_at, scan=scan, scan_name=name)
        return lambda db: signoff.sign_list(db, list_id, version, **fields)


def _code(enum_cls: type[Coded], value: object) -> str:
    """The code of a member, code or label given; "" (the combo's first choice) for anything else."""
    try:
        return str(enum_cls(value).value)
    except ValueError:
        return ""


class DefectDialog(ServiceDialog):
    """转为遗留问题: severity, who is responsible, and the description (prefilled, editable)."""

    def __init__(self, db: Database, item: ItemRow, description: str, responsible: Responsible | str,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("转为遗留问题 — 第 {seq} 项").format(seq=item.seq))
        self._db, self._item = db, item
        self.severity_combo = QComboBox(self)
        for severity in Severity:  # labels shown; the code carried (Qt keeps a str enum as a string)
            self.severity_combo.addItem(severity.label, severity.value)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(Severity.NORMAL.value))
        self.responsible_combo = QComboBox(self)
        for party in Responsible:
            self.responsible_combo.addItem(party.label, party.value)
        self.responsible_combo.setCurrentIndex(max(self.responsible_combo.findData(_code(Responsible, responsible)), 0))
        self.description_edit = QPlainTextEdit(description, self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumSize(420, 90)
        self.form.addRow(self.tr("严重程度："), self.severity_combo)
        self.form.addRow(self.tr("责任方："), self.responsible_combo)
        self.form.addRow(self.tr("问题描述："), self.description_edit)
        self.finish_layout()

    def operation(self) -> Op:
        item_id, version = self._item.id, self._item.version
        fields: dict[str, Any] = dict(
            severity=Severity(self.severity_combo.currentData()),
            responsible=Responsible(self.responsible_combo.currentData()),
            description=self.description_edit.toPlainText().strip() or None)
        return lambda db: checklists.item_to_defect(db, item_id, version, **fields)
