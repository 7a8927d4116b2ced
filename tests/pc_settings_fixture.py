"""A throwaway QSettings location per test: this PC's settings of the tester are never read or written."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def pc_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QSettings]:
    """gui.run_context.pc_settings() (and so every helper that remembers something) writes under tmp_path;
    the PostgreSQL password file is a temporary one too."""
    folder = tmp_path / "pc-settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    from gui.run_context import pc_settings as make

    settings = make()
    assert str(folder) in settings.fileName()
    yield settings
    settings.sync()
