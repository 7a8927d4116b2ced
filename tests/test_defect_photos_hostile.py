"""Hostile photo files and all-or-nothing defect edits (issue 11.3), through models/photos.py and the
defect-register services, storage on SQLite and PostgreSQL.

Every file is made in the test: a 200 MB sparse file (no disk blocks), a PNG whose header claims
20000×20000 (a 1-bit image compresses to ~50 KB), a truncated JPEG, a text file, an empty file.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from sqlalchemy import func, select

from models import photos
from models.audit import AuditLog
from models.defect import Defect, DefectPhoto
from models.errors import NotFoundError, ValidationError
from models.services import defect_register as reg
from models.services import projects

ROOT = Path(__file__).resolve().parent.parent


def jpeg(color: str = "red", size: tuple[int, int] = (1200, 900), **save: object) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG", **save)
    return buf.getvalue()


def bomb_png(path: Path, side: int = 20000) -> Path:
    """A small file claiming side×side pixels (400 Mpx: 1.6 GB decoded as RGBA)."""
    Image.new("1", (side, side)).save(path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Made once (the bomb takes seconds to compress); the tests only read them."""
    tmp_path = tmp_path_factory.mktemp("photos")
    good = tmp_path / "裂缝.jpg"
    good.write_bytes(jpeg())
    truncated = tmp_path / "残缺.jpg"
    truncated.write_bytes(jpeg("blue", (2000, 1500), quality=95)[:20000])
    text = tmp_path / "说明.jpg"  # a photo's name, not a photo
    text.write_text("现场说明：外墙空鼓", encoding="utf-8")
    empty = tmp_path / "空.png"
    empty.write_bytes(b"")
    huge = tmp_path / "超大.jpg"
    with huge.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB by its size, no blocks on disk
    return {"good": good, "truncated": truncated, "text": text, "empty": empty, "huge": huge,
            "bomb": bomb_png(tmp_path / "炸弹.png"), "folder": tmp_path}


# --- models/photos.py: each hostile file is a message naming it ---------------------------------

@pytest.mark.parametrize("which, words", [
    ("bomb", "像素过大（20000×20000），请缩小后再添加"),
    ("huge", "有 200 MB，超过 30 MB"),
    ("truncated", "已损坏或不完整"),
    ("text", "不是可识别的图片文件"),
    ("empty", "空文件"),
])
def test_each_hostile_file_is_a_message_naming_it(files, which, words):
    path = files[which]
    with pytest.raises(ValidationError) as refused:
        photos.read_photo(path)
    assert f"“{path.name}”" in str(refused.value) and words in str(refused.value)
    if which != "huge":  # the same for a service handed the file's bytes
        with pytest.raises(ValidationError, match=words):
            photos.prepare_photo(path.name, path.read_bytes())


def test_a_folder_or_a_missing_file_is_a_message(files):
    with pytest.raises(ValidationError, match="不是文件"):
        photos.read_photo(files["folder"])
    with pytest.raises(ValidationError, match="“没有.jpg”文件不存在"):
        photos.read_photo(files["folder"] / "没有.jpg")


def test_the_200_mb_file_is_refused_from_its_size_without_being_read(files, monkeypatch):
    opened: list[str] = []
    real_open = open
    monkeypatch.setattr(photos, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k), raising=False)
    with pytest.raises(ValidationError, match="超大.jpg"):
        photos.read_photo(files["huge"])
    assert opened == []
    assert photos.read_photo(files["good"]).width == 1200 and opened == [files["good"]]  # the spy sees reads


def test_the_bomb_is_refused_from_its_header_never_decoded(files, monkeypatch):
    decoded: list[object] = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(self))
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self))
    with pytest.raises(ValidationError, match="像素过大"):
        photos.prepare_photo("炸弹.png", files["bomb"].read_bytes())
    assert decoded == []


def test_a_service_given_bytes_refuses_over_size_before_decoding(monkeypatch):
    monkeypatch.setattr(photos, "declared_size", lambda data: pytest.fail("the header was read"))
    with pytest.raises(ValidationError, match="“大.jpg”有 31 MB"):
        photos.prepare_photo("大.jpg", b"\xff" * (31 * 1024 * 1024))


def test_a_photo_is_kept_upright_downscaled_and_white_behind_transparency():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, taken portrait
    turned = photos.prepare_photo("竖拍.jpg", jpeg(size=(4000, 3000), exif=exif.tobytes()))
    assert (turned.width, turned.height) == (1200, 1600) and turned.filename == "竖拍.jpg"
    buf = io.BytesIO()
    Image.new("RGBA", (400, 300), (0, 0, 0, 0)).save(buf, "PNG")
    clear = photos.prepare_photo("透明.png", buf.getvalue())
    assert Image.open(io.BytesIO(clear.data)).getpixel((10, 10)) >= (250, 250, 250)


# --- memory: a bound in a subprocess, never a time -------------------------------------------------

CHILD = textwrap.dedent("""
    import json, resource, sys
    sys.path.insert(0, sys.argv[1])
    from models import photos
    from models.errors import ValidationError
    vm = int(next(l for l in open("/proc/self/status") if l.startswith("VmSize")).split()[1]) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (vm + int(sys.argv[3]) * 1024 * 1024,) * 2)
    try:
        p = photos.read_photo(sys.argv[2])
        print(json.dumps({"size": [p.width, p.height]}))
    except ValidationError as e:
        print(json.dumps({"refused": str(e)}))
    except MemoryError:
        print(json.dumps({"memory": True}))
""")


def _in_bounded_child(path: Path, megabytes: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), str(megabytes)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_a_144_mpx_png_is_refused_within_a_small_memory_bound(tmp_path):
    """Decoded, 12000×12000 is 576 MB (1.25 GB by the old path); refused from its header, 64 MB spare do."""
    result = _in_bounded_child(bomb_png(tmp_path / "144mpx.png", 12000), 64)
    assert result == {"refused": "照片“144mpx.png”像素过大（12000×12000），请缩小后再添加（最多 5000 万像素）。"}


def test_a_40_mpx_jpeg_is_decoded_at_reduced_scale_within_a_memory_bound(tmp_path):
    """Decoded whole, 7300×5480 is 160 MB and the old path took 440 MB; JPEG's draft decodes it at 1/4."""
    path = tmp_path / "手机.jpg"
    Image.new("RGB", (7300, 5480), "gray").save(path, quality=70)
    assert _in_bounded_child(path, 128) == {"size": [1600, 1201]}


# --- the services: validate every field and photo first, then one transaction ---------------------

@pytest.fixture
def project(db):
    return projects.add_project(db, "CHY", "翠湖园")


def _new(db, project, **kw):
    base = dict(category="土建装饰", severity="一般", responsible="开发商", location="3栋外墙",
                description="北侧外墙瓷砖空鼓")
    return reg.record_new(db, project.id, **{**base, **kw})


def _stored(db, defect_id):
    with db.read() as s:
        d = s.get(Defect, defect_id)
        names = sorted(s.scalars(select(DefectPhoto.filename).where(DefectPhoto.defect_id == defect_id)))
        return d.description, d.version, names


@contextmanager
def _counting_transactions(db, monkeypatch):
    opened: list[int] = []
    real = db.begin

    def begin(*a, **k):
        opened.append(1)
        return real(*a, **k)

    monkeypatch.setattr(db, "begin", begin)
    yield opened


def test_an_edit_with_a_good_and_a_bad_photo_saves_nothing_then_all_of_it_at_once(db, project, files,
                                                                                     monkeypatch):
    d = _new(db, project, photos=[("旧照片.jpg", jpeg("green"))])
    old = _stored(db, d.id)
    with db.read() as s:
        old_photo = s.scalar(select(DefectPhoto.id).where(DefectPhoto.defect_id == d.id))
    good = ("裂缝.jpg", files["good"].read_bytes())
    with pytest.raises(ValidationError, match="“炸弹.png”像素过大"):
        reg.update_defect(db, d.id, d.version, description="外墙瓷砖大面积空鼓",
                          add_photos=[good, ("炸弹.png", files["bomb"].read_bytes())], remove_photos=[old_photo])
    assert _stored(db, d.id) == old  # not the description, not the good photo, not the removal

    with _counting_transactions(db, monkeypatch) as opened:
        row = reg.update_defect(db, d.id, d.version, description="外墙瓷砖大面积空鼓",  # the same version
                                add_photos=[good, photos.read_photo(files["good"])], remove_photos=[old_photo])
    assert opened == [1]
    assert row.version == d.version + 1 and row.photo_count == 2
    assert _stored(db, d.id) == ("外墙瓷砖大面积空鼓", d.version + 1, ["裂缝.jpg", "裂缝.jpg"])
    with db.read() as s:
        audit = [(r.action, r.table_name) for r in s.scalars(select(AuditLog).where(AuditLog.id > 0))]
    assert audit.count(("update", "defects")) == 1 and audit.count(("delete", "defect_photos")) == 1


def test_an_over_long_field_refuses_the_whole_edit(db, project, files):
    d = _new(db, project)
    with pytest.raises(ValidationError, match="「位置」最多 100 个字，现有 2000 个字"):
        reg.update_defect(db, d.id, d.version, location="位" * 2000, description="改了",
                          add_photos=[("裂缝.jpg", files["good"].read_bytes())])
    assert _stored(db, d.id) == ("北侧外墙瓷砖空鼓", d.version, [])


def test_removing_another_defects_photo_is_refused(db, project):
    a = _new(db, project, photos=[("a.jpg", jpeg())])
    b = _new(db, project)
    with db.read() as s:
        photo_of_a = s.scalar(select(DefectPhoto.id).where(DefectPhoto.defect_id == a.id))
    with pytest.raises(NotFoundError, match="照片"):
        reg.update_defect(db, b.id, b.version, description="改了", remove_photos=[photo_of_a])
    assert _stored(db, a.id)[2] == ["a.jpg"] and _stored(db, b.id)[0] == "北侧外墙瓷砖空鼓"


@pytest.mark.parametrize("which", ["bomb", "truncated", "text", "empty"])
def test_a_new_defect_with_a_bad_photo_is_not_recorded(db, project, files, which):
    with pytest.raises(ValidationError, match=files[which].name):
        _new(db, project, photos=[("裂缝.jpg", files["good"].read_bytes()),
                                  (files[which].name, files[which].read_bytes())])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Defect)) == 0
        assert s.scalar(select(func.count()).select_from(DefectPhoto)) == 0


def test_the_photo_service_refuses_the_bomb_and_keeps_nothing(db, project, files):
    d = _new(db, project)
    with pytest.raises(ValidationError, match="炸弹.png"):
        reg.add_photo(db, d.id, "炸弹.png", files["bomb"].read_bytes())
    assert _stored(db, d.id)[2] == []


LONG = "长" * 2000
HOSTILE = ("1o00", "abc", "-5", "1e20", "13800138000", "１２", "", LONG)
REFUSED = {("location", LONG): "「位置」最多 100 个字，现有 2000 个字", ("location", ""): "「位置」不能为空",
           ("found_by", LONG): "「发现人」最多 40 个字，现有 2000 个字", ("description", ""): "「问题描述」不能为空"}


def test_each_limited_field_refuses_what_it_cannot_store(db, project):
    """Table-driven (one database per backend): each typed field of the defect form gets every hostile
    text. What its column cannot hold is a message naming it and nothing is saved; the rest is kept as
    typed (１２ stays full-width, 1o00 is text, not a number). The form has no numeric field."""
    for field in ("location", "found_by", "description"):
        for text in HOSTILE:
            before = _count(db)
            refusal = REFUSED.get((field, text))
            if refusal:
                with pytest.raises(ValidationError, match=refusal):
                    _new(db, project, **{field: text})
                assert _count(db) == before, (field, text)
            else:
                row = _new(db, project, **{field: text})
                # a blank 发现人 is whoever records it
                assert getattr(row, field) == (text or "测试员" if field == "found_by" else text)


def _count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Defect))
