"""Screenshots of the app on the office laptop: docs/screens/<tab>-125.png and -150.png.

    .venv/bin/python docs/make_screens.py              # Chinese: docs/screens/
    .venv/bin/python docs/make_screens.py --lang en    # English: docs/screenshots/en/

A 1366×768 screen at QT_SCALE_FACTOR 1.25 and 1.5, offscreen, a 40 px taskbar taken off: the main
window fills the free area (its title bar included) on every tab and sub-tab of 费用对账, and the
five largest dialogs are shown at the size they open with. The measuring and drawing is
tests/screen_fit_worker.py, the same run test_screen_fit.py checks, so the pictures show what the
test passed. Images are in physical pixels.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "tests" / "screen_fit_worker.py"
OUT = ROOT / "docs" / "screens"
OUT_BY_LANGUAGE = {"zh": OUT, "en": ROOT / "docs" / "screenshots" / "en"}
SCALES = ("1.25", "1.5")
DIALOGS = 5
NOT_SHOWN = {"gui.widgets.photo_strip.PhotoViewer"}  # one photo at full size: nothing of the app to see


def largest_dialogs(report: dict, count: int = DIALOGS) -> list[str]:
    """The `count` largest dialogs as opened, one per family (the four sheet imports are one)."""
    chosen: list[str] = []
    families: set[str] = set()
    for name, entry in sorted(report["dialogs"].items(), key=lambda item: -item[1]["area"]):
        if entry["family"] not in families and name not in NOT_SHOWN:
            chosen.append(name)
            families.add(entry["family"])
        if len(chosen) == count:
            break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=tuple(OUT_BY_LANGUAGE), default="zh")
    args = parser.parse_args(argv)
    out = OUT_BY_LANGUAGE[args.lang]
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS")}
    env["HANDOVERDESK_LANG"] = args.lang  # the worker's window, dialogs and the models' texts
    dialogs: list[str] | None = None
    for scale in SCALES:
        with tempfile.TemporaryDirectory(prefix="screens-") as tmp:
            report_path, shots = Path(tmp) / "report.json", Path(tmp) / "shots"
            subprocess.run([sys.executable, str(WORKER), scale, str(report_path), "--shots", str(shots), "--demo"],
                           env=env, check=True, cwd=ROOT)
            report = json.loads(report_path.read_text(encoding="utf-8"))
            dialogs = dialogs or largest_dialogs(report)  # the same five at both factors
            suffix = str(round(float(scale) * 100))
            wanted = [f"{tab}-{suffix}.png" for tab in report["tabs"]]
            wanted += [f"dialog-{_short(name)}-{suffix}.png" for name in dialogs]
            for name in wanted:
                shutil.copy(shots / name, out / name)
            print(f"{scale}: {len(wanted)} screenshots, screen {report['screen']}, free {report['available']}")
    return 0


def _short(name: str) -> str:
    return name.removeprefix("gui.").removeprefix("tabs.").replace(".", "-")


if __name__ == "__main__":
    sys.exit(main())
