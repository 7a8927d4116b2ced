"""The Windows bundle's spec, checked against the source tree without building it.

packaging/handoverdesk.spec hands PyInstaller what it cannot find by following imports, as listed in
packaging/bundle_manifest.py: files read from disk (the migrations, resources/, pyproject.toml) and modules
imported by name. A new resource folder, a migration importing a new module or a ReportLab upgrade naming
another codec fails here, not on an office PC. (packaging/ci_bundle.sh builds and runs the real bundle.)
"""
from __future__ import annotations

import ast
import importlib.util
import inspect
import io
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "handoverdesk.spec"


@pytest.fixture(scope="module")
def manifest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_manifest", ROOT / "packaging" / "bundle_manifest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundled(manifest: ModuleType) -> set[str]:
    """Every data file's path inside the bundle's data folder, as 'resources/fonts/x.ttc'."""
    return {(Path(dest) / Path(source).name).as_posix().removeprefix("./") for source, dest in manifest.data_files()}


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def covered(manifest: ModuleType, module: str) -> bool:
    """Declared: a hidden import itself, or inside a package whose submodules are all collected."""
    return module in manifest.hidden_imports() or any(
        module == package or module.startswith(package + ".") for package in manifest.SUBMODULE_PACKAGES)


def test_the_modules_imported_by_name_are_declared(manifest: ModuleType) -> None:
    # models.schema: only the migration env imports it, and alembic runs env.py from disk.
    for module in ("models.schema", "models.migrations.guards_sql", "models.rules.unit_number", "_rl_accel"):
        assert module in manifest.hidden_imports(), module
    # Whatever the migration env and scripts import (alembic loads them from disk).
    for module in manifest.migration_imports():
        assert covered(manifest, module), module
        assert importlib.util.find_spec(module) is not None, module
    # main.py's _coded_arg("models.project", "ProjectKind") imports the enum's module by name.
    assert {"models.project", "models.people"} <= set(manifest.coded_arg_modules())
    for module in manifest.coded_arg_modules():
        assert covered(manifest, module), module


def test_reportlab_s_by_name_imports_are_declared(manifest: ModuleType) -> None:
    from reportlab.graphics.barcode import widgets
    from reportlab.lib import rl_accel

    # The accelerator: `exec('from _rl_accel import %s as f' % fn)`, invisible to PyInstaller.
    assert "from _rl_accel import" in inspect.getsource(rl_accel)
    assert "_rl_accel" in manifest.hidden_imports()
    # The barcode codecs: widgets.py builds `from <module> import <codec>` strings (the key labels' QR codes).
    codec_modules = set(re.findall(r"'(reportlab\.graphics\.barcode\.\w+)'", inspect.getsource(widgets)))
    assert "reportlab.graphics.barcode.code128" in codec_modules
    for module in codec_modules | {"reportlab.graphics.barcode.qr", "reportlab.graphics.barcode.qrencoder"}:
        assert covered(manifest, module), module
        assert importlib.util.find_spec(module) is not None, module


def test_rl_accel_is_a_dependency() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace("-", "_").startswith("rl_accel") for d in dependencies)


def test_the_migrations_ship_as_source_files(manifest: ModuleType, bundled: set[str]) -> None:
    from models.migrate import MIGRATIONS

    scripts = sorted((MIGRATIONS / "versions").glob("*.py"))
    assert len(scripts) >= 13
    for path in [*MIGRATIONS.glob("*.py"), *scripts, MIGRATIONS / "script.py.mako"]:
        assert path.relative_to(ROOT).as_posix() in bundled, path


def test_every_resource_the_app_reads_ships_where_it_is_looked_for(bundled: set[str]) -> None:
    """Each module finds its files from its own __file__ (in the bundle: _internal/<package>/<module>.pyc), so a
    file must ship at the same path relative to the tree's root."""
    from gui.app import FONT_FILE, ICON_FILE
    from gui.run_context import MANUAL, RESOURCES
    from models.i18n import CATALOG_DIR
    from models.templates import TEMPLATE_DIR
    from reports.fonts import FONT_DIR

    for folder in (CATALOG_DIR, TEMPLATE_DIR, FONT_DIR):
        assert folder.is_relative_to(RESOURCES)
    wanted = [FONT_FILE, ICON_FILE, MANUAL, ROOT / "resources" / "icons" / "handoverdesk.ico",
              *CATALOG_DIR.glob("*.qm"), *CATALOG_DIR.glob("*.ts"), *TEMPLATE_DIR.glob("*.json"),
              *(MANUAL.parent / "images").glob("*")]
    for path in wanted:
        assert path.relative_to(ROOT).as_posix() in bundled, path
    # Nothing under resources/ is left behind but the manual's generator.
    on_disk = {p.relative_to(ROOT).as_posix() for p in RESOURCES.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert on_disk - bundled == {"resources/manual/build.py"}


def test_every_file_lookup_beside_the_sources_is_known() -> None:
    """The modules that find files beside the tree: a new one needs its files in DATA_FILES (and a line here)."""
    files = [ROOT / "main.py", *(f for package in ("models", "gui", "reports") for f in (ROOT / package).rglob("*.py"))]
    lookups = {f.relative_to(ROOT).as_posix() for f in files if "Path(__file__)" in f.read_text(encoding="utf-8")}
    assert lookups == {"models/i18n.py", "models/migrate.py", "models/templates.py", "models/version.py",
                       "gui/run_context.py", "gui/self_check.py", "reports/fonts.py"}


def test_the_version_comes_from_pyproject(manifest: ModuleType, bundled: set[str]) -> None:
    from models.version import PYPROJECT, version

    assert version() == pyproject_version() == manifest.version()
    assert PYPROJECT.parent == ROOT and "pyproject.toml" in bundled  # beside the packages, in the bundle too
    assert "handoverdesk" in manifest.METADATA  # the second source, importlib.metadata
    assert manifest.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert manifest.version_tuple("1.12.3.4") == (1, 12, 3, 4)


def test_the_spec_builds_two_programs_in_one_folder() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), str(SPEC))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]

    def named(name: str) -> list[ast.Call]:
        return [c for c in calls if isinstance(c.func, ast.Name) and c.func.id == name]

    programs = {ast.literal_eval(c.args[0]): ast.literal_eval(c.keywords[0].value) for c in named("program")}
    assert programs == {"HandoverDesk": False, "handoverdesk-cli": True}  # name → console
    [collect] = named("COLLECT")
    assert [a.id for a in collect.args[:2] if isinstance(a, ast.Name)] == ["gui", "cli"]
    [analysis] = named("Analysis")
    keywords = {k.arg: ast.unparse(k.value) for k in analysis.keywords}
    assert keywords["datas"] == "datas" and "hiddenimports" in keywords["hiddenimports"]
    text = SPEC.read_text(encoding="utf-8")
    for used in ("manifest.hidden_imports()", "manifest.data_files()", "manifest.SUBMODULE_PACKAGES",
                 "manifest.DATA_PACKAGES", "manifest.BINARY_PACKAGES", "manifest.METADATA", "exclude_binaries=True"):
        assert used in text, used


def test_the_manifest_names_the_native_and_data_packages(manifest: ModuleType) -> None:
    assert "stdnum" in manifest.DATA_PACKAGES  # the 身份证 region table (cn/loc.dat)
    assert {"pypdfium2_raw", "psycopg_binary", "python_calamine"} <= set(manifest.BINARY_PACKAGES)
    assert {"models", "gui", "reports", "reportlab.graphics.barcode"} <= set(manifest.SUBMODULE_PACKAGES)


def test_ci_builds_and_runs_the_bundle() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash packaging/ci_bundle.sh || status=1" in run
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {".venv-bundle/", "build/", "dist/"} <= set(ignored)


def test_the_installer_keeps_its_app_id_and_the_app_name() -> None:
    from models.paths import APP_NAME

    iss = (ROOT / "packaging" / "handoverdesk.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", iss)  # fixed: a new version upgrades in place
    assert f'#define DataFolder "{APP_NAME}"' in iss  # the data folder offered for deletion is the app's
    assert "{userappdata}\\{#DataFolder}" in iss
    assert "HandoverDesk.exe" in iss and "物业交接台" in iss


def test_the_windows_scripts_carry_a_byte_order_mark() -> None:
    """Windows PowerShell 5.1 reads a .ps1 without one in the ANSI code page, which garbles its Chinese;
    ISCC likewise wants the mark to read the .iss as UTF-8."""
    for name in ("build_windows.ps1", "handoverdesk.iss"):
        assert (ROOT / "packaging" / name).read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_the_windowed_program_survives_having_no_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main.main(["--version"]) == 0
    assert main.main(["--no-such-option"]) == 2  # argparse's usage goes to the (null) stderr
    sys.stdout.close()
    sys.stderr.close()


def test_redirected_output_in_a_code_page_without_chinese_is_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    """handoverdesk-cli.exe … > file on an English Windows: cp1252 cannot write 物业交接台."""
    import main

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252"))
    assert main.main(["--version"]) == 0
    sys.stdout.flush()
    assert "物业交接台" in raw.getvalue().decode("utf-8")
