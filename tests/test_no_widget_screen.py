"""No `widget.screen()` from Python in the app: with PySide6 6.11 the QScreen wrapper it returns can be
tied to the widget's wrapper, and collecting that wrapper deleted the application's QScreen (the next
window's constructor then crashed in QScreen::virtualSiblings). gui.widgets.screen_fit.screen_of is
the way to ask."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALL = re.compile(r"\.screen\(\)")


def test_no_python_code_asks_a_widget_for_its_screen():
    offenders = []
    for folder in ("gui", "tests", "docs"):
        for path in (ROOT / folder).rglob("*.py"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if CALL.search(code) and path.name != Path(__file__).name and '"""' not in code:
                    offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []
