"""收费项目与收费标准 dialog: add an item, set a rate and change it from a date; bad input named."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate

from gui.dialogs.fee_items import FeeItemsDialog
from models.services import fee_items, projects
from tests.gui_helpers import writes_done


def _rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_add_an_item_and_change_its_rate_from_a_date(qtbot, sqlite_db, boxes):
    project = projects.add_project(sqlite_db, "CHY", "翠湖园")
    dialog = FeeItemsDialog(sqlite_db, project.id)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText("sf")
    dialog.name_edit.setText("水费")
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData("per_ton"))
    dialog.add_item_button.click()
    writes_done(qtbot)
    assert _rows(dialog.items_model) == [("SF", "水费", "按吨（抄表）", "收费")]
    for day, rate in ((QDate(2020, 1, 1), "2.0"), (QDate(2026, 7, 1), "2.8")):
        dialog.from_edit.setDate(day)
        dialog.rate_edit.setText(rate)
        dialog.set_rate_button.click()
        writes_done(qtbot)
    assert _rows(dialog.rates_model) == [("全部用途", "2020-01-01", "2026-06-30", "2.0000"),
                                         ("全部用途", "2026-07-01", "至今", "2.8000")]
    dialog.rate_edit.setText("两块八")
    dialog.set_rate_button.click()
    assert boxes == ["「单价」应为数字，“两块八”不是数字。"] and dialog.rate_edit.text() == "两块八"
    dialog.add_item_button.click()  # nothing typed
    writes_done(qtbot)
    assert boxes[-1] == "「项目编码」不能为空。"
    water = fee_items.fee_items(sqlite_db, project.id)[0]
    assert [(t.valid_from, t.rate) for t in water.tariffs] == [(dt.date(2020, 1, 1), Decimal("2.0000")),
                                                               (dt.date(2026, 7, 1), Decimal("2.8000"))]
    dialog.resize(960, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/fee_items_dialog.png")
