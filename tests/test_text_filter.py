"""The typed filter of 台账 and 对账差异 (models/browse.py FEES, DIFFERENCES) on both backends: the rows and
counts equal a Python reference of the rule on awkward data, by either way of reading a page (through
the parts' indexes, or walking the table), and the owner-name index (FTS5 on SQLite) follows every
insert, update and delete of a ledger line."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, text, update

from models import browse
from models.browse import DIFFERENCES, FEES, Scope
from models.db import Database
from models.fees import DiffKind, FeeDifference, FeeItem, LedgerLine
from models.handover import Handover, HandoverKind
from models.migrate import upgrade
from models.project import Project, Unit

# Units and fee items (matched anywhere in them), and owner names / notes with what LIKE escapes,
# quotes, mixed case, Chinese, empty names — and lines without a unit or without a fee item.
UNITS = ["1栋1单元101", "12栋2单元1201", "112栋101", "A%座_1", "b'座2", "Tower-C 3", "地下车库"]
ITEMS = ["物业服务费", "水费", "100%押金", "Parking_B"]
OWNERS = ["梁燕洁", "梁国", "燕洁梁", "O'Brien", "o'neil", "ab%cd", "AB_cd", "x_y", "100%", "", "",
          "Ab公司", "ABC", "abc", "aBc有限公司", "李1", "12栋业主", "张'三"]
NOTES = ["", "", "已核对", "差额100%", "业主O'Brien说明", "ab_c", "梁燕洁来电", "x%y"]
TEXTS = ["1", "12", "12栋", "无此内容zq", "梁", "燕洁", "梁燕洁", "%", "_", "'", "ab", "Ab", "abc", "ABC",
         "ab%", "b%c", "b_c", "AB_", "O'B", "o'b", "'Br", "公司", "100%", "座", "a%座", "Tower", "费", "_B",
         "栋1单元", "核对", "x%y", "x_y"]


def fold(s: str) -> str:
    """ASCII case folded, as SQLite's LIKE (and, for this ASCII-only mixed case, PostgreSQL's ILIKE) does."""
    return s.lower()


def contains(value: str | None, t: str) -> bool:
    return value is not None and fold(t) in fold(value)


@pytest.fixture
def book(db: Database) -> dict[str, int]:
    """A handover with 2 × len(OWNERS) × … ledger lines, some without unit or fee item, and differences;
    a second handover whose lines must never show."""
    with db.begin() as s:
        p = Project(code="AWK", name="怪字花园")
        s.add(p)
        s.flush()
        units = [Unit(project_id=p.id, number=n, area=Decimal("80.00"), use="住宅") for n in UNITS]
        items = [FeeItem(project_id=p.id, code=f"I{i}", name=n) for i, n in enumerate(ITEMS)]
        h = Handover(project_id=p.id, kind=HandoverKind.TAKEOVER, from_company="甲", to_company="乙",
                     cutoff_date=dt.date(2026, 6, 30))
        other = Handover(project_id=p.id, kind=HandoverKind.TAKEOVER, from_company="丙", to_company="乙",
                         cutoff_date=dt.date(2025, 6, 30))
        s.add_all([*units, *items, h, other])
        s.flush()
        unit_ids: list[int | None] = [u.id for u in units] + [None]
        item_ids: list[int | None] = [i.id for i in items] + [None]
        n = 0
        for k, owner in enumerate(OWNERS):
            for source in ("theirs", "ours"):
                n += 1
                s.add(LedgerLine(handover_id=h.id, source=source, unit_id=unit_ids[(k + n) % len(unit_ids)],
                                 fee_item_id=item_ids[(k * 3 + n) % len(item_ids)], owner_name=owner,
                                 period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 1, 31),
                                 billed=Decimal("10.00"), paid=Decimal("0.00")))
            s.add(LedgerLine(handover_id=other.id, source="theirs", unit_id=unit_ids[0], fee_item_id=item_ids[0],
                             owner_name=owner, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 1, 31)))
        for k, note in enumerate(NOTES * 3):
            s.add(FeeDifference(handover_id=h.id, unit_id=unit_ids[k % len(unit_ids)],
                                fee_item_id=item_ids[(k * 2) % len(item_ids)], period_start=dt.date(2026, 1 + k % 12, 1),
                                period_end=dt.date(2026, 1 + k % 12, 28), kind=DiffKind.DIFFERS, note=note))
        return {"project": p.id, "handover": h.id}


def _names(db: Database, model: type, column: str) -> dict[int, str]:
    with db.read() as s:
        return dict(s.execute(select(model.id, getattr(model, column))).all())  # type: ignore[attr-defined]


def expected_lines(db: Database, handover_id: int, t: str) -> set[int]:
    units, items = _names(db, Unit, "number"), _names(db, FeeItem, "name")
    with db.read() as s:
        lines = s.execute(select(LedgerLine.id, LedgerLine.unit_id, LedgerLine.fee_item_id, LedgerLine.owner_name)
                          .where(LedgerLine.handover_id == handover_id)).all()
    return {i for i, u, f, owner in lines
            if contains(units.get(u) if u else None, t) or contains(items.get(f) if f else None, t)
            or contains(owner, t)}


def expected_differences(db: Database, handover_id: int, t: str) -> set[int]:
    units, items = _names(db, Unit, "number"), _names(db, FeeItem, "name")
    with db.read() as s:
        rows = s.execute(select(FeeDifference.id, FeeDifference.unit_id, FeeDifference.fee_item_id, FeeDifference.note)
                         .where(FeeDifference.handover_id == handover_id)).all()
    return {i for i, u, f, note in rows
            if contains(units.get(u) if u else None, t) or contains(items.get(f) if f else None, t) or contains(note, t)}


def shown(db: Database, spec: browse.TableSpec, scope: Scope, t: str) -> tuple[list[int], int, tuple[int, bool]]:
    with db.read() as s:
        ids = [r[-1] for r in spec.fetch(s, scope, t, limit=10_000)]
        return ids, spec.count(s, scope, t), spec.count_upto(s, scope, t, cap=5)


@pytest.mark.parametrize("direct", [20_000, 0], ids=["through-indexes", "walking-the-table"])
def test_ledger_filter_equals_the_reference(db: Database, book: dict[str, int], monkeypatch, direct: int) -> None:
    monkeypatch.setattr(browse, "DIRECT", direct)
    scope = Scope(book["project"], book["handover"])
    for t in TEXTS:
        want = expected_lines(db, book["handover"], t)
        ids, count, (capped, exact) = shown(db, FEES, scope, t)
        assert set(ids) == want and len(ids) == len(want), t
        assert ids == sorted(ids), t  # the ledger's own order, by either way of reading
        assert count == len(want), t
        assert (capped, exact) == ((len(want), True) if len(want) <= 5 else (5, False)), t
    # the project's scope reads both handovers
    everything = {i for h in (book["handover"], book["handover"] + 1) for i in expected_lines(db, h, "梁")}
    ids, count, _ = shown(db, FEES, Scope(book["project"]), "梁")
    assert set(ids) == everything and count == len(everything)


@pytest.mark.parametrize("direct", [20_000, 0], ids=["through-indexes", "walking-the-table"])
def test_differences_filter_equals_the_reference(db: Database, book: dict[str, int], monkeypatch,
                                                 direct: int) -> None:
    differences = dataclasses.replace(DIFFERENCES, direct=direct)
    scope = Scope(book["project"], book["handover"])
    for t in TEXTS:
        want = expected_differences(db, book["handover"], t)
        ids, count, _ = shown(db, differences, scope, t)
        assert set(ids) == want and len(ids) == len(want), t
        assert count == len(want), t
    # with the table's own filters beside the text
    with db.read() as s:
        ids = [r[-1] for r in differences.fetch(s, scope, "费", filters={"open": True, "fee_item": "水费"})]
    assert ids and set(ids) <= expected_differences(db, book["handover"], "费")


def test_short_owner_texts_match_anywhere_in_the_name(db: Database, book: dict[str, int]) -> None:
    """No special rule for 1–2 characters: "燕洁" finds 梁燕洁 and 燕洁梁, "国" finds 梁国."""
    scope = Scope(book["project"], book["handover"])
    owners = _names(db, LedgerLine, "owner_name")

    def names(t: str) -> set[str]:
        return {owners[i] for i in shown(db, FEES, scope, t)[0]}
    assert names("燕洁") == {"梁燕洁", "燕洁梁"}
    assert names("国") == {"梁国"}
    assert names("梁") == {"梁燕洁", "梁国", "燕洁梁"}
    assert names("c") >= {"ab%cd", "AB_cd", "ABC", "abc", "aBc有限公司"}


def test_owner_index_follows_insert_update_delete(db: Database, book: dict[str, int]) -> None:
    scope = Scope(book["project"], book["handover"])
    with db.begin() as s:
        s.add(LedgerLine(handover_id=book["handover"], source="theirs", owner_name="新来的王小明",
                         period_start=dt.date(2026, 2, 1), period_end=dt.date(2026, 2, 28)))
        s.execute(update(LedgerLine).where(LedgerLine.owner_name == "梁燕洁").values(owner_name="梁燕华"))
        s.execute(delete(LedgerLine).where(LedgerLine.owner_name == "燕洁梁"))
    for t in ("王小明", "梁燕洁", "梁燕华", "燕洁梁", "新来的", "燕华", "王"):
        want = expected_lines(db, book["handover"], t)
        ids, count, _ = shown(db, FEES, scope, t)
        assert set(ids) == want and count == len(want), t
    assert len(shown(db, FEES, scope, "梁燕华")[0]) == 2 and not shown(db, FEES, scope, "梁燕洁")[0]


def test_migration_0014_indexes_existing_lines_and_goes_back(db: Database, book: dict[str, int]) -> None:
    """Down to 0013 and up again: the owner-name index is rebuilt from the lines already there."""
    from alembic import command

    from models.migrate import alembic_config

    db.dispose()
    command.downgrade(alembic_config(db.engine), "0013")
    with db.engine.connect() as conn:
        if db.is_sqlite:
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'ledger_owner_fts'")).scalar() == 0
        else:
            assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE tablename = 'ledger_owner_names' "
                                     "AND schemaname = current_schema()")).scalar() == 0
    upgrade(db.engine)
    scope = Scope(book["project"], book["handover"])
    for t in ("梁燕洁", "O'B", "abc", "梁", "燕洁"):
        want = expected_lines(db, book["handover"], t)
        assert set(shown(db, FEES, scope, t)[0]) == want and want, t


def test_without_the_trigram_index_the_filter_is_the_same(db: Database, book: dict[str, int]) -> None:
    """A PostgreSQL server that refused CREATE EXTENSION pg_trgm has no trigram indexes: the same rows,
    read without them (SQLite: the FTS5 table is always there, as FTS5 is built into its library)."""
    if not db.is_sqlite:
        with db.engine.begin() as conn:
            for name in ("ix_ledger_owner_names_trgm", "ix_keys_text_trgm", "ix_defects_text_trgm",
                         "ix_units_number_trgm"):
                conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    scope = Scope(book["project"], book["handover"])
    for t in ("梁燕洁", "O'B", "abc", "ab%", "b_c", "梁", "公司"):
        want = expected_lines(db, book["handover"], t)
        ids, count, _ = shown(db, FEES, scope, t)
        assert set(ids) == want and count == len(want), t


@pytest.mark.parametrize("direct", [20_000, 0], ids=["through-indexes", "walking-the-table"])
def test_the_parts_find_what_the_whole_filter_finds(db: Database, monkeypatch, direct: int) -> None:
    """Every table read in parts (keys, defects, ledger, differences): the same rows and counts as its
    text filter read whole, on the shared sample (labels such as 借出 and 整改中 included)."""
    from sample_data import make_sample

    sample = make_sample(db)
    monkeypatch.setattr(browse, "DIRECT", direct)
    found: dict[str, int] = {}
    for spec in (t for t in browse.TABLES.values() if t.text_arms is not None):
        whole = dataclasses.replace(spec, text_arms=None)
        parted = dataclasses.replace(spec, direct=direct)
        for scope in (Scope(sample.project_id, sample.handover_id), Scope(sample.project_id)):
            for t in ("1", "0", "栋", "1栋", "单元", "借出", "在库", "整改", "重大", "业主", "%", "_", "'", "A", "费",
                      "无此内容zq"):
                with db.read() as s:
                    want = [r[-1] for r in whole.fetch(s, scope, t, limit=100_000,
                                                       filters={"today": dt.date(2026, 12, 3)})]
                    got = [r[-1] for r in parted.fetch(s, scope, t, limit=100_000,
                                                       filters={"today": dt.date(2026, 12, 3)})]
                    assert got == want, (spec.key, t)
                    assert parted.count(s, scope, t) == whole.count(s, scope, t) == len(want), (spec.key, t)
                found[spec.key] = found.get(spec.key, 0) + len(want)
    # (the sample has no differences: test_differences_filter_equals_the_reference reads those)
    assert set(found) == {"keys", "defects", "fees", "fee_differences"}
    assert found["keys"] and found["defects"] and found["fees"], found
