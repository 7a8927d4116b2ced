"""models/ refusals are translatable: an English desk sees no Chinese in them.

Two halves. An AST scan of models/ fails on `raise XxxError("<Chinese literal or f-string>")` (and on
`raise XxxError(CONSTANT)` whose constant is a Chinese literal not marked QT_TRANSLATE_NOOP) outside
translate(), so a new untranslated refusal cannot slip in. And a sample of real refusals, triggered
through the services and parsers, comes out with no CJK character under the English catalog.
"""
from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.exc import DBAPIError

from models import i18n
from models.db import Database, storage_error
from models.defect import DefectStatus
from models.demo import build_demo
from models.errors import DomainError, NotFoundError
from models.field_labels import check_text
from models.handover import HandoverKind
from models.imports import cells, guard, html_book, layout, ledger, value_map
from models.imports.cells import CellError, RowProblem
from models.imports.places import RowRef
from models.imports.sheet import BLANK, SkippedRow
from models.overview import read_overview
from models.people import IdKind
from models.photos import check_size
from models.queries import key_forms
from models.rules import cutoff, defect_lifecycle, identity, numbers, tariffs
from models.services import approvals, auth, fee_items, handovers, office, projects

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u3400-\u9fff]")

# Files other engineers were changing while the refusals were wrapped: the lead shrinks this list as
# their branches are merged and the remaining messages wrapped. Nothing else may hold such a raise.
NOT_YET_WRAPPED: frozenset[str] = frozenset()  # every file of models/ is checked


def _has_cjk(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
               for n in ast.walk(node))


def _chinese_constants(tree: ast.Module) -> set[str]:
    """Module-level NAME = "中文…" (not marked with QT_TRANSLATE_NOOP): raising one shows Chinese."""
    return {t.id for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)
            if isinstance(node.value, (ast.Constant, ast.JoinedStr)) and _has_cjk(node.value)}


def untranslated_raises(path: Path) -> list[str]:
    """'file:line' of each raise whose message is Chinese text not passed through translate()."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _chinese_constants(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        message = node.exc.args[0]
        chinese_text = isinstance(message, (ast.Constant, ast.JoinedStr, ast.BinOp)) and _has_cjk(message)
        chinese_constant = isinstance(message, ast.Name) and message.id in constants
        if chinese_text or chinese_constant:
            found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return found


def test_the_scan_finds_an_untranslated_raise(tmp_path: Path) -> None:
    sample = ROOT / "models" / "_scan_sample.py"
    sample_text = ('WORD = "错误"\n'
                   'def f(x):\n'
                   '    raise ValueError(f"「{x}」不能为空")\n'
                   'def g():\n'
                   '    raise ValueError(WORD)\n'
                   'def h(x):\n'
                   '    raise ValueError(translate("c", "「{x}」不能为空").format(x=x))\n')
    try:
        sample.write_text(sample_text, encoding="utf-8")
        assert untranslated_raises(sample) == ["models/_scan_sample.py:3", "models/_scan_sample.py:5"]
    finally:
        sample.unlink()


def test_no_untranslated_chinese_raise_in_models() -> None:
    offenders = [hit for path in sorted((ROOT / "models").rglob("*.py"))
                 if "migrations" not in path.parts
                 and path.relative_to(ROOT).as_posix() not in NOT_YET_WRAPPED
                 for hit in untranslated_raises(path)]
    assert offenders == [], "wrap these messages in translate(context, text).format(...): " + ", ".join(offenders)


def test_the_allow_list_names_only_files_that_exist() -> None:
    assert [f for f in NOT_YET_WRAPPED if not (ROOT / f).exists()] == []


# ---- the English desk --------------------------------------------------------------------------

@pytest.fixture
def english() -> Iterator[None]:
    """The desk in English, with the catalog the build makes (tools/build_translations.py)."""
    i18n.set_language(i18n.ENGLISH)
    try:
        yield
    finally:
        i18n.set_language(i18n.CHINESE)


def refusal(action: Callable[[], object]) -> str:
    with pytest.raises((DomainError, CellError)) as refused:
        action()
    return str(refused.value)


def assert_english(text: str) -> None:
    assert text and not CJK.search(text), text


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused_parsers(tmp_path: Path) -> dict[str, Callable[[], object]]:
    """One refusal per parser and rule module, as each is reached from an import or a form."""
    return {
        "numbers": lambda: numbers.parse_decimal("1.234", "Area", numbers.AREA),
        "numbers range": lambda: numbers.parse_decimal("999999", "Days", numbers.DAYS),
        "cells number": lambda: cells.parse_decimal("abc"),
        "cells period": lambda: cells.parse_period("Q5 2025"),
        "cells year": lambda: cells.parse_period("Q1"),
        "guard empty": lambda: guard.check_file(_file(tmp_path, "empty.xlsx", b"")),
        "guard text": lambda: guard.check_file(_file(tmp_path, "notes.xlsx", b"unit,fee\n1,2\n" * 20)),
        "guard pdf": lambda: guard.check_file(_file(tmp_path, "scan.xlsx", b"%PDF-1.4 " + b"x" * 600)),
        "html without a table": lambda: html_book.open_html(
            _file(tmp_path, "page.xls", b"<html><head><title>t</title></head><body><p>no table</p></body></html>")),
        "layout": lambda: layout.chosen_sheets(["North"], ["South"]),
        "value map": lambda: value_map.parse_value_options(["use-110"], ledger.LEDGER_FIELDS, {}),
        "ledger period": lambda: ledger.clerk_period("someday"),
        "tariffs": lambda: tariffs.rate_on([], dt.date(2026, 7, 1), "", item="Water"),
        "cutoff": lambda: cutoff.split_line(dt.date(2026, 7, 1), dt.date(2026, 6, 1), Decimal("1.00"),
                                            Decimal("1.00"), dt.date(2026, 6, 15)),
        "defect lifecycle": lambda: defect_lifecycle.check_transition(DefectStatus.CLOSED, DefectStatus.RECTIFYING),
        "photos": lambda: check_size("big.jpg", 10**10),
        "field labels": lambda: check_text("handovers", "title", "x" * 5000),
        "office": lambda: office.DatabaseChoice(kind="postgresql", host="").target(),
        "identity card": lambda: identity.check_id(IdKind.ID_CARD, "110101199003071234", dt.date(2026, 12, 1)),
        "identity credit code": lambda: identity.check_id("credit_code", "91110000IOSVZ0000X", dt.date(2026, 12, 1)),
        "identity passport": lambda: identity.check_id(IdKind.PASSPORT, "E1", dt.date(2026, 12, 1)),
        "identity permit": lambda: identity.check_id(IdKind.PERMIT, "X1", dt.date(2026, 12, 1)),
        "phones": lambda: identity.check_phones("12345", "Mobile"),
    }


@pytest.mark.usefixtures("english")
def test_parser_and_rule_refusals_read_in_english(tmp_path: Path) -> None:
    for name, action in _refused_parsers(tmp_path).items():
        text = refusal(action)
        assert not CJK.search(text), f"{name}: {text}"


@pytest.mark.usefixtures("english")
def test_row_problems_and_skipped_rows_read_in_english() -> None:
    problem = RowProblem(RowRef(12, "North", 1), "房号", refusal(lambda: cells.parse_decimal("abc")))
    assert str(problem) == "sheet “North” row 12 “Unit”: “abc” is not a number"
    assert_english(str(problem))
    assert_english(str(SkippedRow(3, BLANK, 5)))


@pytest.mark.usefixtures("english")
def test_a_database_the_desk_cannot_reach_is_said_in_english() -> None:
    unreachable = DBAPIError("SELECT 1", {}, Exception("could not connect: Connection refused"))
    assert_english(str(storage_error(unreachable, "clerk@server:5432/desk")))


def _ledger_sheet(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Unit", "房号", "收费项目", "应收金额", "实收金额", "欠费金额", "所属期"][1:])
    sheet.append(["9-9-999", "Water", "abc", 10, 0, "2025-07"])
    sheet.append(["", "Water", 10, 10, 0, "2025-07"])
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    return path


def test_service_refusals_read_in_english(db: Database, tmp_path: Path) -> None:
    project = projects.add_project(db, "ENG", "Lakeside")
    item = fee_items.add_fee_item(db, project.id, code="W", name="Water", basis="per_ton")
    handover = handovers.create_handover(db, project.id, HandoverKind.TAKEOVER, "Old Co", "New Co", dt.date(2026, 6, 30))
    i18n.set_language(i18n.ENGLISH)
    try:
        texts = {
            "handovers": refusal(lambda: handovers.create_handover(db, project.id, HandoverKind.TAKEOVER, "", "New Co",
                                                                   dt.date(2026, 6, 30))),
            "auth": refusal(lambda: auth.login(db, "nobody", "wrong password")),
            "approvals": refusal(lambda: approvals.confirm(db, "", "secret")),
            "fee items": refusal(lambda: fee_items.set_rate(db, item.id, valid_from=dt.date(2026, 7, 1),
                                                            rate=Decimal("1E+20"))),
            "office": refusal(lambda: office.set_office(db, "x" * 500, "")),
            "overview": refusal(lambda: read_overview(db, 987654)),
            "key forms": refusal(lambda: key_forms.keys_by_tags(db, project.id, ["NOPE-1"])),
            "demo": refusal(lambda: build_demo(db, size="huge")),
            "ledger": ledger.preview_ledger(db, handover.id, _ledger_sheet(tmp_path)).refusal(),
        }
    finally:
        i18n.set_language(i18n.CHINESE)
    for name, text in texts.items():
        assert text and not CJK.search(text), f"{name}: {text}"
    assert texts["handovers"] == "“Handing-over party” cannot be empty."
    assert texts["auth"] == "Incorrect user name or password."
    with pytest.raises(NotFoundError, match="^交接（编号 987654）不存在。$"):  # and Chinese again after
        read_overview(db, 987654)
