"""The defect form (新建/编辑) and the small note dialogs of the lifecycle actions."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.defect import DefectCategory, Responsible, Severity
from models.errors import ValidationError
from models.labels import Coded
from models.photos import Prepared, read_photo
from models.services import defect_register as reg
from models.services.defect_rows import DefectRow, PhotoRow

from ... import file_dialogs, tasks
from ...dates import py_datetime, qdate, qdatetime
from ...dialogs.base_dialog import ServiceDialog, date_edit
from ...errors import show_error
from ...ops import Op
from ...widgets.photo_strip import PhotoStrip, PhotoViewer, StripPhoto
from ...widgets.screen_fit import fit_to_screen
from ...widgets.unit_combo import unit_combo


def _combo(parent: QWidget, enum_cls: type[Coded], current: Coded) -> QComboBox:
    """The labels in the desk's language; each item carries its member's code (Qt keeps a str enum as
    a plain string), read back as the member by `_member`."""
    combo = QComboBox(parent)
    for member in enum_cls:
        combo.addItem(member.label, member.value)
    combo.setCurrentIndex(max(combo.findData(current.value), 0))
    return combo


def _member(combo: QComboBox, enum_cls: type[Coded]) -> Any:
    return enum_cls(combo.currentData())


class DefectDialog(ServiceDialog):
    """新建 (defect None) or 编辑 a defect; photos are added/removed when the form is saved."""

    def __init__(self, db: Database, project_id: int, handover_id: int | None, units: list[tuple[int, str]],
                 now: dt.datetime, defect: DefectRow | None = None, photos: Sequence[PhotoRow] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑遗留问题 {n}").format(n=defect.number) if defect
                         else self.tr("登记遗留问题"), parent)
        self.db, self.project_id, self.handover_id, self.defect = db, project_id, handover_id, defect
        self._unit_ids = {number: uid for uid, number in units}
        self._unit_numbers = {uid: number for uid, number in units}
        self._now = now  # the tab's clock when the form opened: the time of a deadline change
        self._pending: dict[int, Prepared] = {}  # read and checked, not yet saved, by negative key
        self._removed: set[int] = set()          # stored photos to remove on save
        self._next_key = -1
        self._reading = 0      # photo files being read in a worker; OK waits for them
        self._opened = 0       # bumped when the dialog closes: a late read is dropped
        self._build(now, defect, [number for _uid, number in units])
        self.strip.set_photos([StripPhoto(p.id, p.filename, p.thumbnail) for p in photos])
        self.scroll_form()
        self.finish_layout()
        fit_to_screen(self, 620, 640)

    # ---- building ----------------------------------------------------------------------------

    def _build(self, now: dt.datetime, d: DefectRow | None, numbers: list[str]) -> None:
        self.location = unit_combo(self, numbers, self.tr("选择或输入房号；公共部位直接填写，如“地下车库B区”"),
                                   self._location_text(d))
        self.category = _combo(self, DefectCategory, d.category if d else DefectCategory.CIVIL)
        self.severity = _combo(self, Severity, d.severity if d else Severity.NORMAL)
        self.responsible = _combo(self, Responsible, d.responsible if d else Responsible.DEVELOPER)
        self.found_at = QDateTimeEdit(qdatetime(d.found_at if d else now), self, calendarPopup=True)
        self.found_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.found_at.setEnabled(d is None)  # the finding time starts the 24 h notice clock
        self.found_by = QLineEdit(d.found_by if d else "", self)
        self.found_by.setEnabled(d is None)  # who found it is part of the record, not edited later
        self.found_by.setPlaceholderText(self.tr("留空为当前用户"))
        self.description = QPlainTextEdit(d.description if d else "", self)
        self.description.setMinimumHeight(90)
        self.deadline = date_edit(self, d.deadline if d else None)
        self.deadline_reason = QLineEdit(self)
        self.deadline_reason.setPlaceholderText(self.tr("修改整改期限须写明原因，记入处理记录"))
        if d is None:
            self.on_severity_changed()
            self.found_at.dateTimeChanged.connect(lambda _t: self.on_severity_changed())
        self.severity.currentTextChanged.connect(lambda _t: self.on_severity_changed())
        self.deadline.dateChanged.connect(lambda _d: self.on_deadline_changed())
        for label, widget in ((self.tr("位置"), self.location), (self.tr("类别"), self.category),
                              (self.tr("严重程度"), self.severity), (self.tr("整改期限"), self.deadline),
                              (self.tr("期限变更原因"), self.deadline_reason),
                              (self.tr("责任方"), self.responsible), (self.tr("问题描述"), self.description),
                              (self.tr("发现时间"), self.found_at), (self.tr("发现人"), self.found_by)):
            self.form.addRow(self.tr("{label}：").format(label=label), widget)
        self.form.addRow(self.tr("照片："), self._photos_row())
        self.on_deadline_changed()

    def _location_text(self, d: DefectRow | None) -> str:
        if d is None:
            return ""
        return d.location or self._unit_numbers.get(d.unit_id or -1, "")

    def _photos_row(self) -> QWidget:
        box = QWidget(self)
        self.strip = PhotoStrip(box, accept_drops=True)
        self.strip.setToolTip(self.tr("把照片文件拖到这里，或点“添加照片…”；单击照片查看原图"))
        self.add_photo_button = QPushButton(self.tr("添加照片…"), box)
        self.remove_photo_button = QPushButton(self.tr("删除照片"), box)
        self.add_photo_button.clicked.connect(self.on_add_photos_clicked)
        self.remove_photo_button.clicked.connect(self.on_remove_photo_clicked)
        self.strip.files_dropped.connect(self.add_files)
        self.strip.photo_opened.connect(self.on_photo_opened)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_photo_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.strip, 1)
        row.addLayout(buttons)
        return box

    # ---- slots -------------------------------------------------------------------------------

    def on_severity_changed(self) -> None:
        """The office's table sets the deadline from the finding date; the clerk may still change it."""
        found = py_datetime(self.found_at.dateTime())
        self.deadline.setDate(qdate(reg.default_deadline(self.db, _member(self.severity, Severity), found)))

    def deadline_changed(self) -> bool:
        """A registered defect's deadline differs from the saved one (the service then needs a reason)."""
        return self.defect is not None and self.deadline.date().toPython() != self.defect.deadline

    def on_deadline_changed(self) -> None:
        """The reason row shows only while the clerk has moved a registered defect's deadline."""
        self.form.setRowVisible(self.deadline_reason, self.deadline_changed())

    def on_add_photos_clicked(self) -> None:
        paths, _ = file_dialogs.get_open_file_names(self, self.tr("添加照片"), "",
                                                    self.tr("图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"))
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Chosen or dropped files are read and checked in a worker (a large photo takes a moment to
        decode); each refused file is named under the form, the good ones join the strip."""
        if not paths:
            return
        self._reading += 1
        self._show_reading()
        opened = self._opened
        tasks.start(lambda _progress: [_read(path) for path in paths],
                    lambda results: self.on_photos_read(opened, results),
                    lambda exc: self.on_photos_failed(opened, exc))

    def on_photos_read(self, opened: int, results: list[Prepared | str]) -> None:
        if opened != self._opened:
            return
        for result in results:
            if isinstance(result, Prepared):
                self._pending[self._next_key] = result
                self.strip.add_photo(StripPhoto(self._next_key, result.filename, result.thumbnail))
                self._next_key -= 1
        self._reading -= 1
        self._show_reading([r for r in results if isinstance(r, str)])

    def on_photos_failed(self, opened: int, exc: BaseException) -> None:
        if opened != self._opened:
            return
        self._reading -= 1
        self._show_reading()
        show_error(exc, self)

    def reading_photos(self) -> bool:
        """Photo files are still being read (tests wait on this)."""
        return self._reading > 0

    def _show_reading(self, refused: Sequence[str] = ()) -> None:
        """OK waits while photos are read; refused files are named under the form."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.reading_photos())
        busy = self.tr("正在读取照片…")
        if refused or self.reading_photos():
            self.error_label.setText("\n".join(refused) or busy)
            self.error_label.setVisible(True)
        elif self.error_label.text() == busy:
            self.error_label.setVisible(False)

    def done(self, result: int) -> None:
        self._opened += 1
        super().done(result)

    def on_remove_photo_clicked(self) -> None:
        key = self.strip.selected_key()
        if key is None:
            return
        if key < 0:
            self._pending.pop(key, None)
        else:
            self._removed.add(key)
        self.strip.remove_key(key)

    def on_photo_opened(self, key: int) -> None:
        data = self._pending[key].data if key < 0 else reg.photo_data(self.db, key)
        PhotoViewer(data, self.tr("照片"), self).exec()

    # ---- saving ------------------------------------------------------------------------------

    def _where(self) -> tuple[int | None, str]:
        text = self.location.currentText().strip()
        unit_id = self._unit_ids.get(text)
        return unit_id, "" if unit_id is not None else text

    def _fields(self) -> dict[str, Any]:
        unit_id, location = self._where()
        return dict(unit_id=unit_id, location=location, category=_member(self.category, DefectCategory),
                    severity=_member(self.severity, Severity), responsible=_member(self.responsible, Responsible),
                    description=self.description.toPlainText(), deadline=self.deadline.date().toPython())

    def operation(self) -> Op:
        """One service call, one transaction: the fields with the photos added and removed."""
        if self.reading_photos():
            raise ValidationError(self.tr("照片仍在读取，请稍候再保存。"))
        fields, photos = self._fields(), list(self._pending.values())
        if self.defect is None:
            project_id, handover_id = self.project_id, self.handover_id
            found_at = py_datetime(self.found_at.dateTime()).replace(second=0, microsecond=0)
            found_by = self.found_by.text().strip()
            return lambda db: reg.record_new(db, project_id, handover_id=handover_id, found_at=found_at,
                                             found_by=found_by, photos=photos, **fields)
        defect_id, version, at, removed = self.defect.id, self.defect.version, self._now, sorted(self._removed)
        reason = self.deadline_reason.text() if self.deadline_changed() else ""
        return lambda db: reg.update_defect(db, defect_id, version, reason=reason, at=at, add_photos=photos,
                                            remove_photos=removed, **fields)


def _read(path: str) -> Prepared | str:
    """A photo file read and checked (in the worker), or the message naming why not."""
    try:
        return read_photo(path)
    except ValidationError as exc:
        return str(exc)


class NoteDialog(ServiceDialog):
    """One lifecycle step: an optional (or required) note, then `act(note)` saves it."""

    def __init__(self, title: str, prompt: str, act: Callable[[str], Any], required: bool = False,
                 parent: QWidget | None = None, choices: list[tuple[str, str]] | None = None) -> None:
        super().__init__(title, parent)
        self._act, self._required = act, required
        self.choice = QComboBox(self)
        for label, code in choices or []:
            self.choice.addItem(label, code)
        if choices:
            self.form.addRow(self.tr("事项："), self.choice)
        self.note = QPlainTextEdit(self)
        self.note.setMinimumHeight(80)
        self.form.addRow(self.tr("{label}：").format(label=prompt), self.note)
        self.finish_layout()
        self.resize(460, 220)

    def operation(self) -> Op:
        note = self.note.toPlainText().strip()
        if self._required and not note:
            label = self.form.labelForField(self.note)
            assert isinstance(label, QLabel)  # addRow with a text gave the note a QLabel
            raise ValidationError(self.tr("请填写{what}。").format(what=label.text().rstrip("：")))
        act, args = self._act, (self.choice.currentData(), note) if self.choice.count() else (note,)
        return lambda _db: act(*args)  # `act` holds the tab's database
