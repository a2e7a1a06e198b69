"""The package's shape: layers without import cycles, a light lecturer side, modules that fit
in a reader's head, and a public API that tools can see."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import vakmanschap as vk

PACKAGE = Path(vk.__file__).resolve().parent
#: Modules allowed to be longer than a reader's head holds (the message catalogue is data).
LONG = {"vakmanschap.i18n"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _runs_at_import(node: ast.AST, parents: list[ast.AST]) -> bool:
    """An import that runs when its module is imported or its functions are called; not one
    for type checkers only, and not a package's lazy ``__getattr__`` re-export."""
    for parent in parents:
        if isinstance(parent, ast.If) and "TYPE_CHECKING" in ast.unparse(parent.test):
            return False
        if isinstance(parent, ast.FunctionDef) and parent.name == "__getattr__":
            return False
    return True


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports (with their packages' ``__init__``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST, parents: list[ast.AST]) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom) and _runs_at_import(node, parents):
            targets = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets.append(module)
                targets += [f"{module}.{alias.name}" for alias in node.names]
            else:
                targets += [alias.name for alias in node.names]
            for target in targets:
                while target and target not in known:
                    target = target.rpartition(".")[0]
                # a module's own packages are initialised before it: no edge
                while target and not name.startswith(target + ".") and target != name:
                    found.add(target)
                    target = target.rpartition(".")[0]
        for child in ast.iter_child_nodes(node):
            visit(child, [*parents, node])

    visit(tree, [])
    return found


def test_the_import_graph_has_no_cycle():
    mods = modules()
    graph = {name: imports_of(name, path, set(mods)) for name, path in mods.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node)


def test_lower_layers_import_no_gui():
    mods = modules()
    light = [
        n
        for n in mods
        if n.startswith(("vakmanschap.exercises", "vakmanschap.answers"))
        or n in ("vakmanschap.geometry", "vakmanschap.markup", "vakmanschap.classroom.tables")
    ]
    for name in light:
        source = mods[name].read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                text = ast.unparse(node)
                assert "ipywidgets" not in text and "plotly" not in text, (name, text)
                assert ".ui" not in text or "TYPE_CHECKING" in source, (name, text)


def test_modules_fit_in_a_readers_head():
    for name, path in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert name in LONG or lines < 500, f"{name}: {lines} lines"


def test_collect_leaves_the_gui_out(tmp_path):
    from vakmanschap.classroom import synthetic_class

    for name, data in synthetic_class(30):
        (tmp_path / name).write_bytes(data)
    code = (
        "import sys, vakmanschap as vk\n"
        f"result = vk.collect({str(tmp_path)!r})\n"
        "assert len(result.students) == 30, result.report\n"
        "print(sorted(m for m in ('ipywidgets', 'plotly', 'anywidget') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_lazy_api_is_visible():
    names = dir(vk)
    for name in vk.__all__:
        assert name in names
        assert getattr(vk, name) is not None
    assert set(vk._LAZY) <= set(vk.__all__)
    code = "import sys, vakmanschap as vk; dir(vk); print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", "dir() imports nothing"


def test_old_import_paths_keep_working():
    from vakmanschap import answers, classroom, figures, views, widgets

    assert figures.grid_figure is vk.grid_figure
    assert widgets.RolePlacer is vk.RolePlacer
    assert answers.collect is vk.collect
    assert classroom.handout_html and classroom.class_figures and views.quadrant_html
    assert answers.AnswersPanel is vk.AnswersPanel
