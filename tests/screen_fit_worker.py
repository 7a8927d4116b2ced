"""Run in a subprocess by test_screen_fit.py (and docs/make_screens.py): measure every dialog at one scale.

    python tests/screen_fit_worker.py 1.25 OUT.json [--shots DIR] [--demo]

--demo fills the database with the small demo community (docs/make_screens.py) instead of the
few rows of tests/sample_data.py (the test: quicker).

Qt fixes QT_SCALE_FACTOR and the screen before the QApplication exists, so each factor needs a
process of its own. The offscreen screen is a 1366×768 laptop; a 40 px taskbar and a title bar are
taken off its available geometry. Every QDialog subclass under gui/ is built from the table
_construct_table(); a class with no entry is reported, so a new dialog cannot slip past the test.
"""
from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import os
import pkgutil
import shutil
import sys
import tempfile
import traceback
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

SCREEN = (1366, 768)  # physical pixels of the office laptop (gui.shot.LAPTOP)
NOW = dt.datetime(2026, 7, 2, 10, 0)
# Bases nobody opens as such: their subclasses are measured instead.
ABSTRACT = {"gui.dialogs.base_dialog.ServiceDialog", "gui.tabs.fees.common.WorkerDialog",
            "gui.dialogs.sheet_import.SheetImportDialog", "gui.login._Form",
            "gui.tabs.keys.dialogs.KeyStepDialog"}


def _configure(scale: str, tmp: Path) -> None:
    from gui.shot import laptop_screen
    laptop_screen(scale, tmp, SCREEN)
    os.environ.setdefault("HANDOVERDESK_LANG", "zh_CN")


def _sample_db(tmp: Path, demo: bool):
    from sample_data import make_sample

    from models.db import Database
    from models.services import auth

    db = Database.open(str(tmp / "翠湖园.sqlite"))
    auth.create_first_admin(db, "admin", "管理员", "secret-1")
    auth.login(db, "admin", "secret-1")
    if demo:
        from models.demo import build_demo
        build_demo(db, size="small", seed=2026)
    else:
        make_sample(db)
    return db


class Ctx:
    """Everything the constructors need, fetched through the services like the tabs do."""

    def __init__(self, db, scope, tmp: Path) -> None:
        from models.services import checklists, handovers, reconcile, users
        from models.services import key_custody as kc
        from models.services import units as unit_service
        from models.services.fee_results import fee_results

        self.db, self.tmp = db, tmp
        self.pid, self.hid = scope.project_id, scope.handover_id
        self.diffs = reconcile.differences(db, self.hid)
        self.results = fee_results(db, self.hid)
        self.handover = handovers.get_handover(db, self.hid)
        self.summary = checklists.lists_of(db, self.hid)[0]
        self.items = checklists.list_detail(db, self.summary.id).items
        self.accounts = users.list_accounts(db)
        self.buildings = unit_service.list_buildings(db, self.pid)
        with db.read() as s:
            from sqlalchemy import select

            from models.defect import Defect
            from models.keys import Key
            from models.people import Owner
            from models.project import Unit
            self.defect_id = s.scalar(select(Defect.id).where(Defect.project_id == self.pid).limit(1))
            self.key_id = s.scalar(select(Key.id).where(Key.project_id == self.pid).limit(1))
            self.unit_id = s.scalar(select(Unit.id).where(Unit.project_id == self.pid).limit(1))
            self.units = [(u.id, u.number) for u in s.scalars(select(Unit).where(Unit.project_id == self.pid))]
            self.owner_id = s.scalar(select(Owner.id).where(Owner.project_id == self.pid).limit(1))
        self.key = kc.key_by_id(db, self.key_id)

    def unit_detail(self):
        from models.services import units as unit_service
        return unit_service.unit_detail(self.db, self.unit_id)

    def owner(self):
        from sample_data import unit_with_owner

        from models.services import people
        if self.owner_id is None:
            self.owner_id = unit_with_owner(self.db, self.pid)[1]
        return people.owner_detail(self.db, self.owner_id)

    def backup(self):
        from models import backup as bk
        return bk.make_backup(bk.sqlite_file(self.db), NOW)

    def deposit(self):
        from models.fees import DepositAction
        from models.services.fee_rows import DepositLine
        if self.results.deposits:
            return self.results.deposits[0]
        return DepositLine("1栋", "1栋1单元1001", self.unit_id, None, "业主00", "装修押金", dt.date(2026, 3, 1),
                           Decimal("2000.00"), DepositAction.HAND_OVER, "")

    def preview(self):
        """The 交接清单 of the first list, printed to PDF and rendered as the print command does."""
        from gui.print_preview import PrintPreviewDialog, render_previews
        from reports import print_commands
        pdf = self.tmp / "list.pdf"
        print_commands.print_handover_list(self.db, self.hid, pdf, list_id=self.summary.id)
        previews, pages = render_previews(pdf)
        return PrintPreviewDialog(pdf, previews, pages, f"交接清单 — {self.summary.caption}")

    def sheet_import(self, dialog, sheet: str):
        """An import dialog with a spreadsheet read into its preview, as the clerk sees it."""
        import time

        import test_imports_accounting as sheets
        from PySide6.QtWidgets import QApplication
        seen: list = []
        dialog.previewed.connect(seen.append)
        dialog.load_file(getattr(sheets, sheet)(self.tmp))
        for _ in range(2000):
            if seen:
                break
            QApplication.processEvents()
            time.sleep(0.01)
        return dialog

    def photo(self) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage
        image = QImage(1600, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor("#8aa"))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())


def _construct_table() -> dict:
    """module.Class → a function of Ctx that builds the dialog as the app opens it."""
    from PySide6.QtCore import QSettings

    from models.fees import DiffKind
    from models.services import projects
    from reports.key_data import key_history

    def settings(c):
        return QSettings(str(c.tmp / "pc.ini"), QSettings.Format.IniFormat)

    def defect_row(c):
        from models.services import defect_register as reg
        return reg.defect_detail(c.db, c.defect_id).defect

    def bulk(m):
        def build(c):
            selected = [(d.id, d.kind, d.decision) for d in c.diffs[:3]]
            return m.BulkDialog(c.db, c.hid, DiffKind(c.diffs[0].kind), None, "", {DiffKind(c.diffs[0].kind): 3},
                                selected)
        return build

    def mod(name):
        return importlib.import_module(name)

    def package_check(c):
        """Thirty files missing from a package: the list scrolls, the dialog keeps its size."""
        from reports.package.verify import MISSING, Problem, VerifyResult
        paths = [f"03_遗留问题/YL-2026-{k:04d}/整改通知单.pdf" for k in range(1, 31)]
        problems = tuple(Problem(MISSING, p, f"缺少的文件：“{p}”列在目录中，但压缩包中没有。") for p in paths)
        return mod("gui.dialogs.package_check").PackageCheckDialog(
            VerifyResult(c.tmp / "交接档案包_翠湖园_翠湖园物业进场接管_20261203.zip", 560, problems))

    def value_mapping(c):
        """An HC export's codes: eight 房屋类型 and four 状态 values the roster does not know."""
        from models.imports.roster import VALUE_CHOICES
        from models.imports.value_map import UnknownValues
        uses = tuple(str(110 + 10 * i) for i in range(8))
        unknown = (UnknownValues("use", "房屋用途", uses, (12,) * 8, VALUE_CHOICES["use"][1]),
                   UnknownValues("occupancy", "入住状态", ("2001", "2002", "2003", "2004"), (30,) * 4,
                                 VALUE_CHOICES["occupancy"][1]))
        return mod("gui.dialogs.value_mapping").ValueMappingDialog(unknown, {"use": {"110": "住宅"}}, VALUE_CHOICES)

    fees_dec, fees_set = mod("gui.tabs.fees.decision_dialogs"), mod("gui.tabs.fees.settlement_dialogs")
    ho, df, ky = mod("gui.tabs.handover.dialogs"), mod("gui.tabs.defects.dialogs"), mod("gui.tabs.keys.dialogs")
    table = {
        "gui.login.LoginDialog": lambda c: mod("gui.login").LoginDialog(c.db),
        "gui.login.FirstRunDialog": lambda c: mod("gui.login").FirstRunDialog(c.db),
        "gui.print_preview.PrintPreviewDialog": lambda c: c.preview(),
        "gui.widgets.photo_strip.PhotoViewer": lambda c: mod("gui.widgets.photo_strip").PhotoViewer(
            c.photo(), "YL-2026-0001 照片 1"),
        "gui.tabs.fees.meter_dialog.AddMeterDialog": lambda c: mod("gui.tabs.fees.meter_dialog").AddMeterDialog(
            c.db, c.hid, c.units, dt.date(2026, 6, 30)),
        "gui.tabs.fees.decision_dialogs.DecisionDialog": lambda c: fees_dec.DecisionDialog(c.db, c.diffs[0]),
        "gui.tabs.fees.decision_dialogs.BulkDialog": bulk(fees_dec),
        "gui.tabs.fees.settlement_dialogs.SignDialog": lambda c: fees_set.SignDialog(c.db, c.hid, c.results),
        "gui.tabs.fees.settlement_dialogs.AmendDialog": lambda c: fees_set.AmendDialog(c.db, c.hid, 1),
        "gui.tabs.fees.settlement_dialogs.RefundDialog": lambda c: fees_set.RefundDialog(c.db, c.hid, c.deposit()),
        "gui.dialogs.handover_dialog.HandoverDialog": lambda c: mod(
            "gui.dialogs.handover_dialog").HandoverDialog(c.db, c.pid, c.handover),
        "gui.dialogs.template_picker.TemplatePickerDialog": lambda c: mod(
            "gui.dialogs.template_picker").TemplatePickerDialog(c.db, c.handover),
        "gui.tabs.handover.dialogs.BlankListDialog": lambda c: ho.BlankListDialog(c.db, c.hid),
        "gui.tabs.handover.dialogs.SaveTemplateDialog": lambda c: ho.SaveTemplateDialog(c.db, c.summary),
        "gui.tabs.handover.dialogs.SignDialog": lambda c: ho.SignDialog(c.db, c.handover, c.summary),
        "gui.tabs.handover.dialogs.DefectDialog": lambda c: ho.DefectDialog(
            c.db, c.items[-1], "产权资料缺失，原物业称在档案室", "原物业"),
        "gui.tabs.defects.dialogs.DefectDialog": lambda c: df.DefectDialog(
            c.db, c.pid, c.hid, c.units, NOW, defect_row(c)),
        "gui.tabs.defects.dialogs.NoteDialog": lambda c: df.NoteDialog(
            "处理 — YL-2026-0001", "处理说明：", lambda text: None, True),
        "gui.tabs.keys.printing.CabinetDialog": lambda c: mod("gui.tabs.keys.printing").CabinetDialog(["A柜", "B柜"]),
        "gui.tabs.keys.printing.PeriodDialog": lambda c: mod("gui.tabs.keys.printing").PeriodDialog(NOW.date()),
        "gui.tabs.keys.history.KeyHistoryDialog": lambda c: mod("gui.tabs.keys.history").KeyHistoryDialog(
            c.key, key_history(c.db, c.key_id)),
        "gui.tabs.keys.intake.ListIntakeDialog": lambda c: mod("gui.tabs.keys.intake").ListIntakeDialog(c.db, c.hid),
        "gui.tabs.keys.dialogs.ReceiveDialog": lambda c: ky.ReceiveDialog(
            c.db, c.pid, c.hid, [n for _, n in c.units], NOW),
        "gui.tabs.keys.dialogs.LendDialog": lambda c: ky.LendDialog(c.db, c.key, NOW),
        "gui.tabs.keys.dialogs.ReturnDialog": lambda c: ky.ReturnDialog(c.db, c.key, NOW),
        "gui.tabs.keys.dialogs.IssueDialog": lambda c: ky.IssueDialog(c.db, c.key, [(1, "董艳辉")], NOW),
        "gui.tabs.keys.dialogs.StepDialog": lambda c: ky.StepDialog(
            c.db, "封存 — K-01-01-1001-A", "封条号：", lambda d, t: None),
        "gui.tabs.keys.dialogs.ClosingTimeDialog": lambda c: ky.ClosingTimeDialog(c.db),
        "gui.dialogs.users.UsersDialog": lambda c: mod("gui.dialogs.users").UsersDialog(c.db),
        "gui.dialogs.users.AddUserDialog": lambda c: mod("gui.dialogs.users").AddUserDialog(c.db),
        "gui.dialogs.users.ResetPasswordDialog": lambda c: mod("gui.dialogs.users").ResetPasswordDialog(
            c.db, c.accounts[0]),
        "gui.dialogs.users.RoleDialog": lambda c: mod("gui.dialogs.users").RoleDialog(c.db, c.accounts[0]),
        "gui.dialogs.key_import.KeyImportDialog": lambda c: mod("gui.dialogs.key_import").KeyImportDialog(
            c.db, c.pid, c.hid),
        "gui.dialogs.value_mapping.ValueMappingDialog": value_mapping,
        "gui.dialogs.roster_import.RosterImportDialog": lambda c: c.sheet_import(
            mod("gui.dialogs.roster_import").RosterImportDialog(c.db, c.pid), "roster_sheet"),
        "gui.dialogs.ledger_import.LedgerImportDialog": lambda c: mod("gui.dialogs.ledger_import").LedgerImportDialog(
            c.db, c.hid),
        "gui.dialogs.checklist_import.ChecklistImportDialog": lambda c: c.sheet_import(
            mod("gui.dialogs.checklist_import").ChecklistImportDialog(c.db, c.hid), "checklist_sheet"),
        "gui.dialogs.audit_log.AuditLogDialog": lambda c: mod("gui.dialogs.audit_log").AuditLogDialog(
            c.db, today=dt.date.today()),  # the sample was written today
        "gui.dialogs.settings.SettingsDialog": lambda c: mod("gui.dialogs.settings").SettingsDialog(
            c.db, settings(c)),
        "gui.dialogs.fee_items.FeeItemsDialog": lambda c: mod("gui.dialogs.fee_items").FeeItemsDialog(c.db, c.pid),
        "gui.dialogs.projects.ProjectDialog": lambda c: mod("gui.dialogs.projects").ProjectDialog(
            c.db, projects.get_project(c.db, c.pid)),
        "gui.dialogs.change_password.ChangePasswordDialog": lambda c: mod(
            "gui.dialogs.change_password").ChangePasswordDialog(c.db),
        "gui.dialogs.people_forms.BuildingDialog": lambda c: mod("gui.dialogs.people_forms").BuildingDialog(
            c.db, c.pid, c.buildings[0]),
        "gui.dialogs.people_forms.UnitDialog": lambda c: mod("gui.dialogs.people_forms").UnitDialog(
            c.db, c.pid, c.buildings, c.unit_detail()),
        "gui.dialogs.people_forms.OwnerDialog": lambda c: mod("gui.dialogs.people_forms").OwnerDialog(
            c.db, c.pid, c.owner()),
        "gui.dialogs.people_forms.LinkOwnerDialog": lambda c: mod("gui.dialogs.people_forms").LinkOwnerDialog(
            c.db, c.pid, c.unit_detail(), background=False),
        "gui.dialogs.units_owners.UnitsOwnersDialog": lambda c: mod("gui.dialogs.units_owners").UnitsOwnersDialog(
            c.db, c.pid, "翠湖园", background=False),
        "gui.dialogs.first_start.FirstStartWizard": lambda c: mod("gui.dialogs.first_start").FirstStartWizard(c.db),
        "gui.dialogs.backups.RestoreDialog": lambda c: mod("gui.dialogs.backups").RestoreDialog(c.db),
        "gui.dialogs.backups.DamagedDialog": lambda c: mod("gui.dialogs.backups").DamagedDialog(
            "数据库文件已损坏：database disk image is malformed", c.backup()),
        "gui.dialogs.backups.ArchiveRestoreDialog": lambda c: mod("gui.dialogs.backups").ArchiveRestoreDialog(
            c.db, settings(c)),
        "gui.dialogs.package_check.PackageCheckDialog": package_check,
        "gui.dialogs.about.AboutDialog": lambda c: mod("gui.dialogs.about").AboutDialog(c.db, c.tmp / "app.log"),
        "gui.dialogs.deadline_settings.DeadlineSettingsDialog": lambda c: mod(
            "gui.dialogs.deadline_settings").DeadlineSettingsDialog(c.db),
    }
    return table


def dialog_classes() -> dict[str, type]:
    """Every QDialog subclass defined in a module of the gui package (imported to be found)."""
    from PySide6.QtWidgets import QDialog

    import gui

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return {k: v for k, v in found.items() if k not in ABSTRACT}


def _settle(app, rounds: int = 20) -> None:
    import time
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def _wait_loaded(app, tab) -> None:
    _settle(app)
    for _ in range(600):
        if not hasattr(tab, "is_loaded") or tab.is_loaded():
            break
        _settle(app, rounds=1)
    _settle(app)


def _measure(widget, limit, minimum_only: bool = False) -> dict:
    """Whether the window, with its title bar, fits the free area: as opened, and at its smallest."""
    from gui.widgets.screen_fit import TITLE_BAR
    size, hint, minimum = widget.size(), widget.minimumSizeHint(), widget.minimumSize()
    opened = (0, 0) if minimum_only else (size.width(), size.height())
    need_w = max(opened[0], hint.width(), minimum.width())
    need_h = max(opened[1], hint.height(), minimum.height()) + TITLE_BAR
    return {"size": [size.width(), size.height()], "min_hint": [hint.width(), hint.height()],
            "minimum": [minimum.width(), minimum.height()],
            "fits": need_w <= limit.width() and need_h <= limit.height()}


def main(argv: list[str]) -> int:
    scale, out = argv[0], Path(argv[1])
    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    tmp = Path(tempfile.mkdtemp(prefix="screenfit-"))
    _configure(scale, tmp)

    from gui.app import setup_application
    from gui.main_window import TAB_KEYS, MainWindow
    from gui.widgets.screen_fit import TASKBAR, TITLE_BAR, free_area
    from models.services import reconcile

    app = setup_application()
    screen = app.primaryScreen()
    limit = free_area(screen)  # available geometry less the taskbar
    db = _sample_db(tmp, "--demo" in argv)
    report: dict = {"scale": scale, "screen": [screen.geometry().width(), screen.geometry().height()],
                    "available": [limit.width(), limit.height()], "taskbar": TASKBAR,
                    "dialogs": {}, "tabs": {}, "missing": [], "stale": [], "errors": {}}
    window = MainWindow(db)
    scope = window.current_scope()
    reconcile.reconcile(db, scope.handover_id)  # 对账差异 has rows, the dialogs a difference to show
    window.data_changed.emit("")
    window.setGeometry(limit.x(), limit.y() + TITLE_BAR, limit.width(), limit.height() - TITLE_BAR)
    window.show()
    _settle(app)
    for key in TAB_KEYS:
        window.show_tab(key)
        tab = window.tabs[key]
        subtabs = getattr(tab, "SUBTABS", ())
        for sub in subtabs or (None,):
            if sub is not None:
                tab.show_subtab(sub)
            _wait_loaded(app, tab)
            name = key if sub is None or sub == subtabs[0] else f"{key}-{sub}"
            entry = _measure(window, limit, minimum_only=True)
            entry["tab_min_hint"] = [tab.minimumSizeHint().width(), tab.minimumSizeHint().height()]
            report["tabs"][name] = entry
            if shots:
                shots.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(shots / f"{name}-{_suffix(scale)}.png"))
    ctx = Ctx(db, scope, tmp)
    ctx.backup()  # the restore dialog lists this PC's backups
    table = _construct_table()
    classes = dialog_classes()
    report["stale"] = sorted(set(table) - set(classes))  # entries for dialogs that are gone or renamed
    for name, cls in sorted(classes.items()):
        build = table.get(name)
        if build is None:
            report["missing"].append(name)
            continue
        try:
            dialog = build(ctx)
            dialog.show()
            _settle(app)
            entry = _measure(dialog, limit)
            entry["area"] = dialog.width() * dialog.height()
            # The four spreadsheet imports look alike: the screenshots show one of them.
            entry["family"] = "gui.dialogs.sheet_import.SheetImportDialog" if any(
                b.__name__ == "SheetImportDialog" for b in cls.__mro__) else name
            report["dialogs"][name] = entry
            if shots:
                dialog.grab().save(str(shots / f"dialog-{_short(name)}-{_suffix(scale)}.png"))
            dialog.close()
            dialog.deleteLater()
            _settle(app, rounds=2)
        except Exception:  # noqa: BLE001 - reported to the test, which fails on it
            report["errors"][name] = traceback.format_exc(limit=4)
    window.close()
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    db.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _suffix(scale: str) -> str:
    return str(round(float(scale) * 100))


def _short(name: str) -> str:
    return name.removeprefix("gui.").removeprefix("tabs.").replace(".", "-")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
