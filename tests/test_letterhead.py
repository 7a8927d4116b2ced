"""本处信息 on paper (issue 12 point 1): the office's name and address head every form; a signed list or
settlement keeps the one it was signed with, whatever the office is renamed to later (issue 10's rule
that a signed document prints only what was signed). SQLite and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from models.fees import Decision
from models.services import checklists as cl
from models.services import office
from models.services import reconcile as rc
from models.services.settlement import sign_settlement
from reports.print_commands import print_arrears, print_handover_list, print_settlement
from tests.test_list_signoff_final import extinguisher_list, handover, sign  # noqa: F401  (fixture)

OLD = ("安居物业服务有限公司翠湖园管理处", "某市某区翠湖路 88 号")
NEW = ("新名字物业有限公司", "另一条路 1 号")


def lines(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [ln for page in pdf.pages for ln in (page.extract_text() or "").splitlines()]


def heads(path: Path, name: str) -> int:
    """How many pages carry `name` in their header line."""
    with pdfplumber.open(path) as pdf:
        return sum(name in (page.extract_text() or "") for page in pdf.pages)


def test_signed_lists_keep_the_letterhead_they_were_signed_with(db, handover, tmp_path):  # noqa: F811
    office.set_office(db, *OLD)
    signed = extinguisher_list(db, handover.id)
    sign(db, signed)
    draft = cl.create_list(db, handover.id, "印章移交清单").id
    office.set_office(db, *NEW)
    assert cl.list_detail(db, signed).handover.letterhead.startswith(OLD[0])
    assert cl.list_detail(db, draft).handover.letterhead.startswith(NEW[0])

    out = tmp_path / "book.pdf"
    print_handover_list(db, handover.id, out)
    with pdfplumber.open(out) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    signed_pages = [p for p in pages if p.startswith("消防设施移交清单")]
    draft_pages = [p for p in pages if p.startswith("印章移交清单")]
    assert signed_pages and all(OLD[0] in p and f"地址：{OLD[1]}" in p and NEW[0] not in p for p in signed_pages)
    assert draft_pages and all(NEW[0] in p and OLD[0] not in p for p in draft_pages)


def test_a_signed_settlement_keeps_its_letterhead(db, book, tmp_path):
    office.set_office(db, *OLD)
    rc.reconcile(db, book)
    rc.decide_many(db, book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, book, Decision.OURS, "以我方为准")
    sign_settlement(db, book, note="双方确认")
    office.set_office(db, *NEW)
    for printer, name in ((print_settlement, "settlement.pdf"), (print_arrears, "arrears.pdf")):
        out = tmp_path / name
        pages = printer(db, book, out)
        assert heads(out, OLD[0]) == pages and heads(out, NEW[0]) == 0, name


def test_without_an_office_name_the_header_has_no_empty_line(db, handover, tmp_path):  # noqa: F811
    out = tmp_path / "list.pdf"
    print_handover_list(db, handover.id, out, list_id=extinguisher_list(db, handover.id))
    assert not any("地址：" in ln for ln in lines(out))
    assert lines(out)[0].startswith("消防设施移交清单")
