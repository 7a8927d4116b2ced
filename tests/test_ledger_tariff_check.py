"""The ledger preview questions 应收 that the tariffs do not explain (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from models.imports.ledger import import_ledger, preview_ledger
from models.imports.roster import import_roster_file
from models.services import fee_items, projects

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def test_their_billed_amounts_are_checked_against_our_tariffs(db):
    project = projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业", "本公司", dt.date(2026, 6, 30))
    import_roster_file(db, "CHY", SAMPLES / "业主名册_翠湖园.xlsx")
    fee = fee_items.add_fee_item(db, project.id, code="WYF", name="物业服务费", basis="per_m2_month")
    fee_items.set_rate(db, fee.id, valid_from=dt.date(2020, 1, 1), rate=Decimal("1.85"))
    ledger = SAMPLES / "原物业收费台账_翠湖园.xlsx"
    assert preview_ledger(db, handover.id, ledger).tariff_mismatches == ()  # 面积 × 1.85 × 6 months, every line

    # Had the rate gone up to 2.00 on 1 April, every half-year bill would be short:
    # 118.03 m² × (1.85 × 3 + 2.00 × 3) = 655.07 + 708.18 = 1,363.25 for the first line's 1,310.13.
    fee_items.set_rate(db, fee.id, valid_from=dt.date(2026, 4, 1), rate=Decimal("2.00"))
    preview = preview_ledger(db, handover.id, ledger)
    assert preview.ok and len(preview.tariff_mismatches) == 48
    first = preview.tariff_mismatches[0]
    assert (first.row, first.billed, first.expected) == (5, Decimal("1310.13"), Decimal("1363.25"))
    assert "第 5 行 1栋1单元101 物业服务费：台账应收 1,310.13 元，按收费标准应为 1,363.25 元" in preview.notes
    assert import_ledger(db, handover.id, preview).lines == 48  # questioned, not refused
