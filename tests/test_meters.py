"""抄表底数 through its service, on SQLite and PostgreSQL: list, correct, add, and every refusal."""
from __future__ import annotations

import datetime as dt
import json
import zlib
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from models.audit import AuditLog
from models.base import DocStatus
from models.errors import SignedRecordError, StaleRecordError, ValidationError
from models.fees import FeeItem, MeterKind, MeterReading, Settlement
from models.handover import Handover, HandoverKind
from models.project import Project, Unit
from models.services import fee_items, fee_results, meters, settlement_snapshot
from models.services.fee_ledger import load_names
from models.services.fee_rows import FeeResults, MeterCharge

D = Decimal
CUTOFF = dt.date(2026, 6, 30)
LAST = dt.date(2026, 5, 31)


@pytest.fixture
def handover(db):
    """A handover with one unit, a unit meter and a common meter; (handover id, unit id, meter ids)."""
    with db.begin() as s:
        p, other = Project(code="CHY", name="翠湖园"), Project(code="LJY", name="丽景苑")
        s.add_all([p, other])
        s.flush()
        unit, stranger = Unit(project_id=p.id, number="1栋1单元101"), Unit(project_id=other.id, number="9栋901")
        h = Handover(project_id=p.id, kind=HandoverKind.TAKEOVER, from_company="原物业", to_company="本公司",
                     cutoff_date=CUTOFF)
        s.add_all([unit, stranger, h, FeeItem(project_id=p.id, code="SF", name="水费", basis="per_ton"),
                   FeeItem(project_id=p.id, code="DF", name="电费", basis="per_kwh")])
        s.flush()
        water = MeterReading(handover_id=h.id, meter_no="S0001", kind="水", unit_id=unit.id, reading=D("120.50"),
                             read_on=CUTOFF, prev_reading=D("110.00"), prev_read_on=LAST)
        common = MeterReading(handover_id=h.id, meter_no="SZ01", kind="水", location="1栋 楼栋总水表",
                              reading=D("9000.00"), read_on=CUTOFF)
        s.add_all([water, common])
        s.flush()
        return h.id, unit.id, stranger.id, water.id, common.id


def test_meter_rows_lists_unit_and_common_meters(db, handover):
    hid, *_ = handover
    rows = meters.meter_rows(db, hid)
    assert [(r.meter_no, r.kind, r.place, r.usage) for r in rows] == [
        ("S0001", MeterKind.WATER, "1栋1单元101", D("10.50")), ("SZ01", MeterKind.WATER, "1栋 楼栋总水表", None)]
    assert rows[0].prev_read_on == LAST and rows[0].version == 1


def test_save_reading_corrects_and_audits(db, handover):
    _, _, _, water, _ = handover
    row = meters.save_reading(db, water, 1, reading=D("121.5"), read_on=CUTOFF)
    assert (row.reading, row.prev_reading, row.prev_read_on, row.version) == (D("121.50"), D("110.00"), LAST, 2)
    row = meters.save_reading(db, water, 2, reading=D("121.50"), read_on=CUTOFF, prev_reading=D("100"),
                              prev_read_on=dt.date(2026, 4, 30))
    assert (row.prev_reading, row.usage) == (D("100.00"), D("21.50"))
    with db.read() as s:
        audit = s.scalars(select(AuditLog.after).where(AuditLog.table_name == "meter_readings",
                                                       AuditLog.record_id == water, AuditLog.action == "update")
                          .order_by(AuditLog.id)).all()
    assert '"reading": "121.50"' in audit[0] and '"prev_reading": "100.00"' in audit[1]


def test_previous_reading_may_be_cleared_or_filled_one_field_at_a_time(db, handover):
    _, _, _, water, common = handover
    row = meters.save_reading(db, common, 1, reading=D("9000"), read_on=CUTOFF, prev_read_on=LAST)
    assert (row.prev_reading, row.prev_read_on, row.usage) == (None, LAST, None)
    row = meters.save_reading(db, common, 2, reading=D("9000"), read_on=CUTOFF, prev_reading=D("8800"))
    assert row.usage == D("200.00")
    row = meters.save_reading(db, water, 1, reading=D("120.50"), read_on=CUTOFF, prev_reading=None,
                              prev_read_on=None)
    assert (row.prev_reading, row.prev_read_on) == (None, None)


@pytest.mark.parametrize(("changes", "message"), [
    ({"reading": D("100.00")}, "「本次读数」"),                      # below 上次读数 110.00
    ({"reading": 120.5}, "「本次读数」应为数字"),                     # float refused
    ({"reading": D("120.505")}, "「本次读数」最多两位小数"),
    ({"reading": D("-1")}, "「本次读数」应为不小于 0"),
    ({"reading": None}, "「本次读数」不能为空"),
    ({"read_on": LAST}, "「抄表日」"),                                 # not after 上次抄表日
    ({"read_on": None}, "「抄表日」不能为空"),
    ({"prev_reading": D("130.00")}, "「本次读数」"),                  # 上次 above 本次
    ({"prev_reading": "110"}, "「上次读数」应为数字"),
    ({"prev_read_on": dt.date(2026, 7, 1)}, "「抄表日」"),
])
def test_save_reading_refuses_bad_values(db, handover, changes, message):
    _, _, _, water, _ = handover
    values = {"reading": D("120.50"), "read_on": CUTOFF, **changes}
    with pytest.raises(ValidationError, match=message):
        meters.save_reading(db, water, 1, **values)
    assert meters.meter_rows(db, handover[0])[0].reading == D("120.50")


def test_save_reading_refuses_a_stale_version(db, handover):
    _, _, _, water, _ = handover
    meters.save_reading(db, water, 1, reading=D("125"), read_on=CUTOFF)
    with pytest.raises(StaleRecordError):
        meters.save_reading(db, water, 1, reading=D("126"), read_on=CUTOFF)


def test_add_meter_for_a_unit_and_a_common_place(db, handover):
    hid, unit, *_ = handover
    row = meters.add_meter(db, hid, meter_no=" D0001 ", kind="电", unit_id=unit, reading=D("5000.4"),
                           read_on=CUTOFF, prev_reading=D("4900"), prev_read_on=LAST)
    assert (row.meter_no, row.unit, row.reading, row.usage) == ("D0001", "1栋1单元101", D("5000.40"), D("100.40"))
    row = meters.add_meter(db, hid, meter_no="DZ01", kind="电", location="地下车库照明", reading=D("7"),
                           read_on=CUTOFF)
    assert row.place == "地下车库照明" and row.prev_reading is None
    assert [r.meter_no for r in meters.meter_rows(db, hid)] == ["D0001", "DZ01", "S0001", "SZ01"]
    with db.read() as s:
        assert s.scalar(select(AuditLog.action).where(AuditLog.table_name == "meter_readings",
                                                      AuditLog.record_id == row.id)) == "insert"


@pytest.mark.parametrize(("fields", "message"), [
    ({"meter_no": "S0001"}, "已登记"),
    ({"meter_no": ""}, "「表号」不能为空"),
    ({"kind": "热"}, "「类别」"),
    ({"unit_id": None, "location": " "}, "请选择房屋"),
    ({"unit_id": "stranger"}, "不属于本交接的项目"),
    ({"reading": D("1.234")}, "最多两位小数"),
    ({"prev_reading": D("99999")}, "「本次读数」"),
    ({"prev_read_on": CUTOFF}, "「抄表日」"),
])
def test_add_meter_refuses(db, handover, fields, message):
    hid, unit, stranger, *_ = handover
    values = {"meter_no": "N1", "kind": "水", "unit_id": unit, "location": "", "reading": D("10"),
              "read_on": CUTOFF, "prev_reading": D("5"), "prev_read_on": LAST, **fields}
    if values["unit_id"] == "stranger":
        values["unit_id"] = stranger
    with pytest.raises(ValidationError, match=message):
        meters.add_meter(db, hid, **values)
    assert len(meters.meter_rows(db, hid)) == 2


def test_signed_settlement_freezes_the_readings(db, handover):
    hid, unit, _, water, _ = handover
    with db.begin() as s:
        s.add(Settlement(handover_id=hid, revision=1, status=DocStatus.SIGNED))
    with pytest.raises(SignedRecordError, match="第 1 版"):
        meters.save_reading(db, water, 1, reading=D("130"), read_on=CUTOFF)
    with pytest.raises(SignedRecordError):
        meters.add_meter(db, hid, meter_no="N1", kind="水", unit_id=unit, reading=D("1"), read_on=CUTOFF)
    assert meters.meter_rows(db, hid)[0].reading == D("120.50")


def test_fee_item_names_of_the_project(db, handover):
    assert fee_items.fee_item_names(db, handover[0]) == ["水费", "电费"]


def _stored_kinds(db, hid) -> dict[str, tuple[str, MeterKind]]:
    """Each meter's kind as the column holds it (raw SQL) and as the model reads it, by meter number."""
    with db.read() as s:
        raw = dict(s.execute(text("SELECT meter_no, kind FROM meter_readings WHERE handover_id = :h"),
                             {"h": hid}).all())
        read = dict(s.execute(select(MeterReading.meter_no, MeterReading.kind)
                              .where(MeterReading.handover_id == hid)).all())
    return {no: (raw[no], read[no]) for no in raw}


def test_add_meter_takes_the_chinese_word_the_code_or_the_english_and_stores_the_code(db, handover):
    hid, unit, *_ = handover
    for no, given in (("N1", " 电 "), ("N2", "gas"), ("N3", "Water"), ("N4", MeterKind.POWER)):
        row = meters.add_meter(db, hid, meter_no=no, kind=given, unit_id=unit, reading=D("1"), read_on=CUTOFF)
        assert row.kind is MeterKind(given.strip())
    stored = _stored_kinds(db, hid)
    assert [stored[no] for no in ("N1", "N2", "N3", "N4", "S0001")] == [
        ("power", MeterKind.POWER), ("gas", MeterKind.GAS), ("water", MeterKind.WATER),
        ("power", MeterKind.POWER), ("water", MeterKind.WATER)]  # S0001: the fixture's 水


@pytest.mark.parametrize("bad", ["热", "", "水表"])
def test_an_unknown_kind_is_refused_naming_the_choices(db, handover, bad):
    hid, unit, *_ = handover
    with pytest.raises(ValidationError, match="「类别」应为水、电、气之一。"):
        meters.add_meter(db, hid, meter_no="N1", kind=bad, unit_id=unit, reading=D("1"), read_on=CUTOFF)


def test_the_filter_names_each_kind_of_meter():
    assert [meters.METER_NAMES[k] for k in meters.KINDS] == ["水表", "电表", "气表"]
    assert [k.label for k in meters.KINDS] == ["水", "电", "气"]


def test_a_meter_charge_signed_before_the_codes_reads_its_chinese_word():
    """A settlement snapshot signed before migration 0013 holds 水 where it now holds water."""
    line = MeterCharge("S0001", MeterKind.WATER, "1栋", "101", "", D("110.00"), LAST, D("120.50"), CUTOFF,
                       D("10.50"), D("36.75"), "水费")
    results = FeeResults(1, "翠湖园", "原物业", "本公司", "", CUTOFF, meters=(line,))
    data = json.loads(zlib.decompress(settlement_snapshot.dump(results)))
    assert data["meters"][0][1] == "water"
    data["meters"][0][1] = "水"
    old = zlib.compress(json.dumps(data, ensure_ascii=False).encode())
    assert settlement_snapshot.load(old, 1).meters == (line,)


def test_meter_charges_look_up_the_fee_item_by_the_kind(db, handover):
    """A gas meter (stored as its code) needs a per-m³ fee item; the refusal names its kind in words."""
    hid, unit, *_ = handover
    meters.add_meter(db, hid, meter_no="Q1", kind="气", unit_id=unit, reading=D("20"), read_on=CUTOFF,
                     prev_reading=D("10"), prev_read_on=LAST)
    with db.read() as s, pytest.raises(ValidationError, match="表号 Q1（气表）找不到按用量计费的收费项目"):
        handover_row = s.get(Handover, hid)
        assert handover_row is not None
        fee_results.meter_charges(s, handover_row, load_names(s, handover_row))
