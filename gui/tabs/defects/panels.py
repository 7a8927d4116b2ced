"""The defects tab's side panels: 今日待办 (what is due today) and the selected defect's detail."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTableView, QVBoxLayout, QWidget

from models.i18n import QT_TRANSLATE_NOOP
from models.services.defect_rows import DefectDetail, DueRow, HistoryRow, late_count

from ...table_model import format_value
from ...widgets.photo_strip import PhotoStrip, StripPhoto

OVERDUE = QColor("#b3261e")
DUE_ROWS = 3  # 今日待办 shows at least this many rows, however short the screen (150 %)
Index = QModelIndex | QPersistentModelIndex


class DueModel(QAbstractTableModel):
    """One row per duty (or per overdue deadline) of the due list; overdue rows in red."""

    COLUMNS = (QT_TRANSLATE_NOOP("DueModel", "编号"), QT_TRANSLATE_NOOP("DueModel", "应办事项"),
               QT_TRANSLATE_NOOP("DueModel", "期限"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str, str, bool]] = []  # defect id, number, what, when, overdue

    def set_due(self, due: list[DueRow]) -> None:
        self.beginResetModel()
        self._rows = [row for d in due for row in self._lines(d)]
        self.endResetModel()

    def _lines(self, d: DueRow) -> list[tuple[int, str, str, str, bool]]:
        lines = [(d.defect.id, d.defect.number, duty.label, format_value(duty.due_at, "datetime"), duty.overdue)
                 for duty in d.duties]
        if d.overdue_days > 0:
            lines.append((d.defect.id, d.defect.number, self.tr("整改逾期 {n} 天（{party}）").format(
                n=d.overdue_days, party=d.defect.responsible.label), format_value(d.defect.deadline, "date"), True))
        return lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column() + 1]
        if role == Qt.ItemDataRole.ForegroundRole and row[4]:
            return OVERDUE
        if role == Qt.ItemDataRole.UserRole:
            return row[0]
        return None

    def texts(self) -> list[str]:
        """Every line as 编号 事项 (tests read what the clerk reads)."""
        return [f"{r[1]} {r[2]}" for r in self._rows]


class DuePanel(QWidget):
    """The due list; a click shows that defect's detail."""

    defect_picked = Signal(int)  # the clerk clicked a due line (the defect id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DueModel(self)
        self.status_label = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        row_height = max(22, self.fontMetrics().height() + 6)
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        header = self.view.horizontalHeader()
        header.resizeSection(0, 104)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 112)
        self.view.setMinimumHeight(header.sizeHint().height() + DUE_ROWS * row_height + 2 * self.view.frameWidth())
        self.view.clicked.connect(lambda index: self.defect_picked.emit(index.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status_label)
        layout.addWidget(self.view, 1)

    def show_loading(self) -> None:
        self.status_label.setText(self.tr("加载中…"))

    def show_due(self, due: list[DueRow]) -> None:
        self.model.set_due(due)
        late = late_count(due)
        self.status_label.setText(self.tr("{n} 项待办，其中 {late} 项已逾期（红色）").format(
            n=self.model.rowCount(), late=late) if due else self.tr("今天没有到期的通知、催办或上报。"))


class DetailPane(QWidget):
    """The selected defect: facts, duties due, photos and the history of who did what."""

    photo_opened = Signal(int)  # a thumbnail was clicked (the photo id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.info_label = QLabel(self, wordWrap=True)
        self.duties_label = QLabel(self, wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.photos = PhotoStrip(self)
        self.photos.photo_opened.connect(self.photo_opened)
        self.history = QPlainTextEdit(self, readOnly=True)
        self.history.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.title_label, self.info_label, self.duties_label, self.photos):
            layout.addWidget(widget)
        layout.addWidget(self.history, 1)
        self.show_detail(None)

    def show_detail(self, detail: DefectDetail | None, where: str = "") -> None:
        """`where`: the location as the clerk reads it (a unit's number when the defect is in a unit)."""
        self._where = where
        if detail is None:
            self.title_label.setText(self.tr("请在表格中选择一条遗留问题"))
            for label in (self.info_label, self.duties_label):
                label.setText("")
            self.photos.set_photos([])
            self.photos.setVisible(False)
            self.history.setPlainText("")
            return
        d = detail.defect
        late = self.tr("，逾期 {n} 天").format(n=detail.overdue_days) if detail.overdue_days else ""
        self.title_label.setText(f"{d.number}　{d.status.label}{late}")
        self.info_label.setText(self._info(detail))
        self.duties_label.setText(self._duties(detail))
        self.photos.set_photos([StripPhoto(p.id, p.filename, p.thumbnail) for p in detail.photos])
        self.photos.setVisible(bool(detail.photos))
        self.history.setPlainText("\n".join(self._history(detail)))

    def _info(self, detail: DefectDetail) -> str:
        d = detail.defect
        return self.tr("{location}｜{category}｜{severity}｜责任方 {party}\n发现 {found}（{by}）　通知 {notice}\n"
                       "整改期限 {deadline}　复验不合格 {failed} 次\n{description}").format(
            location=d.location or self._where or "—", category=d.category.label, severity=d.severity.label,
            party=d.responsible.label,
            found=format_value(d.found_at, "datetime"), by=d.found_by or "—",
            notice=format_value(d.notice_at, "datetime") or self.tr("未发"),
            deadline=format_value(d.deadline, "date") or "—", failed=d.failed_reinspections,
            description=d.description)

    def _duties(self, detail: DefectDetail) -> str:
        lines = []
        if detail.notice_late:
            lines.append('<span style="color:#b3261e">⚠ ' + html.escape(self.tr("整改通知晚于发现后 24 小时发出"))
                         + "</span>")
        if not detail.duties and not lines:
            return ""
        for duty in detail.duties:
            due = format_value(duty.due_at, "datetime")
            text = html.escape(self.tr("{duty}（{due} 前）").format(duty=duty.label, due=due))
            lines.append(f'<span style="color:#b3261e">⚠ {text}</span>' if duty.overdue else f"• {text}")
        return self.tr("应办：") + "<br>" + "<br>".join(lines)

    def _history(self, detail: DefectDetail) -> list[str]:
        moves = [(h.at, "　".join(part for part in (h.by, self._move(h), h.note) if part)) for h in detail.history]
        acts = [(a.at, self.tr("{by}　已办：{what}").format(by=a.by, what=self.tr(ACTION_LABELS.get(a.kind, a.kind)))
                 + (f"　{a.note}" if a.note else "")) for a in detail.actions]
        return [f"{format_value(at, 'datetime')}　{text}" for at, text in sorted(moves + acts, key=lambda x: x[0])]

    @staticmethod
    def _move(h: HistoryRow) -> str:
        """待通知 for the first row, 整改中→待复验 for a move; nothing for a note that keeps the status
        (a deadline change: its note says what changed)."""
        if not h.moved:
            return ""
        return (h.from_status.label + "→" if h.from_status else "") + h.to_status.label


ACTION_LABELS = {"reminder": QT_TRANSLATE_NOOP("DetailPane", "催办"),
                 "escalation": QT_TRANSLATE_NOOP("DetailPane", "上报"),
                 "failure_report": QT_TRANSLATE_NOOP("DetailPane", "复验不合格报告"),
                 "major_report": QT_TRANSLATE_NOOP("DetailPane", "重大问题报告")}  # translated where shown
