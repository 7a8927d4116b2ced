"""交接清单 tab: the current handover's lists on the left, the selected list's items to check on the right."""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.browse import Scope
from models.db import Database
from models.errors import DomainError
from models.services import checklists, handovers, signoff
from models.services.checklist_rows import HandoverInfo, ItemChange, ItemRow, ListDetail, ListSummary

from ... import ops
from ...dialogs.handover_dialog import HandoverDialog
from ...dialogs.template_picker import TemplatePickerDialog
from ...errors import show_error
from ...table_model import format_value
from . import actions
from .dialogs import BlankListDialog, DefectDialog, SaveTemplateDialog, SignDialog
from .items_model import COL, ItemsModel
from .items_view import ItemsView
from .lists_panel import ListsPanel

BANNER_STYLE = "background: #fff4d6; border: 1px solid #e0b84c; padding: 6px; color: #5c4300;"


class HandoverTab(QWidget):
    """Reads through the checklist services on the GUI thread (a list is a few hundred rows at most)."""

    loaded = Signal()              # the current handover's lists and the selected list are shown
    data_edited = Signal(str)      # this tab changed records: "handover_items", "defects", "handover_lists"
    handover_saved = Signal(int)   # a handover was created or edited here (its id): the selector reloads

    new_list_button: QToolButton   # 新建清单's menu button, made by actions.fill_toolbars

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._scope: Scope | None = None
        self._dirty = True
        self._own_change = False  # our own data_edited comes back as reload(): the rows are already fresh
        self._item_writing = False  # an item's write is on its way (ops.run_op)
        self.handover: HandoverInfo | None = None
        self.detail: ListDetail | None = None
        self.summaries: list[ListSummary] = []
        self.model = ItemsModel(db, self)
        self._build()
        self.acts = actions.build(self)
        actions.fill_toolbars(self)
        self._wire()
        self.update_actions()

    # ---- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.lists_panel = ListsPanel(self)
        self.table = ItemsView(self.model, self)
        self.banner = QLabel(self, wordWrap=True)
        self.banner.setVisible(False)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.progress_bar = QProgressBar(self, textVisible=False)
        self.progress_bar.setMaximumSize(220, 14)
        self.progress_label = QLabel(self)
        self.list_label = QLabel(self)
        self.list_label.setStyleSheet("font-weight: bold;")
        self.changes_text = QPlainTextEdit(self, readOnly=True)
        self.changes_box = QGroupBox(self.tr("与原清单相比的变更"), self)
        self.changes_box.setVisible(False)
        QVBoxLayout(self.changes_box).addWidget(self.changes_text)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.lists_panel)
        self.splitter.addWidget(self._right_side())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1100])
        self.top_bar = actions.toolbar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.table)

    def _right_side(self) -> QWidget:
        right = QWidget(self)
        progress = QHBoxLayout()
        progress.addWidget(self.list_label)
        progress.addStretch(1)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar)
        self.items_bar = actions.toolbar(self)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, right)
        self.right_splitter.addWidget(self.table)
        self.right_splitter.addWidget(self.changes_box)
        self.right_splitter.setStretchFactor(0, 1)
        self.right_splitter.setSizes([480, 120])
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(progress)
        layout.addWidget(self.banner)
        layout.addWidget(self.items_bar)
        layout.addWidget(self.right_splitter, 1)
        return right

    def _wire(self) -> None:
        self.lists_panel.list_selected.connect(self.on_list_selected)
        self.model.item_saved.connect(self.on_item_saved)
        self.model.edit_refused.connect(self.on_cell_edit_refused)
        self.table.selectionModel().currentChanged.connect(lambda *_: self.update_actions())

    # ---- what the main window calls ----------------------------------------------------------

    def set_scope(self, scope: Scope | None) -> None:
        self._scope = scope
        self._dirty = True
        self.reload()

    def reload(self) -> None:
        if self._own_change:
            return
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        try:
            self._load()
        except DomainError as exc:
            show_error(exc, self)
        self.loaded.emit()

    def is_loaded(self) -> bool:
        return not self._dirty

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    # ---- loading -----------------------------------------------------------------------------

    def handover_id(self) -> int | None:
        return self._scope.handover_id if self._scope else None

    def _load(self, select_list: int | None = None) -> None:
        handover_id = self.handover_id()
        self.handover = handovers.get_handover(self.db, handover_id) if handover_id else None
        self.summaries = checklists.lists_of(self.db, handover_id) if handover_id else []
        current = self.lists_panel.current_summary()
        self.lists_panel.set_lists(self.summaries, select_list or (current.id if current else None))

    def _show_list(self, list_id: int) -> None:
        keep = self._current_position()
        self.detail = checklists.list_detail(self.db, list_id) if list_id else None
        summary = self.detail.summary if self.detail else None
        self.model.set_rows(self.detail.items if self.detail else [], editable=bool(summary and summary.is_editable))
        self.table.set_editable(self.model.editable)
        self._show_banner(summary)
        self._show_progress()
        self.lists_panel.show_history(signoff.history(self.db, list_id) if list_id else [])
        self._show_changes(self.detail.changes if self.detail and summary and summary.amends_id is not None else None)
        self._restore_position(keep)
        self.update_actions()

    def _current_position(self) -> tuple[int | None, int, int]:
        item = self.current_item()
        return (item.id if item else None, self.table.current_row(), max(self.table.currentIndex().column(), 0))

    def _restore_position(self, keep: tuple[int | None, int, int]) -> None:
        item_id, row, column = keep
        found = self.model.row_of(item_id) if item_id else -1
        row = found if found >= 0 else min(max(row, 0), self.model.rowCount() - 1)
        if row >= 0:
            self.table.select_cell(row, column)

    def reload_list(self, select_item: int | None = None, column: int | None = None) -> None:
        """Re-read the selected list (after a refusal or a structural change) and keep the place."""
        summary = self.current_summary()
        self._show_list(summary.id if summary else 0)
        if select_item is not None:
            self.table.select_cell(self.model.row_of(select_item), column)

    # ---- showing -----------------------------------------------------------------------------

    def _show_banner(self, summary: ListSummary | None) -> None:
        if summary is None or not summary.is_final:
            self.banner.setVisible(False)
            return
        if summary.is_signed:
            text = self.tr("本清单已签署（签署于 {at}），不能修改；如需更正请创建补充清单").format(
                at=format_value(summary.signed_at, "datetime"))
        else:
            text = self.tr("本清单已作废，不能修改")
        self.banner.setText(text)
        self.banner.setVisible(True)

    def _show_progress(self) -> None:
        summary = self.current_summary()
        self.list_label.setText(summary.caption if summary else self.tr("（没有清单）"))
        # The counts as the items stand after an edit, by the models' rule (no list: all zero).
        fresh = summary.counted(self.model.items()) if summary is not None else None
        total, checked = (fresh.total, fresh.checked) if fresh else (0, 0)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(checked)
        self.progress_label.setText(self.tr("已核对 {n}/{total}，短缺 {k} 项，问题 {m} 项").format(
            n=checked, total=total, k=fresh.shortfalls if fresh else 0, m=fresh.problems if fresh else 0))
        if fresh is not None:
            self.lists_panel.update_summary(fresh)

    def _show_changes(self, changes: list[ItemChange] | None) -> None:
        self.changes_box.setVisible(changes is not None)
        if changes is None:
            return
        summary = self.current_summary()
        amended = summary.revision - 1 if summary else 1  # named as the lists panel names versions
        against = self.tr("原清单") if amended <= 1 else self.tr("补充第 {n} 版").format(n=amended - 1)
        self.changes_box.setTitle(self.tr("与{version}相比的变更（{k} 项）").format(version=against, k=len(changes)))
        lines = [self._change_line(c) for c in changes] or [self.tr("与{version}相同，尚无变更。").format(version=against)]
        self.changes_text.setPlainText("\n".join(lines))

    def _refresh_changes(self) -> None:
        """After an edit of an amendment's items: the change list as it stands now."""
        summary = self.current_summary()
        if summary is not None and summary.amends_id is not None:
            self._show_changes(signoff.changes_against_amended(self.db, summary.id))

    def _change_line(self, change: ItemChange) -> str:
        head = self.tr("{line} {kind}：{category} / {name}").format(
            line=self._change_where(change), kind=self._change_kind(change.kind), category=change.category,
            name=change.name)
        if not change.changes:
            return head
        fields = self.tr("；").join(f"{actions.field_title(k)} {_plain(a)} → {_plain(b)}"
                                    for k, (a, b) in change.changes.items())
        return self.tr("{head}（{fields}）").format(head=head, fields=fields)

    def _change_where(self, change: ItemChange) -> str:
        """第 2 行 in the amendment; a removed line by its place in the amended version (原第 2 行)."""
        if change.new_seq is None:
            return self.tr("原第 {old} 行").format(old=change.old_seq)
        if change.old_seq is None or change.old_seq == change.new_seq:
            return self.tr("第 {new} 行").format(new=change.new_seq)
        return self.tr("第 {new} 行（原第 {old} 行）").format(new=change.new_seq, old=change.old_seq)

    def _change_kind(self, kind: str) -> str:
        return {"added": self.tr("新增"), "removed": self.tr("删除"), "changed": self.tr("修改")}.get(kind, kind)

    # ---- current selection -------------------------------------------------------------------

    def current_summary(self) -> ListSummary | None:
        if self.detail is not None:
            return self.detail.summary
        return None

    def current_item(self) -> ItemRow | None:
        return self.model.item(self.table.current_row())

    def is_draft(self) -> bool:
        summary = self.current_summary()
        return summary is not None and summary.is_editable

    def update_actions(self) -> None:
        actions.update(self)

    # ---- announcing changes ------------------------------------------------------------------

    def announce(self, subject: str) -> None:
        """Tell the window (overview, defects...) that records changed; our own rows are already fresh."""
        self._own_change = True
        try:
            self.data_edited.emit(subject)
        finally:
            self._own_change = False

    def after_list_change(self, select_list: int | None) -> None:
        """A list was added, signed or amended: reload the tree, select it, tell the others."""
        self._load(select_list)
        self.announce("handover_lists")

    # ---- slots: items ------------------------------------------------------------------------

    def on_list_selected(self, list_id: int) -> None:
        try:
            self._show_list(list_id)
        except DomainError as exc:
            show_error(exc, self)

    def on_item_saved(self, _item: ItemRow) -> None:
        self._show_progress()
        self._refresh_changes()
        self.update_actions()
        self.announce("handover_items")

    def on_cell_edit_refused(self, exc: DomainError, row: int, column: int, text: str) -> None:
        # Shown once the editor has closed, not inside the model's setData. A timer rather than a
        # queued signal: no Python object rides a queued connection (see gui/tasks.py).
        item = self.model.item(row)
        item_id = item.id if item is not None else None
        QTimer.singleShot(0, self, lambda: self.on_cell_refused(exc, item_id, column, text))

    def on_cell_refused(self, exc: DomainError, item_id: int | None, column: int, text: str) -> None:
        """The message, the row as stored now, then the cell open again with what the clerk typed."""
        if not shiboken6.isValid(self.table):  # the cell's save came back as the tab was closing
            return
        self.on_edit_refused(exc, self.model.row_of(item_id) if item_id else -1)
        row = self.model.row_of(item_id) if item_id else -1
        if row >= 0 and self.model.editable:
            self.table.retry_cell(row, column, text)

    def on_edit_refused(self, exc: DomainError, _row: int) -> None:
        show_error(exc, self)
        self.reload_list()  # the row as stored now (someone else's save, or unchanged)

    def on_mark_expected_triggered(self) -> None:
        item = self.current_item()
        if item is None or not self.model.editable:
            return
        item_id, version, row = item.id, item.version, self.table.current_row()
        self._write_item(lambda db: checklists.mark_received_as_expected(db, item_id, version),
                         self._marked_expected, lambda exc: self.on_edit_refused(exc, row))

    def _write_item(self, op: ops.Op, on_success: Any, on_refused: Any = None) -> None:
        """One item write at a time, in the worker; the table keeps the focus (the clerk types on).
        A key pressed again before the row is saved is not a second write of the same row."""
        if self._item_writing:
            return
        self._item_writing = True

        def then(handle: Any) -> Any:
            def call(value: Any) -> None:
                self._item_writing = False
                handle(value)
            return call
        refused = on_refused or (lambda exc: show_error(exc, self))
        ops.run_op(self, self.db, op, on_success=then(on_success), busy=[],
                   on_failure=then(ops.refusal(refused, self)))

    def _marked_expected(self, saved: ItemRow) -> None:
        self.model.replace_row(saved)
        self.on_item_saved(saved)
        self.table.move_down()

    def on_add_item_triggered(self) -> None:
        summary, item = self.current_summary(), self.current_item()
        if summary is None:
            return
        list_id = summary.id
        fields: dict[str, Any] = dict(category=item.category if item else self.tr("其他"), name=self.tr("新条目"),
                                      uom=item.uom if item else "", after_item_id=item.id if item else None)
        self._write_item(lambda db: checklists.add_item(db, list_id, **fields), self._item_added)

    def _item_added(self, added: ItemRow) -> None:
        self.reload_list(added.id, COL["name"])
        self.table.edit(self.table.currentIndex())
        self.announce("handover_items")

    def on_remove_item_triggered(self) -> None:
        item = self.current_item()
        if item is None or not self.confirm(self.tr("删除第 {seq} 项“{name}”？").format(seq=item.seq, name=item.name)):
            return
        item_id, version = item.id, item.version
        self._write_item(lambda db: checklists.remove_item(db, item_id, version), lambda _r: self._item_removed(),
                         self._item_removed)

    def _item_removed(self, refused: DomainError | None = None) -> None:
        if refused is not None:
            show_error(refused, self)
        self.reload_list()
        self.announce("handover_items")

    def on_move_triggered(self, delta: int) -> None:
        item = self.current_item()
        if item is None:
            return
        column, row = self.table.currentIndex().column(), self.table.current_row()
        item_id, version = item.id, item.version
        self._write_item(lambda db: checklists.move_item(db, item_id, version, delta),
                         lambda rows: self._item_moved(item, rows, column), lambda exc: self.on_edit_refused(exc, row))

    def _item_moved(self, item: ItemRow, rows: list[ItemRow], column: int) -> None:
        self.model.set_rows(rows, editable=True)
        self.table.select_cell(self.model.row_of(item.id), column)
        self._refresh_changes()
        self.announce("handover_items")

    def on_to_defect_triggered(self) -> None:
        item, detail = self.current_item(), self.detail
        if item is None or detail is None:
            return
        hint = checklists.suggest_defect(detail.summary.title, detail.handover.kind, item)
        dialog = DefectDialog(self.db, item, hint.description, hint.responsible, self)
        if dialog.exec():
            self.reload_list(item.id)
            self.announce("defects")

    # ---- slots: lists and the handover -------------------------------------------------------

    def on_edit_handover_triggered(self) -> None:
        if self.handover is not None:
            self._run_handover_dialog(HandoverDialog(self.db, self.handover.project_id, self.handover, self))

    def on_new_handover_triggered(self) -> None:
        if self._scope is not None:
            self._run_handover_dialog(HandoverDialog(self.db, self._scope.project_id, None, self))

    def _run_handover_dialog(self, dialog: HandoverDialog) -> None:
        if dialog.exec():
            self.handover_saved.emit(dialog.result_value.id)  # the window reloads its selector and scope

    def on_new_from_template_triggered(self) -> None:
        if self.handover is not None:
            self._run_list_dialog(TemplatePickerDialog(self.db, self.handover, self))

    def on_new_blank_triggered(self) -> None:
        if self.handover is not None:
            self._run_list_dialog(BlankListDialog(self.db, self.handover.id, self))

    def _run_list_dialog(self, dialog: Any) -> None:
        if dialog.exec():
            self.after_list_change(dialog.result_value.id)

    def on_save_template_triggered(self) -> None:
        summary = self.current_summary()
        if summary is not None and SaveTemplateDialog(self.db, summary, self).exec():
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("已另存为模板。"), 5000)

    def on_sign_triggered(self) -> None:
        summary, detail = self.current_summary(), self.detail
        if summary is not None and detail is not None:
            self._run_list_dialog(SignDialog(self.db, detail.handover, summary, self))

    def on_amend_triggered(self) -> None:
        summary = self.current_summary()
        if summary is None or not self.confirm(self.tr("为“{title}”创建补充清单（更正）？原清单保持已签署不变。")
                                               .format(title=summary.caption)):
            return
        list_id = summary.id
        ops.run_op(self, self.db, lambda db: signoff.amend_list(db, list_id),
                   on_success=lambda amended: self.after_list_change(amended.id), busy=[self.lists_panel])

    def on_import_triggered(self) -> None:
        actions.import_list(self)

    def on_print_triggered(self) -> None:
        actions.print_form(self)

    def on_print_certificate_triggered(self) -> None:
        actions.print_form(self, certificate=True)

    def on_export_triggered(self) -> None:
        actions.export_excel(self)

    # ---- asking ------------------------------------------------------------------------------

    def confirm(self, text: str) -> bool:
        """A yes/no question (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("物业交接台"), text)
        return answer == QMessageBox.StandardButton.Yes


def _plain(value: Any) -> str:
    return QCoreApplication.translate("HandoverTab", "（空）") if value in (None, "") else str(value)
