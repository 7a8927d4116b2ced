"""The 交接清单 tab's dialogs: new list (from a template or blank), save as template, sign-off, item to defect."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout,
                               QLineEdit, QListView, QPlainTextEdit, QPushButton, QSizePolicy, QWidget)

from models.db import Database
from models.defect import RESPONSIBLE_PARTIES, SEVERITIES
from models.services import checklists, signoff
from models.services.checklist_rows import (DefectRef, HandoverInfo, ItemRow, ListSummary, TemplateRow)

from ... import file_dialogs
from ...widgets.screen_fit import fit_to_screen
from .base_dialog import ServiceDialog

TemplateRole = Qt.ItemDataRole.UserRole + 3
MAX_SCAN_BYTES = 20 * 1024 * 1024  # the service refuses more; say so before reading a huge file


class TemplatePickerDialog(ServiceDialog):
    """新建清单（从模板）: the templates that suit the handover's kind (or all), and a title."""

    def __init__(self, db: Database, handover: HandoverInfo, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("新建清单（从模板）"))
        self._db, self._handover = db, handover
        self.model = QStandardItemModel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_check = QCheckBox(self.tr("显示所有交接类型的模板"), self)
        self.title_edit = QLineEdit(self)
        self.form.addRow(self.tr("模板（{kind}）：").format(kind=handover.kind.label), self.list_view)
        self.form.addRow("", self.all_check)
        self.form.addRow(self.tr("清单名称："), self.title_edit)
        self.finish_layout()
        self.list_view.selectionModel().currentChanged.connect(self.on_template_changed)
        self.list_view.doubleClicked.connect(self.ok)
        self.all_check.toggled.connect(self.on_all_toggled)
        self._load(handover.kind.value)
        fit_to_screen(self, 520, 520)

    def _load(self, kind: str | None) -> None:
        self.model.clear()
        for t in checklists.list_templates(self._db, kind):
            label = self.tr("{name}（{n} 项）").format(name=t.name, n=t.item_count)
            item = QStandardItem(label if t.builtin else self.tr("{label}　自定义").format(label=label))
            item.setData(t, TemplateRole)
            item.setToolTip(t.code)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def select_template(self, code: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(TemplateRole).code == code:
                self.list_view.setCurrentIndex(self.model.index(row, 0))

    def current_template(self) -> TemplateRow | None:
        index = self.list_view.currentIndex()
        return index.data(TemplateRole) if index.isValid() else None

    def on_template_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        template = current.data(TemplateRole) if current.isValid() else None
        if template is not None:
            self.title_edit.setText(template.name)

    def on_all_toggled(self, checked: bool) -> None:
        self._load(None if checked else self._handover.kind.value)

    def save(self) -> ListSummary:
        template = self.current_template()
        code = template.code if template else ""
        return checklists.start_list(self._db, self._handover.id, code, self.title_edit.text())


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

    def save(self) -> ListSummary:
        return checklists.create_list(self._db, self._handover_id, self.title_edit.text())


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

    def save(self) -> TemplateRow:
        return checklists.save_as_template(self._db, self._list_id, self.code_edit.text(), self.name_edit.text())


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

    def save(self) -> ListSummary:
        scan, name = self._scan()
        signed_at: dt.datetime = self.at_edit.dateTime().toPython()
        return signoff.sign_list(self._db, self._summary.id, self._summary.version,
                                 signed_from=self.from_edit.text(), signed_to=self.to_edit.text(),
                                 signed_witness=self.witness_edit.text() if self.witness_edit.isEnabled() else "",
                                 signed_at=signed_at,
                                 scan=scan, scan_name=name)


class DefectDialog(ServiceDialog):
    """转为遗留问题: severity, who is responsible, and the description (prefilled, editable)."""

    def __init__(self, db: Database, item: ItemRow, description: str, responsible: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("转为遗留问题 — 第 {seq} 项").format(seq=item.seq))
        self._db, self._item = db, item
        self.severity_combo = QComboBox(self)
        self.severity_combo.addItems(list(SEVERITIES))
        self.severity_combo.setCurrentText("一般")
        self.responsible_combo = QComboBox(self)
        self.responsible_combo.addItems(list(RESPONSIBLE_PARTIES))
        self.responsible_combo.setCurrentText(responsible)
        self.description_edit = QPlainTextEdit(description, self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumSize(420, 90)
        self.form.addRow(self.tr("严重程度："), self.severity_combo)
        self.form.addRow(self.tr("责任方："), self.responsible_combo)
        self.form.addRow(self.tr("问题描述："), self.description_edit)
        self.finish_layout()

    def save(self) -> DefectRef:
        return checklists.item_to_defect(self._db, self._item.id, self._item.version,
                                         severity=self.severity_combo.currentText(),
                                         responsible=self.responsible_combo.currentText(),
                                         description=self.description_edit.toPlainText().strip() or None)
