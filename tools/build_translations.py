"""Rebuild the English catalog: resources/i18n/handoverdesk_en.ts and its compiled .qm.

    python tools/build_translations.py [--merge gui_a.json gui_b.json ...]

1. pyside6-lupdate reads gui/, models/, reports/ and main.py into the .ts: new strings are added
   as unfinished, translations already there are kept, strings no longer in the code are dropped.
2. Each --merge file, {"<context>": {"<chinese source>": "<english>"}}, fills the messages whose
   context and source match and are still unfinished (a finished translation is never overwritten).
3. pyside6-lrelease compiles the .ts into the .qm the GUI loads (unfinished ones left out: the
   Chinese source shows, as models/i18n.py does from the same .ts).
4. Prints how many messages are still unfinished, per context.
"""
from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("gui", "models", "reports", "main.py")
TS = ROOT / "resources" / "i18n" / "handoverdesk_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease beside this Python (a venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


TRANSLATE_NAMES = ("translate",)  # QCoreApplication.translate, models.i18n.translate, i18n.translate


def wrapper_calls(root: Path = ROOT) -> list[tuple[str, str]]:
    """(context, source) of calls lupdate cannot see: a module's one-line wrapper such as

        def _tr(text: str) -> str:
            return QCoreApplication.translate("FeesTab", text)

    called as _tr("正在保存…"). Read with ast, so any such wrapper in gui/, models/ or reports/ counts."""
    found: list[tuple[str, str]] = []
    files = [p for s in SOURCES for p in ((root / s).rglob("*.py") if (root / s).is_dir() else [root / s])]
    for path in sorted(p for p in files if p.exists()):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        wrappers = {f.name: context for f in tree.body if isinstance(f, ast.FunctionDef)
                    and (context := _wrapped_context(f)) is not None}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append((wrappers[node.func.id], node.args[0].value))
    return found


def _wrapped_context(function: ast.FunctionDef) -> str | None:
    """The context of `def f(text): return <…>translate("Context", text)`, else None."""
    if len(function.args.args) != 1 or len(function.body) != 1 or not isinstance(function.body[0], ast.Return):
        return None
    call, param = function.body[0].value, function.args.args[0].arg
    if not isinstance(call, ast.Call) or len(call.args) != 2:
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    context, text = call.args
    if (name in TRANSLATE_NAMES and isinstance(context, ast.Constant) and isinstance(context.value, str)
            and isinstance(text, ast.Name) and text.id == param):
        return context.value
    return None


def lupdate(ts: Path = TS, root: Path = ROOT) -> None:
    # No locations: a line moved elsewhere would otherwise rewrite half the file at every build.
    # No guesses from similar texts: a guessed translation of another message misleads the translator.
    ts.parent.mkdir(parents=True, exist_ok=True)
    sources = [str(root / s) for s in SOURCES if (root / s).exists()]
    with tempfile.TemporaryDirectory(prefix="i18n-") as tmp:
        calls = Path(tmp) / "wrapper_calls.py"  # the wrappers' calls spelled the way lupdate reads
        calls.write_text("".join(f"QCoreApplication.translate({json.dumps(c, ensure_ascii=False)}, "
                                 f"{json.dumps(t, ensure_ascii=False)})\n" for c, t in wrapper_calls(root)),
                         encoding="utf-8")
        subprocess.run([tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                        "-disable-heuristic", "similartext", "-source-language", "zh_CN", "-target-language", "en",
                        *sources, str(calls), "-ts", str(ts)], check=True, cwd=root, stdout=subprocess.DEVNULL)


def merge(ts: Path, dictionaries: list[dict[str, dict[str, str]]]) -> tuple[int, list[tuple[str, str]]]:
    """Fill unfinished messages from the dictionaries: the number filled, and the dictionaries'
    entries whose context and source are in no message (a context or a source mistyped, or a text
    the code no longer has)."""
    tree = ET.parse(ts)
    filled = 0
    known: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            known.add((name, message.findtext("source") or ""))
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            english = next((d[name][source] for d in dictionaries if source in d.get(name, {})), None)
            if english:
                translation.text = english
                del translation.attrib["type"]
                filled += 1
    write_ts(tree, ts)
    unmatched = sorted({(c, s) for d in dictionaries for c, texts in d.items() for s in texts} - known)
    return filled, unmatched


def write_ts(tree: ET.ElementTree[Any], ts: Path) -> None:
    """Qt's own layout (declaration, doctype, four-space indent), so lupdate's next run changes little."""
    root = tree.getroot()
    assert root is not None
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(ts: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                counts[context.findtext("name") or ""] += 1
    return counts


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-nounfinished", "-silent", str(ts), "-qm", str(qm)], check=True)


def load_dictionary(path: Path) -> dict[str, dict[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SystemExit(f"{path}: expected {{context: {{source: translation}}}}")
    return data


def build(merge_files: list[Path], ts: Path = TS, qm: Path = QM, root: Path = ROOT) -> Counter[str]:
    lupdate(ts, root)
    filled, unmatched = merge(ts, [load_dictionary(p) for p in merge_files]) if merge_files else (0, [])
    if not merge_files:
        write_ts(ET.parse(ts), ts)  # the same layout whether or not anything was merged
    lrelease(ts, qm)
    counts = unfinished(ts)
    total = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
    print(f"{ts.relative_to(root) if ts.is_relative_to(root) else ts}: {total} messages, "
          f"{filled} filled from {len(merge_files)} file(s), {sum(counts.values())} unfinished")
    for context, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:5d}  {context}")
    if unmatched:
        print(f"{len(unmatched)} dictionary entries match no message (context, source):")
        for context, source in unmatched:
            print(f"  {context}: {source!r}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--merge", nargs="+", type=Path, default=[], metavar="JSON",
                        help='dictionaries {"<context>": {"<chinese source>": "<english>"}}')
    args = parser.parse_args(argv)
    build(args.merge)
    return 0


if __name__ == "__main__":
    sys.exit(main())
