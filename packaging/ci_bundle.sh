#!/usr/bin/env bash
# CI's Linux proxy of the Windows delivery: build the one-folder bundle from packaging/handoverdesk.spec
# (the same spec packaging/build_windows.ps1 builds on Windows), then run it as an office PC would —
# from its own executable, with no Python on PATH and an empty environment — against a fresh demo
# database: the self-check, the demo, a screenshot of every tab, the settlement PDF and the accountant's
# workbook. The outputs are checked with CI's venv (only the app itself must run from the bundle).
#
#   bash packaging/ci_bundle.sh        (.ci/run calls it after the tests; about 2 minutes)
#
# Leaves .venv-bundle/ (the build venv, reused when it is current), build/pyinstaller/ and
# dist/HandoverDesk/ (all git-ignored). Exits non-zero at the first failed step, saying which.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=$root/.venv-bundle
dist=$root/dist
bundle=$dist/HandoverDesk
cli=$bundle/handoverdesk-cli
checker=${BUNDLE_CHECK_PYTHON:-python3}  # checks the outputs; .ci/run's activated venv (openpyxl, Pillow)

step() { echo "bundle: $*" >&2; }
fail() { echo "bundle: FAILED: $*" >&2; exit 1; }

# ---- build -----------------------------------------------------------------------------------------
started=$(date +%s)
step "build venv $venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# Non-editable: the build venv holds the dependencies and the app's metadata; the bundle takes the
# packages themselves from this tree (the spec's pathex), with the resources beside them.
"$venv/bin/pip" install -q ".[package]" || fail "pip install .[package]"
step "pyinstaller packaging/handoverdesk.spec"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$dist" --workpath "$root/build/pyinstaller" \
  packaging/handoverdesk.spec || fail "pyinstaller"
[ -x "$cli" ] && [ -x "$bundle/HandoverDesk" ] || fail "the bundle has no handoverdesk-cli or HandoverDesk executable"
step "built in $(( $(date +%s) - started )) s: $(du -sh "$bundle" | cut -f1) in $bundle"

# ---- run from the bundle alone --------------------------------------------------------------------
work=$(mktemp -d)
gui=""
trap '[ -z "$gui" ] || kill "$gui" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/bin" "$work/out"
nopy=$work/bin  # the PATH of the runs below: an empty folder, so no python can be found
if env -i PATH="$nopy" /bin/sh -c 'command -v python python3' >/dev/null; then
  fail "a python is on the bundle's PATH ($nopy)"
fi
run() {  # the bundle's console program in an empty environment: no PYTHONPATH, no venv, no python
  env -i PATH="$nopy" HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
db=$work/demo.sqlite
version=$("$checker" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

step "--version (both programs)"
for exe in "$cli" "$bundle/HandoverDesk"; do
  said=$(run "$exe" --version) || fail "$exe --version"
  [[ $said == *"$version"* ]] || fail "$exe --version said '$said', pyproject.toml says $version"
done
step "--self-check"
run "$cli" --self-check || fail "--self-check"
step "demo --db $db"
run "$cli" demo --db "$db" >/dev/null || fail "demo"
handover=$("$checker" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select min(id) from handovers").fetchone()[0])' "$db")
[[ $handover =~ ^[0-9]+$ ]] || fail "no handover in the demo database"
for tab in overview handover defects keys fees; do
  step "shot --tab $tab"
  run "$cli" shot --tab "$tab" --db "$db" --out "$work/out/$tab.png" >/dev/null || fail "shot --tab $tab"
done
step "print settlement --handover $handover"
run "$cli" print settlement --handover "$handover" --db "$db" --out "$work/out/settlement.pdf" >/dev/null \
  || fail "print settlement"
step "export fees --handover $handover"
run "$cli" export fees --handover "$handover" --db "$db" --out "$work/out/fees.xlsx" >/dev/null || fail "export fees"

step "HandoverDesk (the app) starts and waits at the login"
log=$work/home/.local/share/HandoverDesk/handoverdesk.log
rm -f "$log"  # only this run's lines
# env execs the program: $! is the app itself, ended below by its own pid.
env -i PATH="$nopy" HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  "$bundle/HandoverDesk" --db "$db" >"$work/gui.out" 2>&1 &
gui=$!
for _ in $(seq 1 60); do
  grep -q "自动备份完成" "$log" 2>/dev/null && break  # the start's backup: migrations checked, login shown
  kill -0 "$gui" 2>/dev/null || break
  sleep 1
done
alive=0
kill -0 "$gui" 2>/dev/null && alive=1
kill "$gui" 2>/dev/null || true
wait "$gui" 2>/dev/null || true
gui=""
[ "$alive" = 1 ] || fail "HandoverDesk ended at its start: $(cat "$work/gui.out")"
grep -q "==== 物业交接台 HandoverDesk $version 启动" "$log" || fail "the app's log has no start line with version $version"

# ---- check what it wrote ---------------------------------------------------------------------------
step "checking the outputs"
pages=$(pdfinfo "$work/out/settlement.pdf" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -ge 1 ] || fail "settlement.pdf has no pages"
text=$(pdftotext -layout "$work/out/settlement.pdf" -) || fail "pdftotext settlement.pdf"
[[ $text == *"财务结算报告"* ]] || fail "settlement.pdf does not say 财务结算报告"
"$checker" - "$work/out" <<'PY' || fail "the screenshots or the workbook"
import sys
from pathlib import Path

from openpyxl import load_workbook
from PIL import Image

out = Path(sys.argv[1])
for tab in ("overview", "handover", "defects", "keys", "fees"):
    path = out / f"{tab}.png"
    with Image.open(path) as image:
        image.load()
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert image.size == (1366, 768), (path, image.size)
        assert path.stat().st_size > 20_000, (path, path.stat().st_size)
        assert colours is None or len(colours) > 50, (path, "an almost blank picture")
book = load_workbook(out / "fees.xlsx")
assert "汇总" in book.sheetnames and book["汇总"].max_row > 5, book.sheetnames
assert book["欠费明细"].max_row > 100, book["欠费明细"].max_row
print(f"bundle: 5 screenshots 1366×768, workbook sheets {', '.join(book.sheetnames)}", file=sys.stderr)
PY
step "ok: $pages-page settlement PDF, all in $(( $(date +%s) - started )) s"
