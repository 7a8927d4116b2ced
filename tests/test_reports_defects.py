"""遗留问题 forms (整改通知单, 催办函, 复验记录, 汇总表) as real PDFs, the defect workbook, and the
commands that make them, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw

import main
from models.defect import DEFECT_CATEGORIES, DefectCategory, DefectStatus, Responsible, Severity
from models.services import defect_register as register
from models.services import handovers, projects
from models.services.defect_rows import DefectDetail, DefectRow, DueRow, HistoryRow
from reports.forms.defect_notice import DefectNoticeForm
from reports.forms.defect_reinspection import WHOLE_UNIT, DefectReinspectionForm
from reports.forms.defect_reminder import DefectReminderForm
from reports.forms.defect_summary import DefectSummaryForm

S = DefectStatus
NOW = dt.datetime(2026, 7, 20, 9, 0)
LONG = ("主卧卫生间地面防水层破损，楼下天花板渗水，需整体凿除面层重做防水并做48小时闭水试验，"
        "完成后通知物业复验")


def jpeg(color: str, size: tuple[int, int] = (800, 600)) -> bytes:
    img = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(img)
    draw.rectangle((60, 60, size[0] - 60, size[1] - 60), outline="black", width=12)
    draw.line((0, 0, *size), fill="white", width=10)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def make_defect(n: int = 7, *, status: S = S.RECTIFYING, category: DefectCategory = DefectCategory.PLUMBING,
                responsible: Responsible = Responsible.DEVELOPER, deadline: dt.date | None = dt.date(2026, 7, 10),
                description: str = LONG, failed: int = 0) -> DefectRow:
    found = dt.datetime(2026, 7, 1, 10, 30)
    return DefectRow(n, 1, f"YL-2026-{n:04d}", 1, 1, None, f"3栋 1-{n:04d}", category,
                     description, Severity.NORMAL, responsible, found, "张工", found + dt.timedelta(hours=5),
                     deadline, status, failed, None, "", 2)


def page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def flat(text: str) -> str:
    """Cell text wraps; compare without the line breaks."""
    return re.sub(r"\s+", "", text)


# --- 整改通知单 -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def notice(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("notice") / "notice.pdf"
    form = DefectNoticeForm(make_defect(), "翠湖园", [jpeg("steelblue"), jpeg("indianred", (600, 900))],
                            handover_caption="承接查验（翠湖园置业 → 本物业）",
                            our_company="本物业管理有限公司", printed_on=dt.date(2026, 7, 2))
    assert form.render(out) == 1
    return out


def test_notice_shows_two_photos_and_the_chinese_text(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert len(page.images) == 2
        text = page.extract_text()
    assert "整改通知单" in text and "编号：YL-2026-0007" in text and "致：开发商" in text
    assert "主卧卫生间地面防水层破损" in flat(text) and "48小时闭水试验" in flat(text)
    assert "2026年7月10日" in text  # the deadline, written the Chinese way
    assert "签收人" in text and "签收日期" in text and "本物业管理有限公司" in text
    assert "第 1 页 共 1 页" in text


def test_notice_photos_are_scaled_inside_the_page(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        page = pdf.pages[0]
        for img in page.images:
            assert img["x0"] >= 0 and img["x1"] <= page.width
            assert img["height"] <= 63 * 72 / 25.4  # the tall photo kept its proportions
        left, right = sorted(page.images, key=lambda i: i["x0"])
        assert left["top"] == pytest.approx(right["top"], abs=40)  # side by side


def test_notice_without_photos(tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    DefectNoticeForm(make_defect(deadline=None), "翠湖园").render(out)
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].images == []
        assert "签收" in pdf.pages[0].extract_text()


# --- 催办函 -----------------------------------------------------------------------------------

def test_reminder_lists_only_that_partys_overdue_defects(tmp_path: Path) -> None:
    rows = [DueRow(make_defect(1), [], 10), DueRow(make_defect(2, responsible=Responsible.CONTRACTOR), [], 4),
            DueRow(make_defect(3), [], 0), DueRow(make_defect(4, description="入户门锁芯损坏"), [], 3),
            DueRow(make_defect(5, status=S.PENDING_NOTICE), [], 9),  # never notified: no 催办
            DueRow(make_defect(6, status=S.PENDING_REINSPECTION), [], 9)]  # waits on us
    out = tmp_path / "r.pdf"
    DefectReminderForm("开发商", rows, "翠湖园", printed_on=dt.date(2026, 7, 20)).render(out)
    text = "\n".join(page_texts(out))
    assert "催办函" in text and "致：开发商" in text
    assert "YL-2026-0001" in text and "YL-2026-0004" in text
    assert not any(f"YL-2026-000{n}" in text for n in (2, 3, 5, 6))
    assert "共2项已超过整改期限" in flat(text) and "最长逾期10天" in flat(text)
    assert "请贵方于收到本函后3日内整改完毕" in flat(text)
    assert "签收人" in text


# --- 复验记录 ---------------------------------------------------------------------------------

def test_reinspection_carries_the_whole_unit_statement_and_history(tmp_path: Path) -> None:
    d = make_defect(status=S.PENDING_REINSPECTION, failed=2)
    history = [HistoryRow(dt.datetime(2026, 7, 1, 10, 30), "张工", None, S.PENDING_NOTICE, "登记"),
               HistoryRow(dt.datetime(2026, 7, 1, 15), "张工", S.PENDING_NOTICE, S.RECTIFYING, ""),
               HistoryRow(dt.datetime(2026, 7, 5, 9), "李工", S.RECTIFYING, S.PENDING_REINSPECTION, ""),
               HistoryRow(dt.datetime(2026, 7, 6, 9), "王工", S.PENDING_REINSPECTION, S.RECTIFYING,
                          "闭水试验仍渗漏"),
               HistoryRow(dt.datetime(2026, 7, 8, 9), "李工", S.RECTIFYING, S.PENDING_REINSPECTION, ""),
               HistoryRow(dt.datetime(2026, 7, 9, 9), "王工", S.PENDING_REINSPECTION, S.RECTIFYING,
                          "墙角返潮"),
               HistoryRow(dt.datetime(2026, 7, 12, 9), "李工", S.RECTIFYING, S.PENDING_REINSPECTION, "")]
    out = tmp_path / "re.pdf"
    DefectReinspectionForm(DefectDetail(d, history), "翠湖园").render(out)
    text = "\n".join(page_texts(out))
    assert WHOLE_UNIT in flat(text)
    assert "复验范围为整个房屋/项目，而不仅是本次整改部位" in flat(text)
    assert "第 1 次" in text and "第 2 次" in text and "第 3 次" in text  # the third to fill in
    assert "闭水试验仍渗漏" in text and text.count("不合格") >= 2
    assert "复验单位" in text and "整改单位（责任方）" in text


# --- 遗留问题汇总表 ---------------------------------------------------------------------------

STATUS_CYCLE = (S.PENDING_NOTICE, S.RECTIFYING, S.RECTIFYING, S.PENDING_REINSPECTION, S.CLOSED,
                S.CLOSED, S.UNFIXABLE)


def summary_rows(count: int) -> list[DefectRow]:
    return [make_defect(i, status=STATUS_CYCLE[i % 7], category=DEFECT_CATEGORIES[i % 11],
                        deadline=dt.date(2026, 7, 10 + i % 20),
                        description=LONG if i % 5 == 0 else "墙面空鼓开裂")
            for i in range(1, count + 1)]


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> tuple[DefectSummaryForm, list[str], list[tuple[int, int]]]:
    out = tmp_path_factory.mktemp("summary") / "summary.pdf"
    form = DefectSummaryForm(summary_rows(2000), "翠湖园", "承接查验", now=NOW,
                             printed_on=NOW.date())
    seen: list[tuple[int, int]] = []
    form.render(out, lambda done, total: seen.append((done, total)) or True)
    return form, page_texts(out), seen  # reading the PDF back is the slow part: once


def test_summary_numbers_every_page(summary) -> None:
    _, texts, seen = summary
    n = len(texts)
    assert n > 50
    for k, text in enumerate(texts, start=1):
        assert f"第 {k} 页 共 {n} 页" in text and "遗留问题汇总表" in text
    assert all(total > 0 and done <= total for done, total in seen)  # a bar, not a spinner
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and seen[-1][0] == seen[-1][1] and len(set(dones)) > n // 2


def test_summary_counts(summary) -> None:
    form, texts, _ = summary
    rows = form.rows
    water = [r for r in rows if r.category is DefectCategory.PLUMBING]
    open_late = [r for r in water if r.status in (S.PENDING_NOTICE, S.RECTIFYING,
                                                  S.PENDING_REINSPECTION) and r.deadline < NOW.date()]
    c = form.counts()["给排水"]
    assert c["合计"] == len(water) and c["逾期"] == len(open_late) > 0
    assert c[S.RECTIFYING.label] == sum(1 for r in water if r.status is S.RECTIFYING)
    first = texts[0]
    line = next(t for t in first.splitlines() if t.startswith("给排水 "))
    numbers = [int(x) for x in line.split()[1:]]
    assert numbers == [c[s.label] for s in S] + [c["逾期"], c["合计"]]
    assert next(t for t in first.splitlines() if t.startswith("合计 ")).split()[-1] == "2000"


def test_summary_groups_by_category_and_status(summary) -> None:
    _, texts, _ = summary
    text = "\n".join(texts[:40])
    assert "一、土建装饰 — 待通知" in text and "一、土建装饰 — 整改中" in text
    assert "（续）" in text  # a group that runs over a page says so at the top of the next


# --- the commands, on both databases ---------------------------------------------------------

@pytest.fixture
def defect_db(db, tmp_path: Path):
    project = projects.add_project(db, "CHY", "翠湖园")
    h = handovers.create_handover(db, project.id, "承接查验", "翠湖园置业有限公司",
                                  "本物业管理有限公司", dt.date(2026, 6, 30))
    found = dt.datetime(2026, 7, 1, 10, 0)
    a = register.record_new(db, project.id, handover_id=h.id, location="3栋1单元101",
                            category="给排水", severity="一般", responsible="开发商",
                            description="卫生间地面渗水", found_at=found, found_by="张工",
                            photos=[("a.jpg", jpeg("steelblue")), ("b.jpg", jpeg("olive"))])
    register.issue_notice(db, a.id, a.version, at=found + dt.timedelta(hours=3))
    b = register.record_new(db, project.id, handover_id=h.id, location="地下车库B区",
                            category="道路车库", severity="轻微", responsible="施工单位",
                            description="车位划线不清", found_at=found)
    c = register.record_new(db, project.id, location="2栋大堂", category="强电", severity="重大",
                            responsible="开发商", description="配电箱无门", found_at=found)
    db_arg = str(tmp_path / "test.sqlite") if db.engine.dialect.name == "sqlite" else None
    return db, h, (a, b, c), db_arg


def run_cli(db, db_arg: str | None, *argv: str, monkeypatch) -> int:
    if db_arg is None:
        monkeypatch.setattr(main, "_open_db", lambda args: db)
        return main.main(list(argv))
    return main.main(["--db", db_arg, *argv])


def test_cli_notice_and_reinspection(defect_db, tmp_path, monkeypatch) -> None:
    db, _, (a, *_), db_arg = defect_db
    out = tmp_path / "n.pdf"
    assert run_cli(db, db_arg, "print", "defect-notice", "--defect", a.number, "--project", "CHY",
                   "--out", str(out), monkeypatch=monkeypatch) == 0
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages[0].images) == 2
        text = pdf.pages[0].extract_text()
    assert a.number in text and "卫生间地面渗水" in text and "本物业管理有限公司" in text
    re_out = tmp_path / "re.pdf"  # --project left out: there is only one project
    assert run_cli(db, db_arg, "print", "defect-reinspection", "--defect", a.number, "--out",
                   str(re_out), monkeypatch=monkeypatch) == 0
    assert "复验范围为整个房屋/项目" in flat("".join(page_texts(re_out)))


def test_cli_reminder_and_summary(defect_db, tmp_path, monkeypatch) -> None:
    db, h, (a, b, c), db_arg = defect_db
    out = tmp_path / "r.pdf"
    assert run_cli(db, db_arg, "print", "defect-reminder", "--project", "CHY", "--party", "开发商",
                   "--out", str(out), monkeypatch=monkeypatch) == 0  # today is long past 7 月 8 日
    text = "\n".join(page_texts(out))
    assert a.number in text and b.number not in text  # b: another party's
    assert c.number not in text  # c was never notified: the notice comes first
    summary = tmp_path / "s.pdf"
    assert run_cli(db, db_arg, "print", "defect-summary", "--handover", str(h.id), "--out",
                   str(summary), monkeypatch=monkeypatch) == 0
    text = "\n".join(page_texts(summary))
    assert a.number in text and b.number in text and c.number not in text  # c: no handover


def test_cli_export_workbook(defect_db, tmp_path, monkeypatch) -> None:
    db, h, (a, b, c), db_arg = defect_db
    out = tmp_path / "d.xlsx"
    assert run_cli(db, db_arg, "export", "defects", "--project", "CHY", "--out", str(out),
                   monkeypatch=monkeypatch) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["遗留问题", "状态记录"]
    ws = wb["遗留问题"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    head = [cell.value for cell in ws[1]]
    rows = {r[0]: dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {a.number, b.number, c.number}
    first = rows[a.number]
    assert isinstance(first["逾期天数"], int) and first["逾期天数"] > 0
    assert isinstance(first["整改期限"], dt.datetime) and first["照片数"] == 2
    assert first["状态"] == "整改中" and isinstance(first["发现时间"], dt.datetime)
    hist = wb["状态记录"]
    assert hist.freeze_panes == "A2" and hist.auto_filter.ref
    changes = [r for r in hist.iter_rows(min_row=2, values_only=True) if r[0] == a.number]
    assert [(r[3], r[4]) for r in changes] == [("（登记）", "待通知"), ("待通知", "整改中")]
    one = tmp_path / "h.xlsx"
    assert run_cli(db, db_arg, "export", "defects", "--handover", str(h.id), "--out", str(one),
                   monkeypatch=monkeypatch) == 0
    numbers = {r[0] for r in load_workbook(one)["遗留问题"].iter_rows(min_row=2, values_only=True)}
    assert numbers == {a.number, b.number}


def test_cli_errors(defect_db, tmp_path, monkeypatch, capsys) -> None:
    db, _, _, db_arg = defect_db
    out = tmp_path / "x.pdf"
    assert run_cli(db, db_arg, "print", "defect-notice", "--defect", "YL-2026-9999", "--out",
                   str(out), monkeypatch=monkeypatch) == 1
    assert "不存在" in capsys.readouterr().err
    assert run_cli(db, db_arg, "print", "defect-reminder", "--party", "原物业", "--out", str(out),
                   monkeypatch=monkeypatch) == 1
    assert "无需发催办函" in capsys.readouterr().err
    projects.add_project(db, "LHY", "绿荷苑")
    assert run_cli(db, db_arg, "print", "defect-notice", "--defect", "YL-2026-0001", "--out",
                   str(out), monkeypatch=monkeypatch) == 1
    assert "--project" in capsys.readouterr().err
    assert not out.exists()
