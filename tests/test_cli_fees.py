"""The fee reconciliation from the command line, end to end on the sample files (SQLite and PostgreSQL):
import the roster and the outgoing company's ledger, reconcile, print, export, and nothing after signing."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pdfplumber
from cli_login import cli_user
from openpyxl import load_workbook

import main
from models.fees import Decision
from models.money import to_capital
from models.services import projects
from models.services import reconcile as rc
from models.services.settlement import sign_settlement

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
LEDGER = SAMPLES / "原物业收费台账_翠湖园.xlsx"
EXPECTED = json.loads((SAMPLES / "原物业收费台账_翠湖园.expected.json").read_text(encoding="utf-8"))


def _text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_sample_ledger_from_the_command_line_to_the_settlement(db, tmp_path, capsys, monkeypatch):
    cli_user(db, monkeypatch)  # the writing commands sign in as a real administrator
    projects.add_project(db, "CHY", "翠湖园")
    handover = projects.add_handover(db, "CHY", "进场接管", "原物业服务有限公司", "本物业公司",
                                     dt.date(2026, 6, 30), witness="翠湖园业主委员会")
    h = str(handover.id)
    assert main.main(["import", "roster", str(SAMPLES / "业主名册_翠湖园.xlsx"), "--project", "CHY",
                      "--db", db.url]) == 0
    assert main.main(["import", "ledger", str(LEDGER), "--handover", h, "--db", db.url]) == 0
    out = capsys.readouterr().out
    billed, paid, arrears = (Decimal(EXPECTED[k]) for k in ("billed", "paid", "arrears"))
    assert f"导入 {EXPECTED['lines']} 行：应收 {billed:,.2f} 元，实收 {paid:,.2f} 元，欠费 {arrears:,.2f} 元" in out
    assert "小计行 2 行" in out and "合计行 1 行" in out

    assert main.main(["fees", "reconcile", "--handover", h, "--db", db.url]) == 0
    assert "仅原物业 48 项" in capsys.readouterr().out  # we have no lines of our own yet
    assert main.main(["fees", "results", "--handover", h, "--db", db.url]) == 0
    assert f"业主欠费（归原物业，另行追缴）　仅列示　{arrears:,}" in capsys.readouterr().out

    settlement, arrears_pdf, workbook = tmp_path / "js.pdf", tmp_path / "qf.pdf", tmp_path / "fees.xlsx"
    assert main.main(["print", "settlement", "--handover", h, "--out", str(settlement), "--db", db.url]) == 0
    assert main.main(["print", "arrears", "--handover", h, "--out", str(arrears_pdf), "--db", db.url]) == 0
    assert main.main(["export", "fees", "--handover", h, "--out", str(workbook), "--db", db.url]) == 0
    report = _text(settlement)
    assert "财务结算报告" in report and "48 项（已处理 0，未处理 48）" in report
    assert f"{arrears:,}" in report and to_capital(arrears) in report
    listing = _text(arrears_pdf)
    assert "1栋 小计 9 户 9 笔 9,760.46" in listing and "2栋 小计 12 户 12 笔 13,073.87" in listing
    assert f"合计 21 21 0 {arrears:,}" in listing
    wb = load_workbook(workbook, read_only=True)
    assert wb.sheetnames[:7] == ["汇总", "欠费明细", "预收款", "押金", "代收代缴", "差异", "收缴率"]
    amounts = [r[7] for r in wb["欠费明细"].iter_rows(min_row=2, values_only=True) if isinstance(r[7], (int, float))]
    assert sum(Decimal(str(a)) for a in amounts) == arrears  # the 合计 row is a formula, not a number
    wb.close()

    # Signed is final from the command line too: no re-import, no re-reconciliation.
    rc.decide_many(db, handover.id, Decision.THEIRS, "我方无记录，以原物业台账为准")
    sign_settlement(db, handover.id)
    assert main.main(["import", "ledger", str(LEDGER), "--handover", h, "--db", db.url]) == 1
    assert "已签署" in capsys.readouterr().err
    assert main.main(["fees", "reconcile", "--handover", h, "--db", db.url]) == 1
    assert "已签署" in capsys.readouterr().err
