"""The GUI, the reports and the CLI decide on codes, never on the words people read.

A status word used as logic breaks silently when the word changes (a renamed label, the English UI):
fees/state.py once compared the settlement's label with "已签署", and renaming it would have stamped
草稿 on a signed report. This test reads gui/, reports/, main.py and models/ (but its importers) and fails on any comparison
(==, !=, in, not in) with a Chinese literal or with a `.label`, naming file and line.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from models.base import DocStatus
from models.defect import DefectCategory, DefectStatus, Responsible, Severity
from models.fees import Decision, DepositAction, DiffKind, MeterKind
from models.handover import CopyKind, HandoverKind, ItemCondition
from models.keys import KeyEventKind, KeyStatus, LendReason
from models.labels import LABELS
from models.people import IdKind, Relation, Role
from models.project import Occupancy, ProjectKind, UnitUse

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [*sorted((ROOT / "gui").rglob("*.py")), *sorted((ROOT / "reports").rglob("*.py")), ROOT / "main.py"]
# models/ too, but not its importers: reading a spreadsheet's own words (小计, 原/复, 按月) is their job,
# and what they read leaves them as members. Migrations hold the frozen old words on purpose.
MODELS = [p for p in sorted((ROOT / "models").rglob("*.py")) if not {"imports", "migrations"} & set(p.parts)]
VOCABULARIES = (Severity, DefectCategory, Responsible, ItemCondition, CopyKind, ProjectKind, UnitUse, Occupancy,
                Relation, IdKind, LendReason, MeterKind)  # stored as codes since migration 0013
CJK = re.compile(r"[\u4e00-\u9fff]")
EVERY_LABEL = {text for labels in LABELS.values() for text in labels.values() if text}
COMPARISONS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Is, ast.IsNot)
# Comparisons with Chinese words that are not a status: each names why (file, the line's code).
NOT_A_STATUS = {
    # the clerk's own title of a list: a title that already says 清单 is not suffixed 交接清单 again
    ("reports/forms/handover_list.py", 'title = summary.title if "清单" in summary.title else f"{summary.title}交接清单"'),
    # PostgreSQL's own message, in the server's language
    ("models/db.py", 'if message is PG_NO_USER and "does not exist" not in text and "不存在" not in text:'),
    ("models/db.py", 'if message is PG_NO_DATABASE and "does not exist" not in text and "不存在" not in text:'),
    # a template item's own spec and unit of measure (free text of the demo's templates)
    ("models/demo/lists.py", 'return len(c.of_use(UnitUse.RESIDENCE)) if "按户" in item.spec else item.qty'),
    ("models/demo/lists.py", 'paper = item.copy and received and item.uom in ("份", "册")'),
    ("models/demo/lists.py",
     'pages=rng.randint(80, 400) if paper and item.uom == "册" else rng.randint(2, 60) if paper else None,'),
    # a house number written in Chinese numerals (十一楼)
    ("models/rules/unit_number.py", 'if "十" not in text:'),
    # a settlement line signed before: its Chinese wording is all the snapshot keeps of it
    ("models/services/fee_rows.py", 'return "meters" if "抄表" in label else "arrears" if "欠费" in label else ""'),
    # the clerk's own title of a list of keys
    ("models/services/key_intake.py", 'return template_code == KEY_TEMPLATE or "钥匙" in title'),
}


def _words(node: ast.AST) -> list[str]:
    """The Chinese (or label) string literals a comparison operand spells out: "x", ("x", "y"), {"x"}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if CJK.search(node.value) or node.value in EVERY_LABEL else []
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [w for element in node.elts for w in _words(element)]
    return []


def _is_label(node: ast.AST) -> bool:
    """`something.label`: a label read to decide on (`row.status.label == DocStatus.SIGNED.label`)."""
    return isinstance(node, ast.Attribute) and node.attr == "label" and isinstance(node.value, ast.Attribute)


def words_used_as_logic(source: str, name: str = "<source>") -> list[str]:
    """Every comparison with a Chinese literal or a label in `source`, as "name:line: code"."""
    found = []
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare) or not any(isinstance(op, COMPARISONS) for op in node.ops):
            continue
        operands = [node.left, *node.comparators]
        code = lines[node.lineno - 1].strip()
        if (any(_words(o) for o in operands) or any(_is_label(o) for o in operands)) \
                and (name, code) not in NOT_A_STATUS:
            found.append((node.lineno, f"{name}:{node.lineno}: {code}"))
    return [hit for _line, hit in sorted(found)]


def test_the_detector_catches_planted_status_words():
    planted = '''
if key.status == "借出":
    pass
lent = [k for k in keys if k.status in ("在库", "封存")]
signed = row.status.label != DocStatus.SIGNED.label
late = "逾期" if d.severity == "重大" else ""
ok = key.status is KeyStatus.LENT and row.decision is not Decision.OPEN
text = f"状态：{key.status.label}"
bars = [Bar(s.label, n) for s, n in counts.items() if s in SHOWN]
done = item.condition in {"缺失", "有缺陷"}
'''
    hits = words_used_as_logic(planted, "planted.py")
    assert [h.split(":")[1] for h in hits] == ["2", "4", "5", "6", "10"], hits
    assert hits[0] == 'planted.py:2: if key.status == "借出":'


def test_gui_reports_cli_and_models_decide_on_codes_not_words():
    found = [hit for path in [*SCANNED, *MODELS]
             for hit in words_used_as_logic(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == [], "status words used as logic (compare enum members instead):\n" + "\n".join(found)


def test_every_enum_stores_a_short_ascii_code_and_has_one_label_each():
    for enum_cls in (DocStatus, Role, KeyStatus, KeyEventKind, DefectStatus, DiffKind, Decision, DepositAction,
                     HandoverKind, *VOCABULARIES):
        assert set(LABELS[enum_cls.__name__]) == {m.value for m in enum_cls}, enum_cls
        for member in enum_cls:
            assert re.fullmatch(r"[a-z_]{0,16}", member.value), member  # StrEnum's column is String(16)
            assert CJK.search(member.label) or member.value == "", member  # "": a field left empty
            assert enum_cls(member.label) is member  # old data holds the label: it reads back


def test_cli_options_take_the_code_or_the_label():
    from main import UsageError, build_parser

    parser = build_parser()
    handover = ["handover", "add", "--project", "CHY", "--from", "甲", "--to", "乙", "--cutoff", "2026-06-30"]
    assert parser.parse_args([*handover, "--kind", "退场移交"]).kind == "exit"
    assert parser.parse_args([*handover, "--kind", "exit"]).kind == "exit"
    assert parser.parse_args(["user", "add", "wang", "--role", "主管"]).role == "supervisor"
    assert parser.parse_args(["user", "add", "wang", "--role", "admin"]).role == "admin"
    with pytest.raises(UsageError, match="文员（clerk）"):  # the refusal names the choices
        parser.parse_args(["user", "add", "wang", "--role", "老板"])
