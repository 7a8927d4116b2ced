"""A typed text without case ("1", "12栋") is matched with LIKE on PostgreSQL, not ILIKE (models/browse.py
TextLike): the two must find exactly the same rows, whatever case the rows' own text has."""
from __future__ import annotations

from sqlalchemy import column, select, text, values
from sqlalchemy.types import String

from models.browse import TextLike, caseless
from models.db import Database

ROWS = ["1栋101", "Tower-1", "TOWER-1", "tower-1", "İstanbul 1", "i̇1", "KELVIN 1", "K1", "Ǆ1", "ǅ1", "ǆ1",
        "ΣΑΣ 1", "σας 1", "ＡＢ１２", "ａｂ１２", "（1）栋", "12栋2单元1201", "Ⅻ号楼", "ⅻ号楼", "ß1", "SS1",
        "%1_", "a%b", "x_y", "", "　", "１２栋", "カタカナ1", "ｶﾀｶﾅ1", "东1、西2", "No.1", "no.1"]
CASELESS = ["1", "12", "12栋", "栋", "（1）", "、", "１２", "-1", " 1", "%", "_", "1_", "カタ", "ｶﾀ", "号楼", ".1"]
CASED = ["a", "A", "İ", "i̇", "Ⅻ", "ＡＢ", "ß", "K", "Ǆ", "Σ", "tower", "No", "\u0307", "1a"]


def test_caseless_texts() -> None:
    assert all(caseless(t) for t in CASELESS)
    assert not any(caseless(t) for t in CASED)


def _matches(db: Database, op: str, pattern: str) -> list[str]:
    rows = values(column("s", String), name="t").data([(r,) for r in ROWS])
    with db.read() as s:
        return sorted(s.scalars(select(rows.c.s).where(text(f"t.s {op} :p ESCAPE '/'").bindparams(p=pattern))))


def test_like_finds_what_ilike_finds_for_a_caseless_text(pg_db: Database) -> None:
    """PostgreSQL only: SQLite has no ILIKE, and its LIKE is what it used before and still uses."""
    for t in CASELESS:
        pattern = "%" + t.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
        assert _matches(pg_db, "LIKE", pattern) == _matches(pg_db, "ILIKE", pattern), t


def test_the_filter_uses_like_only_for_a_caseless_text(db: Database) -> None:
    sqlite = db.engine.dialect.name == "sqlite"
    col = column("s", String)
    with db.read() as s:
        dialect = s.get_bind().dialect
    for t in CASELESS + CASED:
        sql = str(TextLike(t, sqlite)(col).compile(dialect=dialect)).upper()
        assert ("ILIKE" in sql or "LOWER(" in sql) == (not sqlite and not caseless(t)), (t, sql)
