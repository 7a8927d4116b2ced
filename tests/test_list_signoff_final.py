"""Issue 10 for handover lists, on SQLite and PostgreSQL: a signed list keeps the parties it was
signed with (reprinted after a raw UPDATE of the handover), three-party sign-off needs the 监交方's
signatory, and an amendment's change list matches items by identity (two 灭火器 lines stay two)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import select, text

from models.base import DocStatus
from models.errors import ValidationError
from models.handover import HandoverItem, HandoverKind, HandoverList, ItemCondition
from models.services import checklists as cl
from models.services import handovers, projects, signoff
from models.services.checklist_rows import SNAPSHOT_FIELDS, HandoverInfo, ItemChange
from reports.print_commands import print_handover_list

SIGNED_AT = dt.datetime(2026, 7, 1, 10, 30)
FROM, TO, WITNESS = "原物业服务有限公司", "本物业管理有限公司", "翠湖园业主委员会"
NEW_FROM, NEW_TO, NEW_WITNESS = "篡改移交有限公司", "篡改接收有限公司", "篡改监交单位"


@pytest.fixture
def handover(db) -> HandoverInfo:
    p = projects.add_project(db, "CHY", "翠湖园")
    return handovers.create_handover(db, p.id, "进场接管", FROM, TO, dt.date(2026, 6, 30),
                                     from_rep="赵国强", to_rep="孙志远", witness=WITNESS, witness_rep="王主任",
                                     planned_date=dt.date(2026, 7, 1))


def extinguisher_list(db, handover_id: int) -> int:
    """灭火器 twice in one category (two lines, two floors), then a hydrant, all checked."""
    list_id = cl.create_list(db, handover_id, "消防设施移交清单").id
    for name, spec in (("灭火器", "1号楼"), ("灭火器", "2号楼"), ("室内消火栓", "")):
        cl.add_item(db, list_id, category="消防设施", name=name, spec=spec, uom="具", expected_qty=2)
    check_all(db, list_id)
    return list_id


def check_all(db, list_id: int) -> None:
    for item in cl.list_detail(db, list_id).items:
        if not item.checked:
            cl.mark_received_as_expected(db, item.id, item.version)


def sign(db, list_id: int, witness: str = "王主任"):
    version = cl.list_detail(db, list_id).summary.version
    return signoff.sign_list(db, list_id, version, signed_from="赵国强", signed_to="孙志远",
                             signed_witness=witness, signed_at=SIGNED_AT)


def rename_parties_by_sql(db, handover_id: int) -> None:
    """What an old code path or someone with database access does: no service, no amendment."""
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE handovers SET from_company = :f, to_company = :t, witness = :w, "
                          "cutoff_date = :c WHERE id = :id"),
                     {"f": NEW_FROM, "t": NEW_TO, "w": NEW_WITNESS, "c": dt.date(2026, 12, 31),
                      "id": handover_id})


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


# --- 1a: a signed list reprints with the parties it was signed with ------------------------------

def test_a_signed_list_reprints_the_parties_it_was_signed_with(db, handover, tmp_path):
    signed = extinguisher_list(db, handover.id)
    sign(db, signed)
    draft = cl.create_list(db, handover.id, "印章移交清单").id
    rename_parties_by_sql(db, handover.id)

    detail = cl.list_detail(db, signed)
    assert (detail.handover.from_company, detail.handover.to_company, detail.handover.witness) == \
        (FROM, TO, WITNESS)
    assert detail.handover.cutoff_date == dt.date(2026, 6, 30)
    assert cl.list_detail(db, draft).handover.from_company == NEW_FROM  # a draft shows the handover as it is

    out = tmp_path / "signed.pdf"
    print_handover_list(db, handover.id, out, list_id=signed)
    printed = pdf_text(out)
    for name in (FROM, TO, WITNESS):
        assert name in printed
    for name in (NEW_FROM, NEW_TO, NEW_WITNESS):
        assert name not in printed
    assert "签字：赵国强" in printed and "签字：王主任" in printed

    book = tmp_path / "book.pdf"  # every current list: each with its own parties
    print_handover_list(db, handover.id, book)
    with pdfplumber.open(book) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    assert all(FROM in p and NEW_FROM not in p for p in pages if p.startswith("消防设施移交清单"))
    assert any(NEW_FROM in p for p in pages if p.startswith("印章移交清单"))


def test_the_snapshot_is_taken_in_the_signing_transaction(db, handover):
    list_id = extinguisher_list(db, handover.id)
    sign(db, list_id)
    with db.read() as s:
        stored = json.loads(s.get(HandoverList, list_id).handover_snapshot)
    assert sorted(stored) == sorted(SNAPSHOT_FIELDS)
    assert (stored["from_company"], stored["witness_rep"], stored["kind"]) == (FROM, "王主任", HandoverKind.TAKEOVER.value)
    assert (stored["cutoff_date"], stored["planned_date"], stored["actual_date"]) == \
        ("2026-06-30", "2026-07-01", None)
    live = handovers.get_handover(db, handover.id)
    assert live.as_signed(live.snapshot()) == live  # every printed field round-trips


def test_a_list_signed_before_snapshots_shows_the_handover_as_it_is(db, handover, monkeypatch):
    list_id = extinguisher_list(db, handover.id)
    with monkeypatch.context() as m:
        m.setattr(HandoverInfo, "snapshot", lambda self: "")  # as signing did before this change
        sign(db, list_id)
    rename_parties_by_sql(db, handover.id)
    assert cl.list_detail(db, list_id).handover.from_company == NEW_FROM


# --- 4: three-party sign-off is three parties ------------------------------------------------

def test_a_witnessed_handover_is_signed_by_three(db, handover):
    list_id = extinguisher_list(db, handover.id)
    for blank in ("", "  "):
        with pytest.raises(ValidationError, match="「监交方签字人」不能为空"):
            sign(db, list_id, witness=blank)
    assert cl.list_detail(db, list_id).summary.status is DocStatus.DRAFT
    signed = sign(db, list_id, witness="王主任")
    assert (signed.status, signed.signed_witness) == (DocStatus.SIGNED, "王主任")


def test_a_handover_without_witness_is_signed_by_two(db):
    p = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, p.id, "承接查验", "翠湖置业有限公司", "本物业管理有限公司",
                                  dt.date(2026, 6, 30))
    list_id = extinguisher_list(db, h.id)
    signed = sign(db, list_id, witness="")
    assert signed.status is DocStatus.SIGNED and signed.signed_witness == ""


# --- 5: an amendment's change list ------------------------------------------------------------

def amend(db, handover_id: int) -> tuple[int, int]:
    original = extinguisher_list(db, handover_id)
    sign(db, original)
    return original, signoff.amend_list(db, original).id


def change_line_1_and_delete_line_2(db, amendment: int) -> None:
    first, second, _ = cl.list_detail(db, amendment).items
    cl.check_item(db, first.id, first.version, received_qty=1, condition="有缺陷", remarks="压力不足")
    cl.remove_item(db, second.id, second.version)


def assert_line_1_changed_and_line_2_removed(changes: list[ItemChange]) -> None:
    assert [(c.kind, c.name, c.old_seq, c.new_seq) for c in changes] == [
        ("changed", "灭火器", 1, 1), ("removed", "灭火器", 2, None)]
    assert changes[0].changes == {"received_qty": (2, 1), "condition": (ItemCondition.GOOD, ItemCondition.DEFECTIVE),
                                  "remarks": ("", "压力不足")}


def test_two_extinguishers_line_1_changed_line_2_removed(db, handover):
    original, amendment = amend(db, handover.id)
    with db.read() as s:
        old_ids = s.scalars(select(HandoverItem.id).where(HandoverItem.list_id == original)
                            .order_by(HandoverItem.seq)).all()
        copied = s.scalars(select(HandoverItem.amends_item_id).where(HandoverItem.list_id == amendment)
                           .order_by(HandoverItem.seq)).all()
    assert copied == old_ids  # every copy points at the item it copies
    assert signoff.changes_against_amended(db, amendment) == []
    change_line_1_and_delete_line_2(db, amendment)
    changes = signoff.changes_against_amended(db, amendment)
    assert_line_1_changed_and_line_2_removed(changes)  # the hydrant moved up to line 2: not a change
    assert cl.list_detail(db, amendment).changes == changes


def test_added_and_moved_lines(db, handover):
    _, amendment = amend(db, handover.id)
    hydrant = cl.list_detail(db, amendment).items[2]
    cl.move_item(db, hydrant.id, hydrant.version, -2)  # to the top: the two 灭火器 only shift down
    cl.add_item(db, amendment, category="消防设施", name="灭火器", spec="3号楼", uom="具")
    changes = signoff.changes_against_amended(db, amendment)
    assert [(c.kind, c.name, c.old_seq, c.new_seq, c.changes) for c in changes] == [
        ("changed", "室内消火栓", 3, 1, {"seq": (3, 1)}), ("added", "灭火器", None, 4, {})]


def test_an_amendment_made_before_items_knew_their_origin(db, handover):
    _, amendment = amend(db, handover.id)
    with db.engine.begin() as conn:  # as an amendment made before this change (the column was added NULL)
        conn.execute(text("UPDATE handover_items SET amends_item_id = NULL WHERE list_id = :id"),
                     {"id": amendment})
    change_line_1_and_delete_line_2(db, amendment)
    # by category and name, the first 灭火器 with the first 灭火器
    assert_line_1_changed_and_line_2_removed(signoff.changes_against_amended(db, amendment))


def test_the_printed_amendment_lists_its_changes(db, handover, tmp_path):
    original, amendment = amend(db, handover.id)
    change_line_1_and_delete_line_2(db, amendment)
    out = tmp_path / "amendment.pdf"
    print_handover_list(db, handover.id, out, list_id=amendment)
    printed = pdf_text(out)
    assert "补充交接清单（第 2 版）" in printed and "与第 1 版相比的变更（共 2 项）" in printed
    assert re.search(r"本版序号\s*第 1 版序号\s*变更\s*类别\s*名称\s*变更内容", printed)
    assert re.search(r"^1 1 修改 消防设施 灭火器 实收数量 2 → 1；状况 完好 → 有缺陷；备注 （空） → 压力不足$",
                     printed, re.MULTILINE)
    assert re.search(r"^2 删除 消防设施 灭火器$", printed, re.MULTILINE)

    sign(db, amendment)  # and once signed, the same list goes out with the signatures
    print_handover_list(db, handover.id, out, list_id=amendment)
    signed = pdf_text(out)
    assert "与第 1 版相比的变更（共 2 项）" in signed and "签字：王主任" in signed

    print_handover_list(db, handover.id, out, list_id=original)
    assert "相比的变更" not in pdf_text(out)  # the original has no change list


def test_an_unchanged_amendment_says_so_on_paper(db, handover, tmp_path):
    _, amendment = amend(db, handover.id)
    out = tmp_path / "amendment.pdf"
    print_handover_list(db, handover.id, out, list_id=amendment)
    assert "与第 1 版相比的变更：无（与第 1 版相同）。" in pdf_text(out)
