"""The gilfree package's structure, read from its source with `ast` (no import of the package needed):
one module reaches Java, one translates Java errors, the namespace is listed explicitly."""
import pytest

pytestmark = pytest.mark.thread_unsafe(reason="reads the package sources once per case; nothing to race")
import ast
import pathlib

import gilfree as gf

_PKG = pathlib.Path(__file__).resolve().parents[2] / "python" / "gilfree"


def _modules():
    mods = {p.stem: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(_PKG.glob("*.py"))}
    assert "_bridge" in mods and "_runtime" in mods and "__init__" in mods, sorted(mods)
    return mods


def _imported_package_modules(tree):
    """Names of the package's own modules a module imports (from . import x / from .x import y)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gilfree"):
            out.add((node.module.split(".") + [""])[1] or "__init__")
    return out


def test_only_the_bridge_imports_the_runtime_shim():
    users = sorted(name for name, tree in _modules().items() if "_runtime" in _imported_package_modules(tree))
    assert users == ["_bridge"]


def test_only_the_bridge_looks_up_java_classes():
    callers = set()
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                called = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
                if called in ("jclass", "findClass", "type") and (
                        called != "type" or isinstance(f, ast.Attribute) and getattr(f.value, "id", None) == "java"):
                    callers.add(name)
    assert callers <= {"_bridge", "_runtime"}, callers
    assert "_bridge" in callers


def test_only_the_bridge_catches_java_errors():
    catchers = set()
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                text = ast.unparse(node.type)
                if "JavaError" in text or "ForeignException" in text:
                    catchers.add(name)
    assert catchers == {"_bridge"}, catchers


def test_the_namespace_is_listed_explicitly():
    init = _modules()["__init__"]
    for node in ast.walk(init):
        if isinstance(node, ast.ImportFrom):
            assert all(a.name != "*" for a in node.names), f"import * from {node.module}"
    listed = [n for n in init.body if isinstance(n, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)]
    assert len(listed) == 1 and isinstance(listed[0].value, ast.List), "__all__ must be one list literal"
    names = [ast.literal_eval(e) for e in listed[0].value.elts]
    assert len(names) == len(set(names))
    assert [n for n in names if not hasattr(gf, n)] == []
