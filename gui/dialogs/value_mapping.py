"""对应取值: what a sheet's own codes stand for (房屋类型 110 → 住宅), one combo per distinct value."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.i18n import translate
from models.imports.value_map import UnknownValues, ValueMap

from ..widgets.screen_fit import fit_to_screen, scrolling_form

NOT_MAPPED = ""


class ValueMappingDialog(QDialog):
    """Lists each value of the preview's choice fields that matches no word, and any mapped before,
    each with a combo of the words the field allows; values() is the map to read the sheet again with.

    `choices` is field key → (label, allowed words): from the importer, so the dialog holds no rule.
    """

    def __init__(self, unknown: Sequence[UnknownValues], current: ValueMap,
                 choices: Mapping[str, tuple[str, tuple[str, ...]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("对应取值"))
        self.combos: dict[tuple[str, str], QComboBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("表中这些取值不是系统的取值（常见于其他系统导出的代码）。"
                               "请为每个取值选择它代表的一项；不选的仍按问题列出，不能导入。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        content = QWidget()
        boxes = QVBoxLayout(content)
        for key, (label, allowed) in choices.items():
            rows = self._rows(key, unknown, current)
            if rows:
                boxes.addWidget(self._box(key, label, allowed, rows, current.get(key, {})))
        boxes.addStretch(1)
        area = scrolling_form(content, self)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the combos narrow, never scroll
        layout.addWidget(area, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 460)

    @staticmethod
    def _rows(key: str, unknown: Sequence[UnknownValues], current: ValueMap) -> list[tuple[str, str]]:
        """(value, how often it occurs) for the values mapped before and those still unknown."""
        rows = [(value, "") for value in current.get(key, {})]
        for entry in unknown:
            if entry.key == key:
                rows += [(value, str(n)) for value, n in zip(entry.values, entry.counts, strict=True)]
        return rows

    def _box(self, key: str, label: str, allowed: tuple[str, ...], rows: list[tuple[str, str]],
             mapped: Mapping[str, str]) -> QGroupBox:
        box = QGroupBox(translate("imports", label))
        form = QFormLayout(box)
        for value, count in rows:
            combo = QComboBox()
            combo.addItem(self.tr("（不对应）"), NOT_MAPPED)
            for word in allowed:
                combo.addItem(translate("labels", word), word)  # the allowed words are the members' Chinese labels
            if value in mapped:
                combo.setCurrentIndex(combo.findData(mapped[value]))
            self.combos[(key, value)] = combo
            text = self.tr("“{0}”（{1} 行）").format(value, count) if count else self.tr("“{0}”").format(value)
            form.addRow(text, combo)
        return box

    def values(self) -> dict[str, dict[str, str]]:
        """Field key → value as written → the word chosen; values left 不对应 are not in it."""
        found: dict[str, dict[str, str]] = {}
        for (key, value), combo in self.combos.items():
            if combo.currentData():
                found.setdefault(key, {})[value] = combo.currentData()
        return found
