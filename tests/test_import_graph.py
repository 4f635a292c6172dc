"""The modules of bot/, handlers/ and web/ import one another one way only: no import circle.

Every module is parsed with `ast` (nothing is imported); each `import` and `from … import`
anywhere in it (top level or inside a function) is an edge to the project module it names.
A circle is reported as the chain of modules that closes it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "web")


def project_modules(root: Path = ROOT) -> dict[str, tuple[Path, bool]]:
    """Dotted module name → (file, is a package's __init__)."""
    found = {}
    for top in PACKAGES:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            found[".".join(parts)] = (path, is_package)
    return found


def imports_of(name: str, path: Path, is_package: bool, modules: dict) -> set[str]:
    """The project modules `name` imports."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:  # `from pkg import submodule`
                    found.add(f"{target}.{alias.name}")
                elif target in modules:
                    found.add(target)
    found.discard(name)
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    modules = project_modules(root)
    return {name: imports_of(name, path, is_package, modules) for name, (path, is_package) in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as [a, b, …, a], or None (depth-first search, white/grey/black)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_the_graph_sees_the_project():
    graph = import_graph()
    assert {"bot.cli", "handlers.app", "handlers.admin.commands", "web.app"} <= graph.keys()
    assert "handlers.admin.notices" in graph["handlers.usage"]  # from handlers.admin.notices import …
    assert "handlers.admin.commands" in graph["handlers.admin"]  # from handlers.admin import commands
    assert "handlers.app" in graph["bot.cli"]  # imported inside a function


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The groups of modules that import one another in a circle (strongly connected
    components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle():
    graph = import_graph()
    found = circles(graph)
    if found:
        inside = {name: graph[name] & found[0] for name in found[0]}
        raise AssertionError(f"{len(found)} import circle(s), e.g. " + " → ".join(find_cycle(inside)))


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": {"b2", "c"}, "b2": set(), "c": {"b"}}, ["b", "c", "b"]),
    ],
)
def test_find_cycle(graph, expected):
    assert find_cycle(graph) == expected


def test_circles_groups_the_modules_of_each_circle():
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}}
    assert sorted(map(sorted, circles(graph))) == [["a", "b"], ["c", "d"]]


def test_a_circle_written_in_a_file_is_found(tmp_path):
    for top in PACKAGES:
        (tmp_path / top).mkdir()
        (tmp_path / top / "__init__.py").write_text("")
    (tmp_path / "handlers" / "one.py").write_text("from . import two\n")
    (tmp_path / "handlers" / "two.py").write_text("def late():\n    from handlers.one import x\n")
    graph = import_graph(tmp_path)
    assert find_cycle(graph) == ["handlers.one", "handlers.two", "handlers.one"]
    assert circles(graph) == [frozenset({"handlers.one", "handlers.two"})]
