"""No import cycles inside ``app``.

The graph counts every import a module can execute: module level and lazy
imports inside functions alike (a lazy import still ties the two modules
together; it only hides the cycle from the interpreter). Imports under
``if TYPE_CHECKING:`` never run and are left out. ``from app.x import y``
points at ``app.x.y`` when that is a module, else at ``app.x``.

The same edges, folded onto the top-level units of ``app`` (a package such as
``app.tutor`` or a module such as ``app.practice``), give the package graph,
which must have no cycle either: a package that reaches back into one that
imports it cannot be read, tested or moved on its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _modules() -> dict[str, Path]:
    found = {}
    for path in APP.rglob("*.py"):
        parts = list(path.relative_to(APP.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking_only(node):
            yield from (n for branch in node.orelse for n in _imports_in(branch))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _imports(node)


def _imports_in(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    yield from _imports(node)


def _edges(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _imports(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join(anchor + ([base] if base else []))
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            targets.add(sub if sub in modules else base)
    return {t for t in targets if t in modules and t != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _edges(name, path, modules) for name, path in modules.items()}


def _unit(module: str) -> str:
    """The top-level unit of ``app`` a module belongs to: ``app.tutor.chat`` -> ``app.tutor``."""
    return ".".join(module.split(".")[:2])


def package_graph(graph: dict[str, set[str]]) -> tuple[dict[str, set[str]], dict[tuple[str, str], list[str]]]:
    """The module graph folded onto top-level units, with the module edges behind each unit edge."""
    units: dict[str, set[str]] = {}
    because: dict[tuple[str, str], list[str]] = {}
    for module, targets in graph.items():
        source = _unit(module)
        units.setdefault(source, set())
        for target in targets:
            dest = _unit(target)
            if dest != source:
                units[source].add(dest)
                because.setdefault((source, dest), []).append(f"{module} -> {target}")
    return units, because


def test_the_graph_sees_lazy_imports():
    graph = import_graph()
    assert "app.commands" in graph["app.cli"]
    # app.commands imports app.store only inside a function (it loads SQLAlchemy).
    assert "app.store" in graph["app.commands"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_inside_app():
    graph = import_graph()
    cycles = _cycles(graph)
    detail = "\n".join(
        " <-> ".join(c) + "\n    " + "\n    ".join(
            f"{m} -> {', '.join(sorted(graph[m] & set(c)))}" for m in c)
        for c in cycles)
    assert not cycles, f"import cycles (lazy imports count too):\n{detail}"


def test_no_import_cycles_between_packages():
    units, because = package_graph(import_graph())
    cycles = _cycles(units)
    detail = "\n".join(
        " <-> ".join(c) + "".join(
            f"\n    {u} -> {v}: {'; '.join(sorted(because[(u, v)]))}"
            for u in c for v in sorted(units[u] & set(c)))
        for c in cycles)
    assert not cycles, f"package-level import cycles (lazy imports count too):\n{detail}"


def test_the_package_graph_folds_modules_onto_units():
    units, because = package_graph({
        "app.a.x": {"app.b"}, "app.a.y": {"app.a.x"}, "app.b": {"app.a.y"}, "app": {"app.b"}})
    assert units == {"app.a": {"app.b"}, "app.b": {"app.a"}, "app": {"app.b"}}
    assert because[("app.b", "app.a")] == ["app.b -> app.a.y"]
    assert _cycles(units) == [["app.a", "app.b"]]
