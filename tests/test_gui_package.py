"""文件 → 生成交接档案包… and 校验交接档案包… with the real main window (issue 17 points 1, 2 and 4): the
package is built in the worker behind the progress dialog, and the check's dialog says 完好 or lists
each problem by file. SHOT_DIR, if set, receives the result dialog grabbed (run at QT_SCALE_FACTOR=1.5)."""
from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.main_window import MainWindow
from gui.menus import package as package_menu
from reports.package.manifest import INDEX_NAME
from tests.package_sample import make_package_sample

pytestmark = pytest.mark.usefixtures("boxes")


@pytest.fixture
def window(qtbot, sqlite_db, monkeypatch):
    sample = make_package_sample(sqlite_db)
    w = MainWindow(sqlite_db)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.current_tab().is_loaded(), timeout=10000)
    shown: list[str] = []
    monkeypatch.setattr(package_menu, "inform", lambda parent, text: shown.append(text))
    w.informed = shown
    w.sample = sample
    return w


def _choose(monkeypatch, name: str, path: Path) -> None:
    monkeypatch.setattr(package_menu, name, lambda *a, **k: (str(path), ""))


def _build(qtbot, window, monkeypatch, out: Path) -> None:
    _choose(monkeypatch, "get_save_file_name", out)
    workers: list[str] = []
    real = package_menu._build

    def spy(*args, **kwargs):
        workers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(package_menu, "_build", spy)
    window.build_package_action.trigger()
    task = window.package_task
    assert task.dialog.windowModality() == Qt.WindowModality.WindowModal  # progress with 取消, the window painting
    with qtbot.waitSignal(task.ended, timeout=60000):
        pass
    assert workers and workers[0] != threading.main_thread().name


def _verify(qtbot, window, monkeypatch, path: Path):
    _choose(monkeypatch, "get_open_file_name", path)
    window.package_check_dialog = None
    window.verify_package_action.trigger()
    qtbot.waitUntil(lambda: window.package_check_dialog is not None, timeout=30000)
    return window.package_check_dialog


def test_menu_builds_the_package_in_the_worker_and_verify_reports(qtbot, qapp, window, monkeypatch, tmp_path):
    if os.environ.get("SHOT_DIR"):  # the screenshot in the bundled font, as the app shows it
        from gui.app import register_font

        register_font(qapp)
    out = tmp_path / "交接档案包"  # the save dialog's name without .zip: it is added
    _build(qtbot, window, monkeypatch, out)
    made = out.with_name(out.name + ".zip")
    assert made.exists() and window.informed and str(made) in window.informed[0]
    with zipfile.ZipFile(made) as zf:
        assert INDEX_NAME in zf.namelist() and "05_财务结算/财务结算报告_第1版.pdf" in zf.namelist()

    dialog = _verify(qtbot, window, monkeypatch, made)
    assert "完好" in dialog.verdict_label.text() and dialog.problem_list.isHidden()
    assert dialog.result_value.ok and f"{dialog.result_value.files} 个文件" in dialog.verdict_label.text()
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["SHOT_DIR"]) / "package_check_ok.png"))
    dialog.close()

    removed = f"03_遗留问题/{window.sample.defects[0]}/整改通知单.pdf"
    tampered = tmp_path / "改过的.zip"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(tampered, "w") as zout:
        for info in zin.infolist():
            if info.filename != removed:
                zout.writestr(info.filename, zin.read(info))
        zout.writestr("多出来的.txt", "x")
    dialog = _verify(qtbot, window, monkeypatch, tampered)
    assert "发现 2 处问题" in dialog.verdict_label.text() and not dialog.problem_list.isHidden()
    lines = dialog.problem_list.toPlainText().splitlines()
    assert any(removed in line and line.startswith("缺少的文件") for line in lines)
    assert any("多出来的.txt" in line and line.startswith("多出的文件") for line in lines)
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(str(Path(os.environ["SHOT_DIR"]) / "package_check.png"))
    dialog.close()


def test_a_file_that_is_not_a_package_is_refused_with_a_message(qtbot, window, monkeypatch, tmp_path, boxes):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    _choose(monkeypatch, "get_open_file_name", junk)
    window.package_check_dialog = None
    window.verify_package_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=30000)
    assert "不是有效的交接档案包" in boxes[0] and window.package_check_dialog is None
