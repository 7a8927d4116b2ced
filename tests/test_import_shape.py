"""The layers keep their shape: models/ and reports/ know nothing of Qt or the GUI, the GUI holds no SQL,
no two GUI modules import each other in a circle, and a tab's modules import no other tab's.

Imports are read from the source (ast), those inside functions included: a late import still ties two
modules together. Imports under `if TYPE_CHECKING:` are left out of the cycle check only: they never
run, and a tab's actions name the tab's class for the type checker that way.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# No GUI module opens a session itself: every query lives in models/ (issue 14 point 2).
OPENS_SESSIONS: set[str] = set()
SESSION_CALLS = {"read", "begin", "sessions", "locking_sessions"}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path, package: str) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def imported_names(path: Path, name: str, with_type_checking: bool = True) -> Iterator[str]:
    """Every dotted name `path` imports (for `from a import b`: a and a.b, since b may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set() if with_type_checking else _type_checking_nodes(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            prefix = ".".join([*base, node.module] if node.module else base)
            yield prefix
            yield from (f"{prefix}.{alias.name}" for alias in node.names)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the modules of `package` it imports at run time."""
    found = modules(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        edges = set()
        for imported in imported_names(path, name, with_type_checking=False):
            while imported and imported not in found:
                imported = imported.rpartition(".")[0]
            # its own packages were imported before it ran: `from . import x` is an edge to x only
            if imported and not (name == imported or name.startswith(imported + ".")):
                edges.add(imported)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _describe(group: list[str], graph: dict[str, set[str]]) -> str:
    return "; ".join(f"{m} -> {', '.join(sorted(graph[m] & set(group)))}" for m in group)


def test_no_gui_modules_import_each_other_in_a_circle():
    graph = import_graph(ROOT, "gui")
    # the graph is real: the window imports its tabs, a tab its actions, a dialog its base
    assert {"gui.tabs.handover.tab", "gui.tabs.keys.tab"} <= graph["gui.main_window"]
    assert "gui.tabs.fees.actions" in graph["gui.tabs.fees.tab"]
    assert "gui.dialogs.base_dialog" in graph["gui.tabs.defects.dialogs"]
    assert "gui.dialogs.settings" in graph["gui.app"]  # imported inside a function
    found = cycles(graph)
    assert not found, "import cycles in gui/: " + " | ".join(_describe(g, graph) for g in found)


def test_the_cycle_check_finds_a_circle_through_a_late_import(tmp_path: Path):
    package = tmp_path / "gui"
    (package / "tabs").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "tabs" / "__init__.py").write_text("")
    (package / "app.py").write_text("from .tabs import tab\n")
    (package / "tabs" / "tab.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                              "    from .. import app\nfrom . import actions\n")
    (package / "tabs" / "actions.py").write_text("def run():\n    from ..app import main\n")
    graph = import_graph(tmp_path, "gui")
    assert graph["gui.tabs.tab"] == {"gui.tabs.actions"}  # the TYPE_CHECKING import is no edge
    assert cycles(graph) == [["gui.app", "gui.tabs.actions", "gui.tabs.tab"]]


@pytest.mark.parametrize("package", ["models", "reports"])
def test_models_and_reports_never_import_qt_or_the_gui(package: str):
    wrong = sorted(f"{name} imports {imported}"
                   for name, path in modules(ROOT, package).items()
                   for imported in set(imported_names(path, name))
                   if imported.split(".")[0] in ("PySide6", "shiboken6", "gui"))
    assert not wrong, wrong


def test_the_gui_never_imports_sqlalchemy():
    wrong = sorted(f"{name} imports {imported}"
                   for name, path in modules(ROOT, "gui").items()
                   for imported in set(imported_names(path, name))
                   if imported.split(".")[0] == "sqlalchemy")
    assert not wrong, wrong


def test_a_tabs_modules_import_no_other_tabs():
    """What two tabs share lives in gui/dialogs or gui/widgets."""
    def tab_of(name: str) -> str | None:
        parts = name.split(".")
        return parts[2] if len(parts) > 3 and parts[:2] == ["gui", "tabs"] else None

    graph = import_graph(ROOT, "gui")
    crossing = sorted(f"{m} -> {d}" for m, deps in graph.items() for d in deps
                      if tab_of(m) and tab_of(d) and tab_of(m) != tab_of(d))
    assert not crossing, crossing


def _opens_a_session(path: Path) -> bool:
    """A call like self._db.read() or db.begin(): the widget runs its own query or transaction."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in SESSION_CALLS):
            receiver = node.func.value
            owner = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
            if owner.lstrip("_").endswith("db"):
                return True
    return False


def test_only_the_listed_gui_modules_open_sessions_themselves():
    opening = {name for name, path in modules(ROOT, "gui").items() if _opens_a_session(path)}
    assert opening - OPENS_SESSIONS == set(), "a GUI module opens a session: its query belongs in models/"
