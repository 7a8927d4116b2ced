"""`main.py shot` renders every tab to a PNG of the asked size."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from sample_data import make_sample

from gui.shot import take_shot
from models.db import Database
from models.services import auth

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("shot") / "small.sqlite"
    db = Database.open(str(path))
    auth.create_first_admin(db, "admin", "管理员", "secret-1")  # no one is logged in on a new database
    auth.login(db, "admin", "secret-1")
    make_sample(db)
    db.dispose()
    return str(path)


@pytest.mark.parametrize("tab", ["overview", "handover", "defects", "keys", "fees"])
def test_shot_writes_png_of_each_tab(qapp, db_path, tmp_path, tab):
    out = tmp_path / f"{tab}.png"
    take_shot(db_path, tab, out, (1366, 768))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_shot_as_named_user_and_other_size(qapp, db_path, tmp_path):
    out = take_shot(db_path, "fees", tmp_path / "fees.png", (1024, 700), user="admin")
    assert QImage(str(out)).size().toTuple() == (1024, 700)
