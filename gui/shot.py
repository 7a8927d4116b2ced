"""`main.py shot`: render the main window offscreen on one tab, once its data is in, to a PNG."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from models.db import Database
from models.services import auth

LOAD_TIMEOUT = 120.0  # s; a filter-less first page is quick, but a cold large file may be slow
LAPTOP = (1366, 768)  # physical pixels of the office laptop the app must fit (docs/screens, test_screen_fit)


def laptop_screen(scale: str, folder: Path, size: tuple[int, int] = LAPTOP) -> None:
    """Make the offscreen platform a `size` screen shown at QT_SCALE_FACTOR `scale` (125 %: "1.25").

    Call before the QApplication exists. The offscreen plugin reads its screens from a JSON file
    (offscreen:configfile=...); Qt divides them by the factor, so 1366×768 at 1.25 is 1093×614.
    """
    config = Path(folder) / "laptop-screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1],
                                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)


def take_shot(db_arg: str | None, tab: str, out: Path, size: tuple[int, int] = (1366, 768),
              user: str | None = None, timeout: float = LOAD_TIMEOUT, subtab: str | None = None,
              language: str | None = None) -> Path:
    """Save a PNG of the main window on `tab` (and its inner `subtab`, e.g. fees: results), as `user`,
    in `language` ('zh', 'en'; None: as the app would choose on this PC)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import setup_application
    from .main_window import MainWindow

    app = setup_application(language=language)
    db = Database.open(db_arg)
    try:
        auth.act_as(db, user) if user else auth.act_as_system(db)
        window = MainWindow(db, initial_tab=tab)
        window.resize(*size)
        if subtab:
            _show_subtab(window.tabs[tab], subtab)
        window.show()
        _wait_until_loaded(app, window, timeout)
        _save(window, Path(out))
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        db.dispose()
    return Path(out)


def _show_subtab(tab, subtab: str) -> None:
    choices = getattr(tab, "SUBTABS", ())
    if subtab not in choices:
        raise ValueError(f"页签没有子页“{subtab}”，可选：{'、'.join(choices) or '无'} / no such sub-tab")
    tab.show_subtab(subtab)


def _wait_until_loaded(app, window, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not window.current_tab().is_loaded():
        if time.monotonic() > deadline:
            raise TimeoutError(f"页签数据在 {timeout:.0f} 秒内未加载完 / tab did not load in time")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(3):  # let layouts settle after the last rows arrived
        app.processEvents()


def _save(window, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"无法保存图片 / cannot write image: {out}")
