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


def _is_package_import(node):
    """Whether an import statement imports one of the package's own modules."""
    if isinstance(node, ast.ImportFrom):
        return node.level >= 1 or (node.module or "").split(".")[0] == "gilfree"
    return isinstance(node, ast.Import) and any(a.name.split(".")[0] == "gilfree" for a in node.names)


def _is_optional_import(node):
    """NumPy is the one optional dependency: imported where it is needed, so the package works without it."""
    names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    return node.__class__ in (ast.Import, ast.ImportFrom) and all(n.split(".")[0] == "numpy" for n in names)


def _is_dask_hook(node):
    """The one package import allowed in a function: `from . import _dask`, Dask's registration, done the first
    time a gilfree array meets a loaded Dask (importing Dask eagerly would cost every user a second)."""
    return isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module \
        and [a.name for a in node.names] == ["_dask"]


def test_no_function_imports_anything_but_numpy():
    late = []
    for name, tree in _modules().items():
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                late += [f"{name}.{getattr(fn, 'name', '<lambda>')} (line {n.lineno}): {ast.unparse(n)}"
                         for n in ast.walk(fn) if isinstance(n, (ast.Import, ast.ImportFrom))
                         and (_is_package_import(n) or not _is_optional_import(n)) and not _is_dask_hook(n)]
    assert late == [], "imports inside functions: " + ", ".join(late)


def _cycle(graph):
    """One cycle of the graph (a list of names, first == last), or None."""
    state, stack = {}, []

    def visit(m):
        state[m] = "open"
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if state.get(d) == "open":
                return stack[stack.index(d):] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[m] = "done"
        return None

    for m in sorted(graph):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_the_import_graph_is_acyclic():
    mods = _modules()
    graph = {name: {d for d in _imported_package_modules(tree) if d in mods and d != name}
             for name, tree in mods.items()}
    cycle = _cycle(graph)
    assert cycle is None, "the package's modules import each other in a circle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_cycles():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_ndarray_is_declared_only_in_its_module():
    patched = []
    for name, tree in _modules().items():
        if name == "_ndarray":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" \
                    and node.args and ast.unparse(node.args[0]).split(".")[-1] == "ndarray":
                patched.append(f"{name} line {node.lineno}: {ast.unparse(node)}")
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for t in targets:
                for sub in ast.walk(t):
                    if isinstance(sub, ast.Attribute) and ast.unparse(sub.value).split(".")[-1] == "ndarray":
                        patched.append(f"{name} line {node.lineno}: {ast.unparse(sub)} = ...")
    assert patched == [], patched


def test_ndarray_declares_its_operators_in_its_class_body():
    tree = _modules()["_ndarray"]
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ndarray")
    declared = set()
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            declared.add(node.name)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                declared.update(e.id for e in ast.walk(t) if isinstance(e, ast.Name))
    ops = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and", "or", "xor", "lshift", "rshift", "matmul"]
    wanted = {f"__{p}{op}__" for op in ops for p in ("", "r")} | {f"__i{op}__" for op in ops if op != "matmul"}
    wanted |= {"__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__", "__hash__", "__neg__", "__pos__", "__abs__",
               "__invert__", "__divmod__", "__rdivmod__", "sort", "partition", "argsort", "argpartition", "setflags",
               "sum", "mean", "prod", "clip", "round", "conj", "dot"}
    assert sorted(wanted - declared) == []
    assert gf.ndarray.__hash__ is None
