"""The 列对应 box of an import dialog: for each field, which column of the sheet feeds it."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from models.i18n import translate
from models.imports.sheet import FieldSpec, Header

NOT_IMPORTED = -1
ERROR_STYLE = "color: #b3261e;"
MUTED_STYLE = "color: #6b6b6b;"


class ColumnMappingBox(QGroupBox):
    """One combo per field (a column, or 不导入) and whether it was recognised or chosen."""

    mapping_changed = Signal()  # the clerk chose another column for a field

    def __init__(self, fields: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("列对应"), parent)
        self._fields = tuple(fields)
        self._labels: tuple[str, ...] = ()
        self.combos: dict[str, QComboBox] = {}
        self.states: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for i, spec in enumerate(self._fields):
            self._add_row(grid, i, spec)
        grid.setRowStretch(len(self._fields), 1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def _add_row(self, grid: QGridLayout, row: int, spec: FieldSpec) -> None:
        combo = QComboBox()
        combo.setMinimumWidth(170)
        combo.currentIndexChanged.connect(self.on_combo_changed)
        state = QLabel()
        state.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr("手动指定")) + 8)
        self.combos[spec.key], self.states[spec.key] = combo, state
        grid.addWidget(QLabel(translate("imports", spec.label) + ("*" if spec.required else "")), row, 0)
        grid.addWidget(combo, row, 1)
        grid.addWidget(state, row, 2)

    def on_combo_changed(self, _index: int = 0) -> None:
        self.mapping_changed.emit()

    def mapping(self) -> dict[str, int | None]:
        """Field key → column (None: do not import), for the fields the clerk can see."""
        chosen = {key: combo.currentData() for key, combo in self.combos.items() if combo.count()}
        return {key: (None if value == NOT_IMPORTED else value) for key, value in chosen.items()}

    def show_header(self, header: Header) -> None:
        columns = self._columns(header)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            if columns != self._labels:
                self._fill_combo(combo, header, len(columns))
            combo.setCurrentIndex(max(0, combo.findData(header.columns.get(key, NOT_IMPORTED))))
            combo.blockSignals(False)
            self._show_state(key, header.columns.get(key), header.recognised.get(key))
        self._labels = columns

    @staticmethod
    def _columns(header: Header) -> tuple[str, ...]:
        """Every column a field may take: the header's, and those with no header text that hold
        something (offered by their letter), up to the last of them."""
        width = max(len(header.labels), max(header.stray, default=-1) + 1)
        return tuple(header.labels) + ("",) * (width - len(header.labels))

    def forget_columns(self) -> None:
        """A new file: its columns are listed afresh."""
        self._labels = ()

    def _fill_combo(self, combo: QComboBox, header: Header, width: int) -> None:
        combo.clear()
        combo.addItem(self.tr("（不导入）"), NOT_IMPORTED)
        for index in range(width):  # a column without header text is offered too, by its letter
            combo.addItem(header.column_name(index), index)

    def show_from_headers(self, key: str) -> None:
        """The field is given by the column headers (a column per fee item or per month), not a column."""
        if self.combos[key].currentData() == NOT_IMPORTED:
            self.states[key].setText(self.tr("按表头各列"))
            self.states[key].setStyleSheet(MUTED_STYLE)

    def _show_state(self, key: str, column: int | None, recognised: int | None) -> None:
        label = self.states[key]
        if column is None:  # red only where the import cannot do without the column
            label.setText(self.tr("未识别"))
            required = any(f.required for f in self._fields if f.key == key)
            label.setStyleSheet(ERROR_STYLE if required else MUTED_STYLE)
        else:
            label.setText(self.tr("自动识别") if column == recognised else self.tr("手动指定"))
            label.setStyleSheet("")
