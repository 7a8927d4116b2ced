"""交接信息: create or edit a handover — kind, parties with representatives, witness, dates."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from models.db import Database
from models.handover import HandoverKind
from models.services import handovers, office
from models.services.checklist_rows import HandoverInfo

from .. import ops
from ..dates import qdate
from ..widgets.role_gate import apply_permit
from .base_dialog import OptionalDate, ServiceDialog, date_edit


class HandoverDialog(ServiceDialog):
    """With `handover` None it creates one in `project_id`; otherwise it edits that one."""

    def __init__(self, db: Database, project_id: int, handover: HandoverInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("新建交接") if handover is None else self.tr("交接信息"))
        self.db = self._db = db  # self.db: the database the write runs on (ServiceDialog)
        self._project_id, self._handover = project_id, handover
        self._build()
        if handover is not None:
            self._fill(handover)
        else:
            self._default_parties(office.office(db).name)
        self.reason_edit: QLineEdit | None = None
        if handover is not None and handover.needs_correction_reason:
            self._correction_row(handover)
        if handover is not None:
            self._gate_supervisor_fields(handover)
        self.finish_layout()
        self.resize(560, self.sizeHint().height())

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in HandoverKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = QLineEdit(self, placeholderText=self.tr("可不填，默认为“类型（移交方 → 接收方）”"))
        self.from_edit, self.from_rep_edit = QLineEdit(self), QLineEdit(self)
        self.to_edit, self.to_rep_edit = QLineEdit(self), QLineEdit(self)
        self.witness_edit, self.witness_rep_edit = QLineEdit(self), QLineEdit(self)
        self.cutoff_edit = date_edit(self, None)
        self.planned_date = OptionalDate(None, self.tr("已定"), self)
        self.actual_date = OptionalDate(None, self.tr("已交接"), self)
        self.form.addRow(self.tr("交接类型："), self.kind_combo)
        self.form.addRow(self.tr("交接名称："), self.title_edit)
        self.form.addRow(self._parties())
        self.form.addRow(self.tr("交接基准日："), self.cutoff_edit)
        self.form.addRow(self.tr("计划交接日期："), self.planned_date)
        self.form.addRow(self.tr("实际交接日期："), self.actual_date)

    def _default_parties(self, our_name: str) -> None:
        """A new handover: the office (本处信息) is 接收方, or 移交方 when we leave (退场移交);
        switching the kind moves our name across while the clerk has not typed over it."""
        self._our_name = our_name
        self.to_edit.setText(our_name)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.on_kind_changed(self.kind()))

    def kind(self) -> HandoverKind:
        return HandoverKind(self.kind_combo.currentData())

    def on_kind_changed(self, kind: HandoverKind) -> None:
        ours, other = ((self.from_edit, self.to_edit) if kind is HandoverKind.EXIT
                       else (self.to_edit, self.from_edit))
        if self._our_name and other.text() == self._our_name and not ours.text():
            other.clear()
            ours.setText(self._our_name)

    def _correction_row(self, h: HandoverInfo) -> None:
        """Signed documents printed these parties and this cut-off: a change is a correction with a reason."""
        note = QLabel(self.tr("本交接已有已签署的单据（{docs}）。更改交接类型、交接双方或基准日属于更正，"
                              "须由主管写明原因；已签署的单据仍按签署时的内容打印。")
                      .format(docs="、".join(h.signed_documents)), self)
        note.setWordWrap(True)
        self.reason_edit = QLineEdit(self, placeholderText=self.tr("仅更正交接双方或基准日时填写"))
        self.form.addRow(note)
        self.form.addRow(self.tr("更正原因："), self.reason_edit)

    def _gate_supervisor_fields(self, h: HandoverInfo) -> None:
        """What only a supervisor may change on an existing handover (handovers.update_handover refuses
        anyone else) is disabled for a clerk, saying who may: the cut-off always; once a document is
        signed, everything the signed documents printed, and the reason for correcting it."""
        if h.needs_correction_reason:
            frozen = (self.kind_combo, self.from_edit, self.from_rep_edit, self.to_edit, self.to_rep_edit,
                      self.witness_edit, self.witness_rep_edit, self.reason_edit)
            for control in frozen:
                if control is not None:
                    apply_permit(control, handovers.correction_permit(self._db), "")
        apply_permit(self.cutoff_edit, handovers.cutoff_permit(self._db), "")

    def _parties(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("单位"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("代表"), self), 0, 2)
        rows = ((self.tr("移交方："), self.from_edit, self.from_rep_edit),
                (self.tr("接收方："), self.to_edit, self.to_rep_edit),
                (self.tr("监交方："), self.witness_edit, self.witness_rep_edit))
        for r, (label, company, rep) in enumerate(rows, 1):
            grid.addWidget(QLabel(label, self), r, 0)
            grid.addWidget(company, r, 1)
            grid.addWidget(rep, r, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        return grid

    def _fill(self, h: HandoverInfo) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(h.kind.value))
        for edit, value in ((self.title_edit, h.title), (self.from_edit, h.from_company),
                            (self.from_rep_edit, h.from_rep), (self.to_edit, h.to_company),
                            (self.to_rep_edit, h.to_rep), (self.witness_edit, h.witness),
                            (self.witness_rep_edit, h.witness_rep)):
            edit.setText(value)
        self.cutoff_edit.setDate(qdate(h.cutoff_date))
        self.planned_date.set_value(h.planned_date)
        self.actual_date.set_value(h.actual_date)

    def fields(self) -> dict[str, Any]:
        """What the clerk entered, as the service's keyword arguments."""
        return {"kind": self.kind(), "title": self.title_edit.text(),
                "from_company": self.from_edit.text(), "from_rep": self.from_rep_edit.text(),
                "to_company": self.to_edit.text(), "to_rep": self.to_rep_edit.text(),
                "witness": self.witness_edit.text(), "witness_rep": self.witness_rep_edit.text(),
                "cutoff_date": self.cutoff_edit.date().toPython(),
                "planned_date": self.planned_date.value(), "actual_date": self.actual_date.value()}

    def operation(self) -> ops.Op:
        """Announced by whoever opened it (the handover tab's handover_saved reloads the selector)."""
        fields, project_id, handover = self.fields(), self._project_id, self._handover
        if handover is None:
            return lambda db: handovers.create_handover(
                db, project_id, fields.pop("kind"), fields.pop("from_company"),
                fields.pop("to_company"), fields.pop("cutoff_date"), **fields)
        reason = self.reason_edit.text() if self.reason_edit is not None else ""
        return lambda db: handovers.update_handover(db, handover.id, handover.version, reason=reason, **fields)
