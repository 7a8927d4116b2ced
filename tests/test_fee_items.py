"""Fee items and their rates by date (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.audit import AuditLog
from models.errors import ValidationError
from models.project import UnitUse
from models.services import fee_items as fi
from models.services import projects

D = Decimal


@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def test_a_new_rate_closes_the_one_it_replaces(db, project):
    water = fi.add_fee_item(db, project.id, code="sf", name="水费", basis="per_ton")
    assert (water.code, water.basis_label) == ("SF", "按吨（抄表）")
    fi.set_rate(db, water.id, valid_from=dt.date(2020, 1, 1), rate=D("2.0"))
    row = fi.set_rate(db, water.id, valid_from=dt.date(2026, 7, 1), rate=D("2.8"))
    assert [(t.valid_from, t.valid_to, t.rate) for t in row.tariffs] == [
        (dt.date(2020, 1, 1), dt.date(2026, 6, 30), D("2.0000")), (dt.date(2026, 7, 1), None, D("2.8000"))]
    # a rate slipped in between ends the day before the next one, and the same day replaces
    row = fi.set_rate(db, water.id, valid_from=dt.date(2024, 1, 1), rate=D("2.4"))
    row = fi.set_rate(db, water.id, valid_from=dt.date(2026, 7, 1), rate=D("2.9"))
    assert [(t.valid_from, t.valid_to, t.rate) for t in row.tariffs] == [
        (dt.date(2020, 1, 1), dt.date(2023, 12, 31), D("2.0000")),
        (dt.date(2024, 1, 1), dt.date(2026, 6, 30), D("2.4000")), (dt.date(2026, 7, 1), None, D("2.9000"))]
    with db.read() as s:
        assert s.scalar(select(AuditLog.id).where(AuditLog.table_name == "tariffs")) is not None


def test_rates_per_use_and_refusals_name_the_field(db, project):
    fee = fi.add_fee_item(db, project.id, code="WYF", name="物业服务费", basis="per_m2_month")
    fi.set_rate(db, fee.id, valid_from=dt.date(2020, 1, 1), rate=D("1.80"), unit_use="住宅")
    row = fi.set_rate(db, fee.id, valid_from=dt.date(2020, 1, 1), rate=D("3.50"), unit_use="商铺")
    assert {(t.unit_use, t.rate) for t in row.tariffs} == {(UnitUse.RESIDENCE, D("1.8000")), (UnitUse.SHOP, D("3.5000"))}
    with pytest.raises(ValidationError, match="「单价」最多四位小数"):
        fi.set_rate(db, fee.id, valid_from=dt.date(2021, 1, 1), rate=D("1.80005"))
    with pytest.raises(ValidationError, match="「单价」"):
        fi.set_rate(db, fee.id, valid_from=dt.date(2021, 1, 1), rate=1.8)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="「房屋用途」"):
        fi.set_rate(db, fee.id, valid_from=dt.date(2021, 1, 1), rate=D("1"), unit_use="别墅区")
    with pytest.raises(ValidationError, match="已存在"):
        fi.add_fee_item(db, project.id, code="X", name="物业服务费", basis="per_m2_month")
    with pytest.raises(ValidationError, match="「计费方式」"):
        fi.add_fee_item(db, project.id, code="X", name="停车费", basis="per_car")
    assert [f.name for f in fi.fee_items(db, project.id)] == ["物业服务费"]
