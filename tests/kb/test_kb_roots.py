"""The knowledge base is loaded only at the composition roots; the document model, storage,
queries, exports and stages are given it (STYLE.md: resources come in through constructors).

The source tree is read with ``ast``: every use of ``communique.kb.load`` (called or passed on,
under any import form or alias) must sit in a function named in ``ROOTS``.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "communique"
TARGET = "communique.kb.load"
# module -> its top-level functions that may load the knowledge base (None: every function of it)
ROOTS: dict[str, set[str] | None] = {
    "communique.cli": None,  # the command line: each command is a root
    "communique.api.app": {"create_app"},  # the API app factory
    "communique.registry": {"build"},  # pipelines, in this process and in every worker
    "communique.batch.local": {"run"},  # the batch runners
    "communique.batch.distributed": {"process_sources"},
    "communique.batch.commands": {"cmd_process"},  # commands registered by their layers
    "communique.batch.watch": {"_run"},
    "communique.kb.commands": {"run"},
    "communique.bench": {"bench"},
}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(scope: ast.AST, module: str, package: str) -> dict[str, str]:
    """Names the imports directly in ``scope`` (not in functions nested in it) bind, fully qualified."""
    out: dict[str, str] = {}
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Import):
            for a in node.names:
                out[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            for a in node.names:
                out[a.asname or a.name] = f"{base}.{a.name}"
        stack.extend(ast.iter_child_nodes(node))
    return out


def _dotted(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return head + [node.attr] if head else None
    return None


class _Uses(ast.NodeVisitor):
    """Every use of ``TARGET`` with the top-level function (or class) it sits in, None at module level."""

    def __init__(self, tree: ast.Module, module: str, is_package: bool):
        self.package = module if is_package else module.rpartition(".")[0]
        self.module = module
        defs = {n.name: f"{module}.{n.name}" for n in tree.body
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        self.scopes = [{**defs, **_imports(tree, module, self.package)}]
        self.path: list[str] = []
        self.found: list[tuple[int, str | None]] = []

    def _scoped(self, node, bindings: dict[str, str]) -> None:
        self.scopes.append({**self.scopes[-1], **bindings})
        self.path.append(getattr(node, "name", "<lambda>"))
        self.generic_visit(node)
        self.path.pop()
        self.scopes.pop()

    def visit_FunctionDef(self, node):
        self._scoped(node, _imports(node, self.module, self.package))

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._scoped(node, {})

    def _check(self, node) -> None:
        parts = _dotted(node)
        if parts and parts[0] in self.scopes[-1]:
            if ".".join([self.scopes[-1][parts[0]], *parts[1:]]) == TARGET:
                self.found.append((node.lineno, self.path[0] if self.path else None))

    def visit_Name(self, node):
        self._check(node)

    def visit_Attribute(self, node):
        self._check(node)
        self.generic_visit(node)


def kb_loads(source: str, module: str, is_package: bool = False) -> list[tuple[int, str | None]]:
    tree = ast.parse(source)
    uses = _Uses(tree, module, is_package)
    uses.visit(tree)
    return uses.found


def outside_roots() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        allowed = ROOTS.get(module, set())
        for line, where in kb_loads(path.read_text(encoding="utf-8"), module, path.name == "__init__.py"):
            if allowed is not None and where not in allowed:
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} in {where or 'module level'}")
    return bad


@pytest.mark.parametrize("source, module, expected", [
    ("from .. import kb as kbmod\ndef f():\n    return kbmod.load()\n", "communique.storage.store", [(3, "f")]),
    ("from .. import kb\nclass S:\n    def m(self):\n        return kb.load(())\n", "communique.storage.queries",
     [(4, "S")]),
    ("def load():\n    pass\nclass KnowledgeBase:\n    def again(self):\n        return load()\n", "communique.kb",
     [(5, "KnowledgeBase")]),
    ("from ..kb import load as k\nSTORE = k\n", "communique.api.app", [(2, None)]),
    ("import communique.kb\nx = communique.kb.load()\n", "communique.document", [(2, None)]),
    ("def f():\n    from . import load\n    return load()\n", "communique.kb.curation", [(3, "f")]),
    ("def f():\n    from .kb import load\n    return g(load)\n", "communique.cli", [(3, "f")]),
    ("from .. import lang as langdata\ndef f(code):\n    return langdata.load(code)\n",
     "communique.stages.mentions", []),
    ("def f():\n    from ..lang import load\n    return load('kk')\ndef g():\n    return load()\n",
     "communique.stages.clean", []),
    ("from ..kb import KnowledgeBase\ndef f(kb: KnowledgeBase):\n    return kb.load\n", "communique.stages.x", []),
])
def test_kb_loads_found_in_every_import_form(source, module, expected):
    assert kb_loads(source, module) == expected


def test_kb_load_only_at_composition_roots():
    assert outside_roots() == [], "load the knowledge base at a composition root and pass it in"


def test_kb_roots_exist():
    for module, functions in ROOTS.items():
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        defined = {n.name for n in ast.parse(path.read_text(encoding="utf-8")).body
                   if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        assert (functions or set()) <= defined, f"{module}: no function {sorted((functions or set()) - defined)}"
