"""对应取值: a roster whose 房屋类型/状态 hold a system's codes offers the value-mapping dialog, and the
preview read again with the clerk's map can be imported."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog
from sqlalchemy import select
from xlsx_builder import write_sheet

from gui.dialogs import value_mapping
from gui.dialogs.roster_import import RosterImportDialog
from gui.dialogs.value_mapping import ValueMappingDialog
from models.imports.value_map import UnknownValues
from models.project import Occupancy, Unit, UnitUse
from models.services import projects

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOTS = Path("/tmp/value_mapping_shots")
FONT = Path(__file__).resolve().parents[1] / "resources/fonts/wqy-microhei.ttc"


@pytest.fixture(scope="module")
def chinese_font(qapp):
    """What the app does at start (this machine has no Chinese system font): the screenshots are read."""
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))
    if families:
        qapp.setFont(QFont(families[0], 10))
    return families


def code_sheet(tmp_path: Path) -> Path:
    rows = [("房号", "业主姓名", "房屋类型", "状态"), ("101", "甲一", 110, 2001), ("102", "乙二", 110, 2002),
            ("103", "丙三", 120, 2001)]
    return write_sheet(tmp_path / "codes.xlsx", rows)


def test_codes_are_mapped_through_the_dialog_and_imported(qtbot, db, tmp_path, monkeypatch, chinese_font):
    SHOTS.mkdir(exist_ok=True)
    project = projects.add_project(db, "CHY", "翠湖园")
    dialog = RosterImportDialog(db, project.id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    assert not dialog.values_row.isVisible()  # nothing to map before a sheet is read
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(code_sheet(tmp_path))
    assert dialog.values_row.isVisible() and not dialog.import_button.isEnabled()
    assert "房屋用途：110、120" in dialog.values_label.text() and "入住状态：2001、2002" in dialog.values_label.text()
    dialog.grab().save(str(SHOTS / "roster-codes-1366x768.png"))

    seen: list[ValueMappingDialog] = []

    def choose(self: ValueMappingDialog) -> int:  # what the clerk picks in the modal dialog
        seen.append(self)
        assert sorted(self.combos) == [("occupancy", "2001"), ("occupancy", "2002"), ("use", "110"), ("use", "120")]
        for (key, value), word in {("use", "110"): "住宅", ("use", "120"): "商铺", ("occupancy", "2001"): "已入住",
                                   ("occupancy", "2002"): "空置"}.items():
            combo = self.combos[(key, value)]
            combo.setCurrentIndex(combo.findData(word))
        self.show()
        self.grab().save(str(SHOTS / "value-mapping.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(value_mapping.ValueMappingDialog, "exec", choose)
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.values_button.click()
    assert seen and dialog.preview is not None and dialog.preview.ok
    assert dialog.import_button.isEnabled() and dialog.values_label.text() == "已按“对应取值”读取。"
    assert "房屋用途“110”按“住宅”导入（2 行）" in dialog.notes_label.text()
    dialog.grab().save(str(SHOTS / "roster-mapped-1366x768.png"))
    with qtbot.waitSignal(dialog.roster_imported, timeout=15000):
        dialog.import_button.click()
    with db.read() as s:
        assert s.execute(select(Unit.number, Unit.use, Unit.occupancy).order_by(Unit.number)).all() == [
            ("101", UnitUse.RESIDENCE, Occupancy.OCCUPIED), ("102", UnitUse.RESIDENCE, Occupancy.VACANT),
            ("103", UnitUse.SHOP, Occupancy.OCCUPIED)]


def test_the_dialog_keeps_earlier_choices_and_drops_values_left_unmapped(qtbot):
    unknown = (UnknownValues("use", "房屋用途", ("130",), (4,), ("住宅", "商铺")),)
    dialog = ValueMappingDialog(unknown, {"use": {"110": "住宅"}}, {"use": ("房屋用途", ("住宅", "商铺")),
                                                                   "occupancy": ("入住状态", ("已入住", "空置"))})
    qtbot.addWidget(dialog)
    assert dialog.combos[("use", "110")].currentData() == "住宅"
    assert dialog.combos[("use", "130")].currentData() == ""  # （不对应）
    assert dialog.values() == {"use": {"110": "住宅"}}
