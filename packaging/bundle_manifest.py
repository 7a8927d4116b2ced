"""What the bundle must hold beyond what PyInstaller finds by following `import` statements.

Read by packaging/handoverdesk.spec (which hands these to PyInstaller) and by tests/test_packaging.py
(which checks them against the source tree without building). Plain Python with no PyInstaller import.

Why each entry is here:
- Files the app reads from disk, found beside its modules (`Path(__file__).parent.parent / "resources"`):
  in the bundle a module's __file__ is <bundle>/_internal/<package>/<module>.pyc, so the files go to the same
  relative places under _internal/ and every lookup works unchanged.
- models/migrations/: alembic runs env.py and the scripts in versions/ from disk (it is no import), so they
  are data files, as .py sources.
- pyproject.toml: the one place the version is written; models/version.py reads it beside the packages.
- Modules imported by name: models.schema (only the migration env imports it), whatever the migration
  scripts import (alembic loads them from disk, PyInstaller never sees their imports), ReportLab's
  accelerator `_rl_accel` (reportlab.lib.rl_accel execs `from _rl_accel import …`) and its barcode codecs
  (reportlab.graphics.barcode.widgets execs `from <module> import <codec>`), the enums main.py parses
  arguments with (`_coded_arg("models.project", "ProjectKind")`).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_PACKAGES = ("models", "gui", "reports")
MIGRATIONS = ROOT / "models" / "migrations"

# (source relative to ROOT, glob, destination folder inside the bundle's data folder)
DATA_FILES: tuple[tuple[str, str, str], ...] = (
    ("pyproject.toml", "", "."),
    ("models/migrations", "*.py", "models/migrations"),
    ("models/migrations", "*.mako", "models/migrations"),
    ("models/migrations/versions", "*.py", "models/migrations/versions"),
    ("resources/fonts", "*", "resources/fonts"),
    ("resources/i18n", "*.qm", "resources/i18n"),
    ("resources/i18n", "*.ts", "resources/i18n"),  # models/i18n.py reads the .ts itself (no Qt in models/)
    ("resources/templates", "*.json", "resources/templates"),
    ("resources/manual", "*.html", "resources/manual"),
    ("resources/manual/images", "*", "resources/manual/images"),
    ("resources/icons", "*", "resources/icons"),
)

# Imported by name at run time (see the module's docstring); the migrations' own imports are added below.
NAME_IMPORTED: tuple[str, ...] = (
    "models.schema",
    "_rl_accel",
    "reportlab.lib.rl_accel",
    "reportlab.graphics.barcode.widgets",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "psycopg_binary.version",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "lxml.etree",
    "lxml.html",
    "lxml._elementpath",
)

# Packages whose every submodule goes in: the app's own (cheap, and a later lazy or by-name import is
# covered), ReportLab's barcode codecs, alembic (its op/context proxies and runtime are used by the scripts).
# (Not psycopg_binary: it refuses to be imported before psycopg, so its modules are named in NAME_IMPORTED.)
SUBMODULE_PACKAGES: tuple[str, ...] = APP_PACKAGES + (
    "reportlab.graphics.barcode",
    "alembic",
)

# Packages whose data files go in (PyInstaller's hooks cover some already; listed again, they cost nothing).
DATA_PACKAGES: tuple[str, ...] = ("stdnum", "reportlab", "pypdfium2", "pypdfium2_raw", "alembic")

# Packages whose native libraries go in beside their extension modules.
BINARY_PACKAGES: tuple[str, ...] = ("pypdfium2_raw", "psycopg_binary", "python_calamine")

# Distributions whose metadata goes in: importlib.metadata.version("handoverdesk") is models/version.py's
# second source; the others read their own version at import.
METADATA: tuple[str, ...] = ("handoverdesk", "pypdfium2", "psycopg", "alembic", "sqlalchemy")

# Never wanted in the bundle. pkg_resources: only stdnum.numdb names it, as a fallback for Pythons before 3.9;
# bundled, PyInstaller's runtime hook would import it at every start (measured: --version 0.8 s instead of 0.3 s).
EXCLUDES: tuple[str, ...] = ("tkinter", "pytest", "_pytest", "hypothesis", "pdfplumber", "IPython", "mypy", "ruff",
                             "pkg_resources")

# main.py: `_coded_arg("models.project", "ProjectKind")` imports the enum's module by its name.
_CODED_ARG = re.compile(r'_coded_arg\(\s*"([\w.]+)"')


def migration_imports() -> list[str]:
    """Every module the migration env and scripts import (absolute imports; alembic runs them from disk)."""
    found: set[str] = set()
    for path in sorted(MIGRATIONS.glob("*.py")) + sorted((MIGRATIONS / "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module != "__future__":
                found.add(node.module)
                # `from models.migrations import guards_sql`: the name may be a module of that package
                found.update(f"{node.module}.{alias.name}" for alias in node.names
                             if node.module.startswith(APP_PACKAGES)
                             and (ROOT / node.module.replace(".", "/") / f"{alias.name}.py").is_file())
    return sorted(found)


def coded_arg_modules() -> list[str]:
    return sorted(set(_CODED_ARG.findall((ROOT / "main.py").read_text(encoding="utf-8"))))


def hidden_imports() -> list[str]:
    """The explicit hidden imports (the spec adds the SUBMODULE_PACKAGES' submodules to these)."""
    return sorted(set(NAME_IMPORTED) | set(migration_imports()) | set(coded_arg_modules()))


def data_files() -> list[tuple[str, str]]:
    """(file, destination folder) pairs, as PyInstaller's Analysis(datas=…) takes them."""
    pairs = []
    for source, pattern, dest in DATA_FILES:
        path = ROOT / source
        files = [path] if not pattern else sorted(p for p in path.glob(pattern) if p.is_file())
        if not files:
            raise FileNotFoundError(f"nothing to bundle at {path / pattern}")
        pairs += [(str(f), dest) for f in files]
    return pairs


def version() -> str:
    import tomllib

    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0): Windows' file version is four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", text)][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]
