"""The ledger import dialog: the sample's totals and skipped rows, import, the mapping remembered and reused."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from test_imports_ledger import COMPANY, ROSTER, SAMPLE, house_style
from xlsx_builder import LEDGER_HEADER, ledger_rows, write_sheet

from gui.app import register_font
from gui.dialogs.ledger_import import LedgerImportDialog
from gui.dialogs.ledger_preview_model import LedgerPreviewModel, period_text
from models.base import DocStatus
from models.fees import LedgerLine, Settlement
from models.imports.ledger import preview_ledger
from models.imports.roster import import_roster_file
from models.services import projects
from models.services.ledger_mappings import remembered_mapping

# The offscreen platform says so on every show(); it is the test platform talking, not our code.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="session")
def chinese_font(qapp):
    return register_font(qapp)


@pytest.fixture
def handover(db) -> int:
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    import_roster_file(db, "CHY", ROSTER)
    return handover.id


def open_dialog(qtbot, db, handover: int) -> LedgerImportDialog:
    dialog = LedgerImportDialog(db, handover)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def load(qtbot, dialog: LedgerImportDialog, path: Path) -> None:
    """The preview runs in a worker; wait for it."""
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        dialog.load_file(path)


def choose(qtbot, dialog: LedgerImportDialog, key: str, column: int) -> None:
    """Pick a column (-1: 不导入) for a field as the clerk does; the sheet is read again."""
    combo = dialog.combos[key]
    with qtbot.waitSignal(dialog.previewed, timeout=15000):
        combo.setCurrentIndex(combo.findData(column))


def theirs(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).where(LedgerLine.source == "theirs"))


def test_the_sample_previews_imports_and_its_mapping_is_remembered(qtbot, db, handover, chinese_font):
    dialog = open_dialog(qtbot, db, handover)
    load(qtbot, dialog, SAMPLE)
    assert dialog.model.rowCount() == 48 and dialog.problem_list.count() == 0
    verdict = dialog.result_label.text()
    assert "共 48 行：应收 58,686.72 元，实收 35,852.39 元，欠费 22,834.33 元。" in verdict
    assert "跳过 7 行（空行 4 行、小计行 2 行、合计行 1 行），不计入合计。" in verdict
    assert "将新建收费项目：物业服务费。" in verdict
    skipped = dialog.skipped_label.text()
    assert "第 31 行：小计行，已跳过" in skipped and "第 59 行：合计行，已跳过" in skipped
    billed = dialog.model.index(6, LedgerPreviewModel.BILLED)  # Excel row 11: "1,310.13" written as text
    assert billed.data() == "1,310.13"
    assert billed.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert dialog.model.index(0, LedgerPreviewModel.PERIOD).data() == "2026.01–2026.06"
    assert "上次的列对应" not in dialog.header_label.text()
    qtbot.wait(50)  # let the layout take the verdict's two lines before the picture
    assert dialog.minimumSizeHint().height() <= 700  # fits a 1366×768 screen with a taskbar and a title bar
    dialog.grab().save("/tmp/ledger_import.png")
    choose(qtbot, dialog, "remark", -1)  # the clerk does not want their 备注
    assert dialog.combos["remark"].currentData() == -1 and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.ledger_imported, timeout=15000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].lines == 48
    assert "导入完成：导入 48 行：应收 58,686.72 元" in dialog.result_label.text()
    assert not dialog.import_button.isEnabled()  # not twice by a double click
    assert theirs(db) == 48
    assert remembered_mapping(db, COMPANY) == {"remark": ""}

    again = open_dialog(qtbot, db, handover)
    load(qtbot, again, SAMPLE)
    assert again.header_label.text().endswith(f"已按“{COMPANY}”上次的列对应读取。")
    assert again.combos["remark"].currentData() == -1 and again.states["remark"].text() == "未识别"
    assert "将新建收费项目" not in again.result_label.text()


def test_an_unrecognised_column_is_mapped_by_hand_then_remembered(qtbot, db, handover, chinese_font, tmp_path):
    dialog = open_dialog(qtbot, db, handover)
    load(qtbot, dialog, house_style(tmp_path, "june.xlsx", (0, 1, 2, 3, 4)))
    assert dialog.states["billed"].text() == "未识别" and not dialog.import_button.isEnabled()
    choose(qtbot, dialog, "billed", 3)  # D 列「本期应缴」
    assert dialog.combos["billed"].currentText() == "D 列「本期应缴」"
    assert "应收 550.00 元，实收 350.00 元，欠费 200.00 元" in dialog.result_label.text()
    with qtbot.waitSignal(dialog.ledger_imported, timeout=15000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert theirs(db) == 2 and remembered_mapping(db, COMPANY) == {"billed": "本期应缴"}
    moved = open_dialog(qtbot, db, handover)
    load(qtbot, moved, house_style(tmp_path, "july.xlsx", (4, 3, 2, 1, 0)))
    assert moved.combos["billed"].currentText() == "B 列「本期应缴」" and moved.import_button.isEnabled()


def test_bad_rows_are_highlighted_and_nothing_is_imported(qtbot, sqlite_db, chinese_font, tmp_path):
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    import_roster_file(sqlite_db, "CHY", ROSTER)
    dialog = open_dialog(qtbot, sqlite_db, handover.id)
    rows = [LEDGER_HEADER, *ledger_rows(["1栋1单元101", "9栋9单元999"]),
            ("1栋1单元102", "彭涛洋", "物业服务费", "2026年01月", "一千", "0", "0")]
    load(qtbot, dialog, write_sheet(tmp_path / "bad.xlsx", rows))
    assert dialog.model.rowCount() == 3 and dialog.problem_list.count() == 2
    assert not dialog.import_button.isEnabled()
    assert dialog.problem_list.item(0).text().startswith("第 3 行「房号」：“9栋9单元999”不是本项目的房屋")
    bad = dialog.model.index(2, LedgerPreviewModel.BILLED)
    assert bad.data() == "一千" and bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "不是数字" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    dialog.on_problem_activated(dialog.problem_list.item(1))  # 第 4 行 → the table's 3rd row
    assert dialog.table.currentIndex().row() == 2
    assert "有问题时不能导入" in dialog.result_label.text()
    assert theirs(sqlite_db) == 0


def test_preview_model_passes_the_model_tester(qtmodeltester, sqlite_db, tmp_path):
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    model = LedgerPreviewModel()
    model.set_preview(preview_ledger(sqlite_db, handover.id, SAMPLE))  # no units yet: every row has a problem
    assert model.rowCount() == 48 and "请先导入业主名册" in model.index(0, model.PROBLEMS).data()
    qtmodeltester.check(model)


def test_period_text():
    assert period_text(dt.date(2026, 7, 1), dt.date(2026, 7, 31)) == "2026.07"
    assert period_text(dt.date(2026, 1, 1), dt.date(2026, 6, 30)) == "2026.01–2026.06"
    assert period_text(dt.date(2026, 1, 5), dt.date(2026, 2, 4)) == "2026.01.05–2026.02.04"
    assert period_text(None, None) == ""


def test_a_long_list_of_skipped_rows_is_cut_short(qtbot, sqlite_db, chinese_font, tmp_path):
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    import_roster_file(sqlite_db, "CHY", ROSTER)
    rows = [LEDGER_HEADER]
    for i in range(15):  # a 小计 after every line, as some ledgers have one per unit
        rows += [*ledger_rows(["1栋1单元101"], period=f"2025年{i % 12 + 1:02d}月"), ("1栋1单元101 小计",)]
    dialog = open_dialog(qtbot, sqlite_db, handover.id)
    load(qtbot, dialog, write_sheet(tmp_path / "subtotals.xlsx", rows))
    text = dialog.skipped_label.text()
    assert text.endswith("……共 15 行（悬停查看全部）") and text.count("小计行") == 12
    assert dialog.skipped_label.toolTip().count("\n") == 14 and "第 31 行：小计行，已跳过" in dialog.skipped_label.toolTip()
    assert "跳过 15 行（小计行 15 行），不计入合计。" in dialog.result_label.text()


def test_a_refused_import_says_why(qtbot, sqlite_db, chinese_font):
    projects.add_project(sqlite_db, "CHY", "翠湖园")
    handover = projects.add_handover(sqlite_db, "CHY", "进场接管", COMPANY, "安居物业", dt.date(2026, 6, 30))
    import_roster_file(sqlite_db, "CHY", ROSTER)
    with sqlite_db.begin() as s:
        s.add(Settlement(handover_id=handover.id, status=DocStatus.SIGNED))
    dialog = open_dialog(qtbot, sqlite_db, handover.id)
    load(qtbot, dialog, SAMPLE)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "财务结算已签署" in dialog.result_label.text(), timeout=15000)
    assert dialog.import_button.isEnabled() and theirs(sqlite_db) == 0
    assert remembered_mapping(sqlite_db, COMPANY) is None


def test_a_second_file_is_added_to_the_first_when_the_clerk_says_so(qtbot, db, handover, chinese_font):
    """A ledger in two files (one per building, say): the second is imported with 追加 ticked."""
    first = open_dialog(qtbot, db, handover)
    load(qtbot, first, SAMPLE)
    with qtbot.waitSignal(first.ledger_imported, timeout=15000):
        qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    assert theirs(db) == 48

    second = open_dialog(qtbot, db, handover)
    load(qtbot, second, SAMPLE)
    assert "导入将替换此前导入的原物业台账" in second.result_label.text()
    second.append_box.setChecked(True)
    assert "导入将追加到此前导入的原物业台账，不替换" in second.result_label.text()
    qtbot.wait(50)
    assert second.minimumSizeHint().height() <= 700  # the option shares the period's line
    second.grab().save("/tmp/ledger_import_append.png")
    with qtbot.waitSignal(second.ledger_imported, timeout=15000) as blocker:
        qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].replaced == 0 and theirs(db) == 96
    assert "替换了此前导入" not in second.result_label.text()
