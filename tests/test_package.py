"""The handover package (issue 17 points 1 and 2): what goes in, the index, and verify against tampering.

The package of a small handover made through the services (tests/package_sample.py) is unzipped and
every file hashed against index.json; the kinds of documents are each found and read back (PDF with
pdfplumber, workbooks with openpyxl, photos with Pillow); then members are changed, added and removed
and verify names each, and hostile zips (paths out of the folder, a large member) are checked.
"""
from __future__ import annotations

import hashlib
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import text

from main import main
from models.errors import Cancelled, ValidationError
from models.services import checklists as cl
from models.services import defect_register as register
from models.services.settlement import amend_settlement
from reports.package.build import build_package
from reports.package.manifest import CONTENTS_NAME, INDEX_NAME, UNSIGNED_DIR
from reports.package.verify import ADDED, CHANGED, INDEX, MISSING, UNSAFE, verify_package
from tests.package_sample import make_package_sample, sign_list
from tests.sample_data import make_sample


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def index_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(INDEX_NAME))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rewrite(source: Path, out: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> Path:
    """A copy of the zip with members replaced (bytes) or dropped (None), and others added."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return out


@pytest.fixture
def built(sqlite_db, tmp_path):
    sample = make_package_sample(sqlite_db)
    out = tmp_path / "交接档案包.zip"
    build_package(sqlite_db, sample.handover_id, out)
    return sample, out


# --- what goes in -------------------------------------------------------------------------------

def test_package_holds_every_document_with_its_hash(db, tmp_path):
    sample = make_package_sample(db)
    # Past the services after signing: the signed list and settlement must print what was signed.
    with db.begin() as s:
        s.execute(text("UPDATE handovers SET from_company = '改名物业'"))
    out = tmp_path / "pkg.zip"
    result = build_package(db, sample.handover_id, out)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".交接档案包-*"))

    index, files = index_of(out), members(out)
    listed = {e["path"]: e for e in index["files"]}
    assert set(files) == set(listed) | {INDEX_NAME}
    for path, e in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == e["sha256"] and len(files[path]) == e["size"], path
    assert result.files == len(listed)
    with zipfile.ZipFile(out) as zf:
        assert all(i.flag_bits & 0x800 for i in zf.infolist() if not i.filename.isascii())  # UTF-8 names

    lists = sorted(p for p in listed if p.startswith("01_交接清单/"))
    assert lists == ["01_交接清单/01_物业原始资料移交清单_第1版.pdf", "01_交接清单/01_物业原始资料移交清单_第1版_签字扫描件.png",
                     "01_交接清单/01_物业原始资料移交清单_第2版.pdf"]
    assert files["01_交接清单/01_物业原始资料移交清单_第1版_签字扫描件.png"] == sample.scan
    assert "质量保修文件" in pdf_text(files["01_交接清单/01_物业原始资料移交清单_第2版.pdf"])
    for path in lists:
        assert listed[path]["signed"] and listed[path]["signature"].startswith("已签署 2026-07-01 10:30"), path
    signed_list = pdf_text(files[lists[0]])
    assert "原物业服务有限公司" in signed_list and "改名物业" not in signed_list

    # the draft list, and the certificate over it, only under 未签署/ and marked so
    unsigned = {p: e for p, e in listed.items() if p.startswith(f"{UNSIGNED_DIR}/")}
    assert set(unsigned) == {"未签署/01_交接清单/02_印章移交清单_第1版.pdf", "未签署/02_交接确认书/交接确认书.pdf"}
    assert all(not e["signed"] and e["signature"].startswith("未签署") for e in unsigned.values())
    assert "交接确认书" in pdf_text(files["未签署/02_交接确认书/交接确认书.pdf"])

    first, second, third = sample.defects
    for number in sample.defects:
        assert number in pdf_text(files[f"03_遗留问题/{number}/整改通知单.pdf"])
    assert "仍无水压" in pdf_text(files[f"03_遗留问题/{second}/复验记录.pdf"])
    assert f"03_遗留问题/{first}/复验记录.pdf" not in files  # never re-inspected
    photos = [p for p in files if p.endswith(".jpg")]
    assert len(photos) == sample.photos and all(Image.open(io.BytesIO(files[p])).size == (320, 240) for p in photos)
    assert sum(1 for p in photos if p.startswith(f"03_遗留问题/{first}/")) == 2
    summary = pdf_text(files["03_遗留问题/遗留问题汇总表.pdf"])
    assert all(n in summary for n in sample.defects)
    assert "施工单位" in pdf_text(files["03_遗留问题/催办函_施工单位.pdf"])
    assert listed["03_遗留问题/遗留问题汇总表.pdf"]["signature"].startswith("不适用")

    assert "K-01-01-101-A" in pdf_text(files["04_钥匙/钥匙交接表.pdf"])
    keys = load_workbook(io.BytesIO(files["04_钥匙/钥匙记录.xlsx"]), read_only=True)
    assert [r[0] for r in keys["钥匙"].iter_rows(min_row=2, values_only=True) if r[0]] == ["K-01-01-101-A", "K-02-01-201-A"]

    report = pdf_text(files["05_财务结算/财务结算报告_第1版.pdf"])
    assert "原物业服务有限公司" in report and "改名物业" not in report  # from the signed snapshot
    assert "欠费明细表" in pdf_text(files["05_财务结算/欠费明细表_第1版.pdf"])
    book = load_workbook(io.BytesIO(files["05_财务结算/会计工作簿_第1版.xlsx"]))
    assert {"汇总", "欠费明细", "预收款", "押金", "代收代缴", "差异", "收缴率"} <= set(book.sheetnames)
    fees = [e for p, e in listed.items() if p.startswith("05_财务结算/")]
    assert len(fees) == 3 and all(e["signed"] and "第 1 版" in e["signature"] for e in fees)


def test_contents_pdf_lists_every_file(built):
    _sample, out = built
    index, files = index_of(out), members(out)
    toc = pdf_text(files[CONTENTS_NAME])
    assert "交接档案包目录" in toc and "翠湖园" in toc and "第 1 页 共" in toc
    others = [e for e in index["files"] if e["path"] != CONTENTS_NAME]
    assert f"共 {len(others)} 个文件" in toc
    for e in others:  # the checksum prints in groups of 16: each group whole on its line
        assert all(e["sha256"][i:i + 16] in toc for i in range(0, 64, 16)), e["path"]
        assert Path(e["path"]).suffix in toc
    assert index["files"][0]["path"] == CONTENTS_NAME  # the 目录 itself is covered by index.json


def test_a_cancelled_build_leaves_nothing(sqlite_db, tmp_path):
    sample = make_package_sample(sqlite_db)
    out = tmp_path / "pkg.zip"
    seen: list[str] = []

    def stop_at_defects(done: int, total: int, what: str) -> bool:
        seen.append(what)
        return "遗留问题" not in what

    with pytest.raises(Cancelled):
        build_package(sqlite_db, sample.handover_id, out, stop_at_defects)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("test.sqlite")] == []  # no zip, .part or staging
    assert any("交接清单" in w for w in seen)


# --- verify ---------------------------------------------------------------------------------------

def test_verify_passes_an_intact_package(built):
    _sample, out = built
    result = verify_package(out)
    assert result.ok and result.files == len(index_of(out)["files"])
    assert "完好" in result.summary()


def test_verify_reports_a_flipped_byte_an_added_and_a_removed_file(built, tmp_path):
    sample, out = built
    files = members(out)
    notice = f"03_遗留问题/{sample.defects[0]}/整改通知单.pdf"
    flipped = bytearray(files[notice])
    flipped[len(flipped) // 2] ^= 0x01
    removed = "04_钥匙/钥匙交接表.pdf"
    tampered = rewrite(out, tmp_path / "tampered.zip", {notice: bytes(flipped), removed: None},
                       {"03_遗留问题/补充照片.jpg": b"not from the office"})
    result = verify_package(tampered)
    assert not result.ok
    assert result.of_kind(CHANGED) == [notice]
    assert result.of_kind(MISSING) == [removed]
    assert result.of_kind(ADDED) == ["03_遗留问题/补充照片.jpg"]
    messages = "\n".join(result.lines())
    assert f"被改动的文件：“{notice}”的 SHA-256 校验值与目录不符" in messages
    assert f"缺少的文件：“{removed}”" in messages and "多出的文件：“03_遗留问题/补充照片.jpg”" in messages
    assert "3 处问题" in result.summary()


def test_verify_reports_a_member_of_another_size(built, tmp_path):
    _sample, out = built
    tampered = rewrite(out, tmp_path / "longer.zip", {CONTENTS_NAME: members(out)[CONTENTS_NAME] + b"%"})
    result = verify_package(tampered)
    assert result.of_kind(CHANGED) == [CONTENTS_NAME] and "大小为" in result.problems[0].message


def _zip(path: Path, index_files: list, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(INDEX_NAME, json.dumps({"files": index_files}, ensure_ascii=False))
        for name, data in extra.items():
            zf.writestr(name, data)
    return path


def _listed(path: str, data: bytes) -> dict:
    return {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def test_verify_does_not_trust_the_index(tmp_path):
    good = b"ok"
    hostile = _zip(tmp_path / "hostile.zip", [
        _listed("a.txt", good), _listed("../outside.txt", good), _listed("/etc/passwd", good),
        _listed("C:/Windows/x.dll", good), _listed("a/./b.txt", good), _listed(INDEX_NAME, good),
        {"path": "b.txt", "sha256": "not-a-hash", "size": 2}, {"path": "c.txt", "sha256": "0" * 64, "size": -1},
        "just a string", _listed("a.txt", good),
    ], {"a.txt": good, "../evil.txt": b"x", "b.txt": good})
    result = verify_package(hostile)
    assert sorted(result.of_kind(UNSAFE)) == sorted(["../outside.txt", "/etc/passwd", "C:/Windows/x.dll", "a/./b.txt",
                                                     INDEX_NAME])
    assert sorted(result.of_kind(ADDED)) == ["../evil.txt", "b.txt"]
    assert "路径不安全" in next(p.message for p in result.problems if p.path == "../evil.txt")
    bad_records = [p.message for p in result.problems if p.kind == INDEX]
    assert any("第 7 条" in m for m in bad_records) and any("第 8 条" in m for m in bad_records)
    assert any("第 9 条" in m for m in bad_records) and any("重复列出了“a.txt”" in m for m in bad_records)
    assert result.files == 1 and not result.of_kind(CHANGED) and not result.of_kind(MISSING)


def test_a_large_member_is_hashed_in_chunks(tmp_path):
    """64 MB of zeros deflate to ~64 KB: verify must stream it, not inflate it into memory."""
    big = tmp_path / "big.zip"
    size, digest = 64 * 1024 * 1024, hashlib.sha256()
    block = bytes(1024 * 1024)
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("big.bin", "w") as f:
            for _ in range(size // len(block)):
                f.write(block)
                digest.update(block)
        zf.writestr(INDEX_NAME, json.dumps({"files": [{"path": "big.bin", "sha256": digest.hexdigest(), "size": size}]}))
    assert big.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        result = verify_package(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.ok and result.files == 1
    assert peak < 16 * 1024 * 1024


def test_an_index_that_understates_a_bomb_stops_at_the_header(tmp_path):
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.bin", bytes(32 * 1024 * 1024))
        zf.writestr(INDEX_NAME, json.dumps({"files": [_listed("bomb.bin", b"tiny")]}))
    result = verify_package(tmp_path / "bomb.zip")
    assert result.of_kind(CHANGED) == ["bomb.bin"] and "目录记录为 4 字节" in result.problems[0].message


def test_not_a_package(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK not really")
    with pytest.raises(ValidationError, match="不是有效的交接档案包"):
        verify_package(junk)
    bare = _zip(tmp_path / "bare.zip", [], {})
    with zipfile.ZipFile(tmp_path / "noindex.zip", "w") as zf:
        zf.writestr("a.txt", "x")
    assert verify_package(tmp_path / "noindex.zip").of_kind(INDEX) == [INDEX_NAME]
    assert verify_package(bare).ok  # an empty index over an empty zip: nothing added, nothing missing
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr(INDEX_NAME, "{not json")
    assert "不是有效的 JSON" in verify_package(broken).problems[0].message


# --- the command line ----------------------------------------------------------------------------

def test_cli_builds_and_verifies_with_exit_codes(sqlite_db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("HANDOVERDESK_USER", raising=False)
    sample = make_package_sample(sqlite_db)
    out = tmp_path / "cli.zip"
    db_file = str(tmp_path / "test.sqlite")
    assert main(["--db", db_file, "package", "--handover", str(sample.handover_id), "--out", str(out)]) == 0
    assert "个文件，其中已签署" in capsys.readouterr().out
    assert main(["package", "verify", str(out)]) == 0
    assert "完好" in capsys.readouterr().out

    notice = f"03_遗留问题/{sample.defects[1]}/复验记录.pdf"
    tampered = rewrite(out, tmp_path / "bad.zip", {notice: members(out)[notice][:-1] + b"\0"})
    assert main(["package", "verify", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert "1 处问题" in err and notice in err

    assert main(["--db", db_file, "package", "--out", str(out)]) == 2
    assert main(["--db", db_file, "package", "--handover", "999", "--out", str(tmp_path / "x.zip")]) == 1
    assert not (tmp_path / "x.zip").exists()


# --- what a package says of records that are not (or no longer) final -----------------------------

def test_an_amended_settlement_keeps_the_signed_revision_and_signed_lists_free_the_certificate(sqlite_db, tmp_path):
    sample = make_package_sample(sqlite_db)
    sign_list(sqlite_db, sample.draft_list)  # every current list signed: the certificate leaves 未签署/
    amend_settlement(sqlite_db, sample.handover_id)  # revision 2, a draft
    out = tmp_path / "pkg.zip"
    result = build_package(sqlite_db, sample.handover_id, out)
    listed = {e["path"]: e for e in index_of(out)["files"]}
    fees = sorted(p for p in listed if "05_财务结算/" in p)
    assert fees == ["05_财务结算/欠费明细表_第1版.pdf", "05_财务结算/财务结算报告_第1版.pdf",
                    "未签署/05_财务结算/会计工作簿_第2版.xlsx", "未签署/05_财务结算/欠费明细表_第2版.pdf",
                    "未签署/05_财务结算/财务结算报告_第2版.pdf"]
    assert listed["05_财务结算/财务结算报告_第1版.pdf"]["signature"].startswith("已签署")
    assert all(listed[p]["signature"] == "未签署" and not listed[p]["signed"] for p in fees if p.startswith("未签署/"))
    assert any("第 1 版财务结算已被修订" in n for n in result.notes)
    certificate = listed["02_交接确认书/交接确认书.pdf"]
    assert certificate["signature"].startswith("不适用（确认书在纸面签署；所据 2 张清单均已签署") and not certificate["signed"]
    assert not any(p.startswith("未签署/01_交接清单/") for p in listed)
    toc = pdf_text(members(out)[CONTENTS_NAME])
    assert "第 1 版财务结算已被修订" in toc


def test_a_handover_with_no_records_yet_gets_its_notes(sqlite_db, tmp_path):
    sample = make_sample(sqlite_db)
    out = tmp_path / "empty.zip"
    result = build_package(sqlite_db, sample.other_handover_id, out)
    assert sorted(members(out)) == sorted([INDEX_NAME, CONTENTS_NAME, "03_遗留问题/遗留问题汇总表.pdf"])
    assert len(result.notes) == 4  # no list, no defect, no key, no ledger
    toc = pdf_text(members(out)[CONTENTS_NAME])
    assert "还没有交接清单" in toc and "没有钥匙记录" in toc and "还没有费用台账" in toc
    assert verify_package(out).ok


def test_a_list_signed_while_the_package_is_built_goes_in_as_signed(sqlite_db, tmp_path):
    """Another desk signs the draft after the plan was made but before its turn: the file and the
    index say what was printed, not what the plan thought."""
    sample = make_package_sample(sqlite_db)
    signed_now: list[str] = []

    def sign_when_its_turn_comes(done: int, total: int, what: str) -> bool:
        if "印章移交清单" in what and not signed_now:
            sign_list(sqlite_db, sample.draft_list)
            signed_now.append(what)
        return True

    out = tmp_path / "pkg.zip"
    build_package(sqlite_db, sample.handover_id, out, sign_when_its_turn_comes)
    listed = {e["path"]: e for e in index_of(out)["files"]}
    assert signed_now and listed["01_交接清单/02_印章移交清单_第1版.pdf"]["signed"]
    assert "02_交接确认书/交接确认书.pdf" in listed and not any(p.startswith(UNSIGNED_DIR) for p in listed)


def test_names_typed_by_clerks_never_leave_their_folder(sqlite_db, tmp_path):
    """A list titled like a path and a photo named like one: inside the zip they are plain names."""
    from reports.package.verify import unsafe_path
    from tests.package_sample import photo

    sample = make_package_sample(sqlite_db)
    hostile = "../..\\系统:*?<>|\x07清单 .."
    cl.create_list(sqlite_db, sample.handover_id, hostile)
    register.add_photo(sqlite_db, register.find_by_number(sqlite_db, sample.project_id, sample.defects[2]).id,
                       "..", photo((10, 10, 10)))
    out = tmp_path / "pkg.zip"
    build_package(sqlite_db, sample.handover_id, out)
    paths = [e["path"] for e in index_of(out)["files"]]
    assert not any(unsafe_path(p) for p in paths), paths
    assert "未签署/01_交接清单/03_.._.._系统_______清单_第1版.pdf" in paths
    assert f"03_遗留问题/{sample.defects[2]}/照片01__.jpg" in paths
    assert verify_package(out).ok
