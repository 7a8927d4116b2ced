"""The exit paperwork (issue 17 point 3) on the hand-worked fee book turned into a 退场移交: every
告业主书 read back with pdfplumber against the results to the fen and in 大写, a selection of owners,
押金退还确认单 only for refunded deposits, 预收款移交确认单, figures from the signed snapshot once
signed, refusals in words, and the three commands' exit codes (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy import update

import main
from models.errors import ValidationError
from models.fees import Decision, DepositAction
from models.handover import Handover, HandoverKind
from models.money import to_capital
from models.people import Owner, UnitOwnership
from models.project import Unit
from models.services import exit_letters as exits
from models.services import reconcile as rc
from models.services.fee_results import fee_results, set_deposit_action
from models.services.fee_rows import ArrearsLine, FeeResults
from models.services.settlement import sign_settlement
from reports import print_commands as pc
from reports.forms.base import format_decimal
from reports.forms.book import SectionBook
from reports.forms.owner_letter import OwnerLetterForm

D = Decimal
OURS, NEXT = "翠湖物业服务有限公司", "新城物业管理有限公司"
CUTOFF_TEXT = "2026年6月30日"
REFUND_NOTE = "2026年6月28日现金退还，收据号 TK-0012"


def make_exit(db, book: int) -> int:
    """The fee book as an exit: our company leaves, 新城物业 comes; the 50.00 deposit refunded."""
    with db.begin() as s:
        s.execute(update(Handover).where(Handover.id == book).values(
            kind=HandoverKind.EXIT, from_company=OURS, to_company=NEXT, witness=""))
        unit = s.query(Unit).filter(Unit.number == "2栋1单元201").one()
        owner = Owner(project_id=unit.project_id, name="欧阳娜娜", mobile="13912345678")
        s.add(owner)
        s.flush()
        s.add(UnitOwnership(unit_id=unit.id, owner_id=owner.id))
    small = next(d for d in fee_results(db, book).deposits if d.amount == D("50.00"))
    set_deposit_action(db, book, small, DepositAction.REFUND, REFUND_NOTE)
    return book


@pytest.fixture
def exit_book(db, book) -> int:
    return make_exit(db, book)


def documents(pdf: Path) -> dict[str, str]:
    """编号 → the text of that document's pages, each checked to be numbered on its own."""
    out: dict[str, list[str]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            text = page.extract_text() or ""
            number = re.search(r"编号：(\S+)", text)
            assert number, text[:200]
            out.setdefault(number.group(1), []).append(text)
    for pages in out.values():
        for k, text in enumerate(pages, start=1):
            assert f"第 {k} 页 共 {len(pages)} 页" in text
    return {n: "\n".join(pages) for n, pages in out.items()}


def flat(text: str) -> str:
    """Wrapped lines joined: a sentence read back whatever the line it broke at."""
    return text.replace("\n", "")


def test_a_letter_to_every_owner_states_their_figures_to_the_fen(db, exit_book, tmp_path):
    results = fee_results(db, exit_book)
    statements = exits.statements(results)
    assert [s.place for s in statements] == ["1栋1单元101", "2栋1单元201"]
    out = tmp_path / "告业主书.pdf"
    pc.print_owner_letters(db, exit_book, out)
    letters = documents(out)
    assert list(letters) == [f"GYZ-{exit_book}-0001", f"GYZ-{exit_book}-0002"]
    for s, text in zip(statements, letters.values(), strict=True):
        body = flat(text)
        assert "告业主书" in text and "表号：HD-CW-03" in text and f"房号：{s.place}" in text
        assert f"尊敬的{s.place}业主{s.owner}：" in body
        assert OURS in body and NEXT in body and f"交接基准日{CUTOFF_TEXT}止" in body
        assert "自2026年7月1日起由" + NEXT in body
        for line in (*s.arrears, *s.prepayments, *s.deposits):
            assert format_decimal(line.amount) in body
        if s.arrears:
            assert f"欠费合计：¥{format_decimal(s.arrears_total)}（大写：{to_capital(s.arrears_total)}）" in body
        if s.prepayments:
            assert f"预收款合计：¥{format_decimal(s.prepaid_total)}（大写：{to_capital(s.prepaid_total)}）" in body
        assert "财务结算尚未签署" in body  # a draft says so: its figures may still move
        assert "139" not in body  # no phone of the owner's on the letter
    first, second = (flat(t) for t in letters.values())
    # by hand (tests/fee_book.py): 600.00 物业服务费 + 81.00 垃圾消纳费 owed, July–December prepaid
    assert "欠费合计：¥681.00（大写：人民币陆佰捌拾壹元整）" in first
    assert "预收款合计：¥600.00（大写：人民币陆佰元整）" in first
    assert "移交新物业的押金合计：¥2,000.00（大写：人民币贰仟元整）" in first
    assert "已退还您的押金合计：¥50.00（大写：人民币伍拾元整）" in second
    assert "现金退还，收据" in second and "TK-0012" in second  # the note, wrapped in its cell
    assert "您没有交接基准日之后期间的预交费用。" in second


def test_a_selection_prints_one_letter_per_unit_asked_for(db, exit_book, tmp_path):
    out = tmp_path / "one.pdf"
    pc.print_owner_letters(db, exit_book, out, units=["2-1-201"])  # as 2栋1单元201 is written by hand
    assert list(documents(out)) == [f"GYZ-{exit_book}-0002"]  # its number in the full run
    pc.print_owner_letters(db, exit_book, out, units=["2栋1单元201", "1栋1单元101", "1-1-101"])
    assert len(documents(out)) == 2
    with pytest.raises(ValidationError, match="房号“9-9-999”.*没有需要写入告业主书的款项"):
        pc.print_owner_letters(db, exit_book, out, units=["9-9-999"])


def test_refund_receipts_only_for_refunded_deposits(db, exit_book, tmp_path):
    out = tmp_path / "退还.pdf"
    pc.print_deposit_refunds(db, exit_book, out)
    receipts = documents(out)
    assert list(receipts) == [f"YJTH-{exit_book}-0001"]  # the 2,000.00 handed over has none
    text = flat(next(iter(receipts.values())))
    assert "押金退还确认单" in text and "欧阳娜娜" in text and "2栋1单元201" in text and "装修押金" in text
    assert "¥50.00" in text and "人民币伍拾元整" in text and REFUND_NOTE in text
    assert "业主签字：" in text and "身份证号后四位／联系电话：" in text and "盖章：" in text
    assert "2,000.00" not in text
    with pytest.raises(ValidationError, match="房号“1栋1单元101”.*押金退还确认单"):
        pc.print_deposit_refunds(db, exit_book, out, units=["1栋1单元101"])
    results = fee_results(db, exit_book)
    set_deposit_action(db, exit_book, next(d for d in results.deposits if not d.is_handed_over),
                       DepositAction.HAND_OVER)
    with pytest.raises(ValidationError, match="没有需要出具押金退还确认单的业主"):
        pc.print_deposit_refunds(db, exit_book, out)


def test_prepayment_transfer_for_each_owner_with_a_prepayment(db, exit_book, tmp_path):
    out = tmp_path / "预收.pdf"
    pc.print_prepayment_transfers(db, exit_book, out)
    forms = documents(out)
    assert list(forms) == [f"YSYJ-{exit_book}-0001"]
    text = flat(next(iter(forms.values())))
    assert "预收款移交确认单" in text and "董艳辉" in text and "1栋1单元101" in text and "物业服务费" in text
    assert "2026年7月1日至2026年12月31日" in text
    assert "预收款合计：¥600.00（大写：人民币陆佰元整）" in text
    assert OURS in text and NEXT in text and "原物业（移交方）" in text and "新物业（接收方）" in text
    assert "业主签字：" in text


def test_signed_letters_state_what_was_signed(db, exit_book, tmp_path):
    rc.reconcile(db, exit_book)
    rc.decide_many(db, exit_book, Decision.THEIRS, "以原物业台账为准")
    rc.decide_many(db, exit_book, Decision.OURS, "以我方为准")
    sign_settlement(db, exit_book)
    signed = exits.statements(fee_results(db, exit_book))
    with db.begin() as s:  # past every service: the owner's and the next company's names changed since
        s.execute(update(Owner).where(Owner.name == "董艳辉").values(name="董新名"))
        s.execute(update(Handover).where(Handover.id == exit_book).values(to_company="别的物业公司"))
    assert exits.statements(fee_results(db, exit_book)) == signed
    out = tmp_path / "signed.pdf"
    pc.print_owner_letters(db, exit_book, out)
    letters = [flat(t) for t in documents(out).values()]
    assert len(letters) == len(signed)
    for s, text in zip(signed, letters, strict=True):
        assert "财务结算尚未签署" not in text and NEXT in text and "别的物业公司" not in text
        assert f"业主{s.owner}：" in text and "董新名" not in text
        if s.arrears:
            assert f"欠费合计：¥{format_decimal(s.arrears_total)}（大写：{to_capital(s.arrears_total)}）" in text


def test_only_an_exit_has_them(db, book, tmp_path):
    with pytest.raises(ValidationError, match="告业主书只用于退场移交；本交接为进场接管"):
        pc.print_owner_letters(db, book, tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="预收款移交确认单只用于退场移交"):
        pc.print_prepayment_transfers(db, book, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_unit_numbers_written_either_way_are_one_unit():
    assert exits.unit_key("1-1-101") == exits.unit_key("1栋1单元101") == exits.unit_key("1栋1单元0101")
    assert exits.unit_key("1-1-101") != exits.unit_key("1-2-101")
    assert exits.place_of("2栋", "1单元101") == "2栋1单元101" and exits.place_of("2栋", "2栋1单元201") == "2栋1单元201"


def test_the_commands_exit_codes_and_messages(db, exit_book, tmp_path, capsys):
    h, url = str(exit_book), db.url
    out = tmp_path / "letters.pdf"
    assert main.main(["print", "owner-letter", "--handover", h, "--unit", "1-1-101", "--out", str(out),
                      "--db", url]) == 0
    assert capsys.readouterr().out.strip().endswith("letters.pdf") and len(documents(out)) == 1
    assert main.main(["print", "deposit-refund", "--handover", h, "--out", str(tmp_path / "r.pdf"), "--db", url]) == 0
    assert main.main(["print", "prepayment-transfer", "--handover", h, "--unit", "2栋1单元201",
                      "--out", str(tmp_path / "p.pdf"), "--db", url]) == 1
    assert "房号“2栋1单元201”在交接基准日没有需要写入预收款移交确认单的款项" in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
    assert main.main(["print", "owner-letter", "--handover", "999", "--out", str(out), "--db", url]) == 1
    assert "不存在" in capsys.readouterr().err
    assert main.main(["print", "owner-letter", "--handover", h, "--db", url]) == 2  # no --out
    assert "--out" in capsys.readouterr().err


def test_a_long_letter_runs_on_with_its_own_page_numbers(tmp_path):
    """60 lines of arrears run over pages; the next owner's letter starts again at 第 1 页 (read
    back by documents(), which checks every page's 第 x 页 共 y 页 within its letter)."""
    def owed(unit: str, k: int) -> ArrearsLine:
        start = dt.date(2021 + k // 12, k % 12 + 1, 1)
        return ArrearsLine("3栋", unit, "欧阳娜娜", "", "物业服务费", start, start.replace(day=28), D("100.01") + k, 1)

    lines = tuple(owed("3栋1单元101", k) for k in range(60)) + (owed("3栋1单元102", 0),)
    results = FeeResults(9, "翠湖园", OURS, NEXT, "", dt.date(2026, 6, 30), arrears=lines)
    out = tmp_path / "long.pdf"
    pages = SectionBook([OwnerLetterForm(results, s) for s in exits.statements(results)]).render(out)
    letters = documents(out)
    assert list(letters) == ["GYZ-9-0001", "GYZ-9-0002"] and pages >= 3
    assert "第 1 页 共 1 页" in letters["GYZ-9-0002"] and "共 1 页" not in letters["GYZ-9-0001"]
    total = sum((a.amount for a in lines[:60]), D("0.00"))
    assert f"欠费合计：¥{format_decimal(total)}（大写：{to_capital(total)}）" in flat(letters["GYZ-9-0001"])
