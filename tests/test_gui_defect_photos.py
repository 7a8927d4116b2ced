"""The defect form (新建/编辑) with hostile photos and over-long text (issue 11.3, 11.1): every path that adds
a photo (添加照片…, a drop on the strip; new and edit) names each refused file, never reads a 200 MB file
nor decodes a bomb, and OK saves the whole form in one transaction or nothing at all."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import func, select

from gui.tabs.defects.dialogs import DefectDialog
from gui.tabs.defects.tab import DefectsTab
from models import photos
from models.browse import Scope
from models.defect import Defect, DefectPhoto
from models.services import defect_register as reg
from models.services import projects
from tests.gui_helpers import Clock, answer_dialog, ok_and_wait

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("boxes")]
NOW = dt.datetime(2026, 6, 1, 9, 0)
LONG = "长" * 2000
HOSTILE = ("1o00", "abc", "-5", "1e20", "13800138000", "１２", "", LONG)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("photos")
    buf = io.BytesIO()
    Image.new("RGB", (1200, 900), "red").save(buf, "JPEG")
    out = {"good": tmp / "裂缝.jpg", "text": tmp / "说明.jpg", "bomb": tmp / "炸弹.png", "huge": tmp / "超大.jpg"}
    out["good"].write_bytes(buf.getvalue())
    out["text"].write_text("不是照片", encoding="utf-8")
    Image.new("1", (20000, 20000)).save(out["bomb"])  # ~50 KB claiming 400 Mpx
    with out["huge"].open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse
    return out


@pytest.fixture
def project(sqlite_db):
    return projects.add_project(sqlite_db, "CHY", "翠湖园")


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every file models/photos.py opens (the 200 MB one must never be)."""
    seen: list[str] = []
    real = open
    monkeypatch.setattr(photos, "open", lambda p, *a, **k: seen.append(Path(p).name) or real(p, *a, **k),
                        raising=False)
    return seen


def _recorded(db, project, **kw):
    base = dict(category="土建装饰", severity="一般", responsible="开发商", location="3栋外墙",
                description="北侧外墙瓷砖空鼓", found_at=NOW)
    return reg.record_new(db, project.id, **{**base, **kw})


def _dialog(qtbot, db, project, defect=None):
    detail = reg.defect_detail(db, defect.id, NOW) if defect else None
    dialog = DefectDialog(db, project.id, None, [], NOW, detail.defect if detail else None,
                          detail.photos if detail else [])
    qtbot.addWidget(dialog)
    return dialog


def _wait_read(qtbot, dialog):
    qtbot.waitUntil(lambda: not getattr(dialog, "reading_photos", lambda: False)(), timeout=10000)


def _drop(strip, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    strip.dropEvent(event)


def _add(dialog, how, paths, monkeypatch):
    if how == "drop":
        _drop(dialog.strip, paths)
    else:
        monkeypatch.setattr("gui.file_dialogs.QFileDialog.getOpenFileNames",
                            lambda *a, **k: ([str(p) for p in paths], ""))
        dialog.add_photo_button.click()


def _stored(db, defect_id):
    with db.read() as s:
        d = s.get(Defect, defect_id)
        names = sorted(s.scalars(select(DefectPhoto.filename).where(DefectPhoto.defect_id == defect_id)))
        return d.location, d.description, d.version, names


@pytest.mark.parametrize("how", ["button", "drop"])
@pytest.mark.parametrize("editing", [False, True], ids=["new", "edit"])
def test_every_path_names_each_refused_file_and_keeps_the_good_one(qtbot, sqlite_db, project, files, reads,
                                                                   monkeypatch, how, editing):
    defect = _recorded(sqlite_db, project) if editing else None
    dialog = _dialog(qtbot, sqlite_db, project, defect)
    _add(dialog, how, [files["good"], files["text"], files["bomb"], files["huge"]], monkeypatch)
    _wait_read(qtbot, dialog)
    shown = dialog.error_label.text()
    assert dialog.strip.count() == 1 and dialog.strip.item(0).toolTip() == "裂缝.jpg"
    assert "“说明.jpg”不是可识别的图片文件" in shown
    assert "“炸弹.png”像素过大（20000×20000），请缩小后再添加" in shown
    assert "“超大.jpg”有 200 MB，超过 30 MB" in shown
    assert "超大.jpg" not in reads  # refused from its size, never read
    dialog.location.setEditText("地下车库B区")
    dialog.description.setPlainText("车库顶板渗水")
    ok_and_wait(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()
    row = dialog.result_value
    assert _stored(sqlite_db, row.id)[1:] == ("车库顶板渗水", (defect.version + 1) if defect else 1, ["裂缝.jpg"])


def test_an_edit_with_a_good_and_a_bad_photo_from_the_tab(qtbot, sqlite_db, project, files):
    """The case of the issue: description changed, one good and one bad photo, then OK."""
    d = _recorded(sqlite_db, project)
    tab = DefectsTab(sqlite_db)
    tab.now = Clock(NOW)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_scope(Scope(project.id))
    qtbot.waitUntil(tab.is_loaded, timeout=5000)
    tab.show_defect(d.id)
    middle = []

    def fill(dialog):
        dialog.description.setPlainText("外墙瓷砖大面积空鼓")
        dialog.add_files([str(files["good"]), str(files["bomb"])])
        _wait_read(qtbot, dialog)
        middle.append((dialog.error_label.text(), dialog.strip.count(), _stored(sqlite_db, d.id)))
        ok_and_wait(dialog)
    with qtbot.waitSignal(tab.due_loaded, timeout=5000):
        seen = answer_dialog(tab.acts.edit.trigger, fill)
    assert len(seen) == 1, seen[1:]  # OK was not refused (no conflict with a half-save of one's own)
    error, count, before = middle[0]
    assert "炸弹.png" in error and count == 1
    assert before == ("3栋外墙", "北侧外墙瓷砖空鼓", d.version, [])  # nothing written before OK
    assert _stored(sqlite_db, d.id) == ("3栋外墙", "外墙瓷砖大面积空鼓", d.version + 1, ["裂缝.jpg"])
    assert tab.detail.defect.description == "外墙瓷砖大面积空鼓" and len(tab.detail.photos) == 1


def test_a_refused_edit_changes_nothing_keeps_the_form_and_the_next_ok_saves_it_all(qtbot, sqlite_db, project,
                                                                                     files, monkeypatch):
    d = _recorded(sqlite_db, project, photos=[("旧照片.jpg", files["good"].read_bytes())])
    dialog = _dialog(qtbot, sqlite_db, project, d)
    dialog.description.setPlainText("外墙瓷砖大面积空鼓")
    dialog.location.setEditText(LONG)
    dialog.add_files([str(files["good"])])
    _wait_read(qtbot, dialog)
    dialog.strip.setCurrentRow(0)  # the stored photo
    dialog.remove_photo_button.click()
    opened = []
    real_begin = sqlite_db.begin
    monkeypatch.setattr(sqlite_db, "begin", lambda *a, **k: opened.append(1) or real_begin(*a, **k))

    ok_and_wait(dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "「位置」最多 100 个字，现有 2000 个字" in dialog.error_label.text()
    assert dialog.location.currentText() == LONG and dialog.strip.count() == 1  # what the clerk entered
    assert dialog.description.toPlainText() == "外墙瓷砖大面积空鼓"
    assert _stored(sqlite_db, d.id) == ("3栋外墙", "北侧外墙瓷砖空鼓", d.version, ["旧照片.jpg"])

    opened.clear()
    dialog.location.setEditText("3栋北侧外墙")
    ok_and_wait(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()
    assert opened == [1]  # fields, the photo added and the photo removed: one transaction
    assert _stored(sqlite_db, d.id) == ("3栋北侧外墙", "外墙瓷砖大面积空鼓", d.version + 1, ["裂缝.jpg"])


REFUSED = {("location", LONG): "「位置」最多 100 个字，现有 2000 个字", ("location", ""): "「位置」不能为空",
           ("found_by", LONG): "「发现人」最多 40 个字，现有 2000 个字"}


def test_each_typed_field_of_the_form_refuses_what_it_cannot_store(qtbot, sqlite_db, project):
    """Table-driven: 位置 and 发现人 (the limited fields; the form has no numeric field — dates are date
    editors) get every hostile text. A refusal names the field, keeps the text and saves nothing;
    anything the column holds is saved as typed."""
    for field in ("location", "found_by"):
        for text in HOSTILE:
            dialog = _dialog(qtbot, sqlite_db, project)
            dialog.location.setEditText(text if field == "location" else "地下车库B区")
            dialog.found_by.setText(text if field == "found_by" else "")
            dialog.description.setPlainText("车库顶板渗水")
            with sqlite_db.read() as s:
                before = s.scalar(select(func.count()).select_from(Defect))
            ok_and_wait(dialog)
            refusal = REFUSED.get((field, text))
            if refusal:
                assert dialog.result() != dialog.DialogCode.Accepted, (field, text)
                assert refusal in dialog.error_label.text()
                widget_text = dialog.location.currentText() if field == "location" else dialog.found_by.text()
                assert widget_text == text
                with sqlite_db.read() as s:
                    assert s.scalar(select(func.count()).select_from(Defect)) == before
            else:
                assert dialog.result() == dialog.DialogCode.Accepted, (field, text, dialog.error_label.text())
                saved = getattr(dialog.result_value, field)
                assert saved == (text or "测试员" if field == "found_by" else text)
