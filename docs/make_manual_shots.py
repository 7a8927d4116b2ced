"""Pictures of the office dialogs for the README and the manual: docs/screenshots/<name>.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_manual_shots.py
    .venv/bin/python resources/manual/build.py      # then the manual picks them up

A fresh database (in a temporary folder) set up as the first-start guide would leave it; each
dialog is opened with the bundled font and saved as drawn. The tab screenshots are `main.py shot`'s.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import QSettings

    from gui.app import setup_application

    app = setup_application([])
    from gui.dialogs.about import AboutDialog
    from gui.dialogs.backups import RestoreDialog
    from gui.dialogs.first_start import FirstStartWizard
    from gui.dialogs.settings import SettingsDialog
    from gui.dialogs.users import UsersDialog
    from models import backup
    from models.db import Database
    from models.people import Role
    from models.services import auth, office, users

    with tempfile.TemporaryDirectory(prefix="manual-shots-") as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        db = Database.open(str(Path(tmp) / "翠湖园.sqlite"))
        auth.create_first_admin(db, "admin", "管理员", "admin-123")
        auth.login(db, "admin", "admin-123")
        office.set_office(db, "安居物业服务有限公司翠湖园管理处", "某市某区翠湖路 88 号")
        users.add_account(db, "wang", "王文员", "first-123", Role.CLERK, must_change_password=True)
        users.add_account(db, "li", "李主管", "first-123", Role.SUPERVISOR, must_change_password=False)
        backup.make_backup(Path(tmp) / "翠湖园.sqlite")

        def save(widget, name: str) -> None:
            widget.show()
            app.processEvents()
            widget.grab().save(str(OUT / f"{name}.png"))
            widget.close()
            print(OUT / f"{name}.png")

        wizard = FirstStartWizard(db)
        wizard.show()
        wizard.next()
        page = wizard.currentPage()
        page.code_edit.setText("CHY")
        page.name_edit.setText("翠湖园")
        save(wizard, "first-start")
        save(UsersDialog(db), "users")
        settings = QSettings(str(Path(tmp) / "pc.ini"), QSettings.Format.IniFormat)
        dialog = SettingsDialog(db, settings)
        save(dialog, "settings-office")
        dialog = SettingsDialog(db, settings)
        dialog.pages.setCurrentWidget(dialog.database_page)
        dialog.database_page.pg_radio.setChecked(True)
        for name, value in (("host", "192.168.1.10"), ("port", "5432"), ("database", "handoverdesk"),
                            ("user", "desk")):
            getattr(dialog.database_page, f"{name}_edit").setText(value)
        save(dialog, "settings-postgresql")
        save(AboutDialog(db, Path(tmp) / "handoverdesk.log"), "about")
        save(RestoreDialog(db), "restore")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
