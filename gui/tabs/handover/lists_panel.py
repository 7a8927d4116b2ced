"""The left side of the 交接清单 tab: the handover's lists with their revisions, and the version history."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QTreeView, QVBoxLayout, QWidget

from models.base import DocStatus
from models.services.checklist_rows import ListSummary

ListRole = Qt.ItemDataRole.UserRole + 3     # the ListSummary behind a tree row
CaptionRole = Qt.ItemDataRole.UserRole + 4  # the first line of the row's text
STATUS_COLORS = {DocStatus.DRAFT: "#1f5fbf", DocStatus.SIGNED: "#1e7d32", DocStatus.CANCELLED: "#8c939d"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ListsPanel", text)


def status_text(status: DocStatus) -> str:
    return status.label  # one label table (models/labels.py), translated there


def progress_text(summary: ListSummary) -> str:
    return _tr("已核 {n}/{total}，短缺 {k}").format(n=summary.checked, total=summary.total, k=summary.shortfalls)


def _root_id(summary: ListSummary, by_id: dict[int, ListSummary]) -> int:
    """The original list an amendment (of an amendment...) goes back to."""
    seen = {summary.id}
    while summary.amends_id is not None and summary.amends_id in by_id and summary.amends_id not in seen:
        summary = by_id[summary.amends_id]
        seen.add(summary.id)
    return summary.id


class ListsPanel(QWidget):
    """Shows what it is given; the tab reads the services."""

    list_selected = Signal(int)  # the id of the list the clerk picked (0 = none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 1, self)
        self.model.setHorizontalHeaderLabels([self.tr("清单（状态，进度）")])
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the （补充…） end of long titles
        self.tree.selectionModel().currentRowChanged.connect(self.on_current_row_changed)
        self.history_label = QLabel(self)
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        history_box = QGroupBox(self.tr("版本历史"), self)
        QVBoxLayout(history_box).addWidget(self.history_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(history_box)

    # ---- contents ----------------------------------------------------------------------------

    def set_lists(self, summaries: list[ListSummary], select_id: int | None) -> None:
        """Originals at the top level, their amendments under them; select `select_id` (or the first)."""
        self.tree.selectionModel().blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        by_id = {s.id: s for s in summaries}
        parents: dict[int, QStandardItem] = {}
        for summary in summaries:
            root = _root_id(summary, by_id)
            row = self._row(summary)
            if root == summary.id:
                self.model.appendRow(row)
                parents[summary.id] = row[0]
            else:
                (parents.get(root) or self.model.invisibleRootItem()).appendRow(row)
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(False)
        self.select_list(select_id if select_id in by_id else (summaries[0].id if summaries else None))

    def _row(self, summary: ListSummary) -> list[QStandardItem]:
        """Two lines: the title, then status and progress (the panel stays narrow, the table wide)."""
        caption = summary.caption if summary.revision == 1 else self.tr("补充第 {n} 版").format(n=summary.revision - 1)
        cell = QStandardItem(self._text(caption, summary))
        cell.setToolTip(_tr("{caption}\n{status}，{progress}").format(
            caption=summary.caption, status=status_text(summary.status), progress=progress_text(summary)))
        cell.setData(caption, CaptionRole)
        self._style(cell, summary)
        return [cell]

    def _text(self, caption: str, summary: ListSummary) -> str:
        return f"{caption}\n    {status_text(summary.status)}　{progress_text(summary)}"

    @staticmethod
    def _style(cell: QStandardItem, summary: ListSummary) -> None:
        cell.setData(summary, ListRole)
        if summary.is_final:
            cell.setForeground(QBrush(QColor(STATUS_COLORS[summary.status])))

    def update_summary(self, summary: ListSummary) -> None:
        """Refresh one row's status and progress in place (after an edit), keeping the selection."""
        index = self._index_of(summary.id)
        if index.isValid():
            cell = self.model.itemFromIndex(index)
            cell.setText(self._text(cell.data(CaptionRole), summary))
            self._style(cell, summary)

    def select_list(self, list_id: int | None) -> None:
        index = self._index_of(list_id) if list_id else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)  # emits list_selected through currentRowChanged
            self.tree.scrollTo(index)
        else:
            self.list_selected.emit(0)

    def current_summary(self) -> ListSummary | None:
        index = self.tree.currentIndex()
        return index.data(ListRole) if index.isValid() else None

    def _index_of(self, list_id: int | None) -> QModelIndex:
        return self._walk(self.model.invisibleRootItem(), list_id)

    def _walk(self, parent: QStandardItem, list_id: int | None) -> QModelIndex:
        for row in range(parent.rowCount()):
            child = parent.child(row, 0)
            if child.data(ListRole).id == list_id:
                return child.index()
            found = self._walk(child, list_id)
            if found.isValid():
                return found
        return QModelIndex()

    def show_history(self, versions: list[ListSummary]) -> None:
        lines = [self._history_line(v) for v in versions]
        self.history_label.setText("\n".join(lines) if lines else self.tr("（未选择清单）"))

    def _history_line(self, v: ListSummary) -> str:
        name = self.tr("原清单") if v.revision == 1 else self.tr("补充第 {n} 版").format(n=v.revision - 1)
        if v.signed_at is None:
            return self.tr("{name}：{status}").format(name=name, status=status_text(v.status))
        who = "、".join(x for x in (v.signed_from, v.signed_to, v.signed_witness) if x)
        return self.tr("{name}：{status} {at}（{who}）").format(
            name=name, status=status_text(v.status), at=v.signed_at.strftime("%Y-%m-%d %H:%M"), who=who)

    # ---- slots -------------------------------------------------------------------------------

    def on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = current.data(ListRole) if current.isValid() else None
        self.list_selected.emit(summary.id if summary else 0)
