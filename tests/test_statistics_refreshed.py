"""PostgreSQL plans from statistics that only ANALYZE makes, and nothing ran it after a bulk write:
the keys filter took 684 ms on the large demo instead of 14 ms. The demo, the imports and a restore
now refresh the statistics of the tables they filled — only those, never the whole server."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from test_imports_ledger import ROSTER, SAMPLE

from models.db import Database
from models.demo import build_demo
from models.imports.ledger import import_ledger_file
from models.imports.roster import import_roster_file
from models.services import projects


def analyzed(db: Database, schema: str) -> dict[str, dt.datetime | None]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT relname, last_analyze FROM pg_stat_user_tables WHERE schemaname = :schema"),
            {"schema": schema}).all())


def test_the_demo_leaves_every_table_analysed(pg_db: Database, pg_schema: str) -> None:
    build_demo(pg_db, "small")
    stats = analyzed(pg_db, pg_schema)
    assert stats["units"] is not None and stats["ledger_lines"] is not None and stats["keys"] is not None
    never = [t for t, at in stats.items() if at is None and t != "alembic_version"]  # Alembic's own
    assert never == []


def test_imports_analyse_the_tables_they_filled(pg_db: Database, pg_schema: str) -> None:
    projects.add_project(pg_db, "CHY", "翠湖园")
    handover = projects.add_handover(pg_db, "CHY", "进场接管", "原物业", "本公司", dt.date(2026, 6, 30))
    import_roster_file(pg_db, "CHY", ROSTER)
    after_roster = analyzed(pg_db, pg_schema)
    assert after_roster["units"] is not None and after_roster["owners"] is not None
    assert after_roster["ledger_lines"] is None  # only what the import wrote
    import_ledger_file(pg_db, handover.id, SAMPLE)
    assert analyzed(pg_db, pg_schema)["ledger_lines"] is not None


def test_sqlite_needs_no_statistics(sqlite_db: Database) -> None:
    sqlite_db.refresh_statistics("units")  # nothing to do, nothing raised
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar() == 0


@pytest.mark.parametrize("name", ['units; DROP TABLE keys', 'no such table'])
def test_a_failed_analyse_is_logged_not_raised(pg_db: Database, name: str, caplog) -> None:
    pg_db.refresh_statistics(name)  # quoted as one identifier: the table is simply not there
    assert "ANALYZE failed" in caplog.text and "DROP" not in caplog.text
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM keys").scalar() == 0


def test_reconcile_analyses_the_differences_it_wrote(pg_db: Database, pg_schema: str) -> None:
    from models.services.reconcile import reconcile

    build_demo(pg_db, "small")
    before = analyzed(pg_db, pg_schema)["fee_differences"]
    with pg_db.engine.connect() as conn:  # the demo's handover with a ledger
        handover_id = conn.exec_driver_sql("SELECT min(handover_id) FROM ledger_lines").scalar()
    report = reconcile(pg_db, handover_id)
    assert report.differences > 0
    after = analyzed(pg_db, pg_schema)["fee_differences"]
    assert before is not None and after is not None and after > before
