"""The house's layering, checked: knowledge → index → tutor → runtime → adapters (bot, studybot),
no import cycles between modules or packages, and no import hidden inside a function to dodge one."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"knowledge": 0, "index": 1, "tutor": 2, "runtime": 3, "bot": 4, "studybot": 5}


def modules() -> dict[str, ast.Module]:
    out = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def project_imports(node: ast.AST, known: set[str]) -> set[str]:
    """Project modules a node imports (``from bot import account`` is ``bot.account``)."""
    found: set[str] = set()
    if isinstance(node, ast.Import):
        found |= {a.name for a in node.names if a.name.split(".")[0] in LAYERS}
    elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in LAYERS:
        for alias in node.names:
            sub = f"{node.module}.{alias.name}"
            found.add(sub if sub in known else node.module)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {
        name: set().union(*(project_imports(n, known) for n in tree.body)) & known - {name}
        for name, tree in mods.items()
    }


def test_no_function_level_imports_of_project_modules() -> None:
    mods = modules()
    hidden = []
    for name, tree in mods.items():
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(fn):
                    if project_imports(node, set(mods)):
                        hidden.append(f"{name}.{fn.name}")
    assert hidden == []


def test_layers_only_import_downwards() -> None:
    wrong = [
        f"{a} → {b}"
        for a, deps in graph().items()
        for b in deps
        if LAYERS[b.split(".")[0]] > LAYERS[a.split(".")[0]]
    ]
    assert wrong == []


def test_no_import_cycles_between_modules() -> None:
    deps = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(deps[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(deps):
        if start not in state:
            visit(start, [start])
    assert cycles == []
