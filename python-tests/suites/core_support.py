"""Helpers of the test_core_* suites: random arrays as nested lists, results described for comparison,
and the differential check against NumPy (its answers recorded on CPython and replayed on GraalPy)."""
import builtins
import math

from hypothesis import strategies as st

import gilfree as gf
from recorded import generated

try:
    import numpy as np
except ImportError:
    np = None

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]


def nest(flat, shape):
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return list(flat)
    step = len(flat) // shape[0] if shape[0] else 0
    return [nest(flat[i * step:(i + 1) * step], shape[1:]) if step else nest([], shape[1:]) if len(shape) > 1 else []
            for i in range(shape[0])]


def _value(dt, k):
    kind = dt[0] if dt != "bool" else "b"
    if dt == "bool":
        return k % 2 == 0
    if dt.startswith("uint"):
        return k % 50
    if dt.startswith("int"):
        return k % 50 - 20
    if dt.startswith("float"):
        return (k % 40) / 4 - 3
    return complex((k % 40) / 4 - 3, (k % 7) / 2)


shapes = st.lists(st.integers(0, 4), min_size=0, max_size=4).filter(lambda s: math.prod(s) <= 64)


@st.composite
def arrays(draw, dtype=None, shape=None):
    """(dtype name, shape, nested list) of a random array."""
    dt = dtype or draw(st.sampled_from(DTYPES))
    sh = tuple(shape if shape is not None else draw(shapes))
    n = math.prod(sh)
    seeds = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
    flat = [_value(dt, k) for k in seeds]
    return dt, sh, nest(flat, sh) if sh else flat[0]


def make(m, spec, layout=0):
    """The array of `spec` in module m; layout 1 gives a transposed view, 2 a reversed view."""
    dt, sh, data = spec
    a = m.asarray(data, dtype=dt)
    if layout == 1 and a.ndim >= 2:
        a = m.ascontiguousarray(a.T).T  # same values, Fortran-ordered memory
    elif layout == 2 and a.ndim >= 1:
        a = m.flip(m.flip(a, 0).copy(), 0)  # same values, negative strides
    return a


def _builtin_base(t):
    for c in t.__mro__:
        if c.__module__ == "builtins" and c not in (Exception, BaseException):
            return c
    return t


def same_value(x, y):
    if isinstance(x, list):
        return isinstance(y, list) and len(x) == len(y) and all(same_value(a, b) for a, b in zip(x, y))
    if type(x) is not type(y):
        return False
    if isinstance(x, float):
        return (math.isnan(x) and math.isnan(y)) or (x == y and math.copysign(1, x) == math.copysign(1, y))
    if isinstance(x, complex):
        return same_value(x.real, y.real) and same_value(x.imag, y.imag)
    return x == y


def describe(x):
    if isinstance(x, tuple):
        return ("tuple", [describe(v) for v in x])
    if isinstance(x, list):
        return ("list", [describe(v) for v in x])
    if isinstance(x, gf.ndarray) or (np is not None and isinstance(x, np.ndarray)):
        return ("array", tuple(x.shape), x.dtype.name, x.tolist())
    dt = getattr(x, "dtype", None)
    if dt is not None:
        return ("scalar", dt.name, x.item())
    return ("py", x)


def assert_same_desc(g, n, where=""):
    if isinstance(g, tuple) and g and g[0] in ("tuple", "list"):
        assert n[0] == g[0] and len(g[1]) == len(n[1]), f"{where}: {g} != {n}"
        for a, b in zip(g[1], n[1]):
            assert_same_desc(a, b, where)
        return
    assert g[:-1] == n[:-1], f"{where}: gilfree {g[:-1]} != numpy {n[:-1]}"
    assert same_value(g[-1], n[-1]), f"{where}: gilfree value {g[-1]!r} != numpy {n[-1]!r}"


def outcome(fn, m):
    try:
        return "ok", fn(m)
    except Exception as e:  # noqa: BLE001 - the exception type is what is compared
        return "err", e


def _numpy_outcome(fn):
    """NumPy's outcome of fn as plain data (recorded.py): ("ok", description) or ("err", builtin base
    exception name, message)."""
    kind, res = outcome(fn, np)
    if kind == "err":
        return "err", _builtin_base(type(res)).__name__, f"{type(res).__name__}: {res}"
    return "ok", describe(res)


def differential(fn, where, record=generated):
    """Runs fn(gilfree) and compares with NumPy's outcome of fn(numpy), computed now where NumPy is
    importable and replayed elsewhere (a case of a `given_recorded` test; `where` names it completely):
    same values/dtype/shape, or the same builtin exception type. Returns (kind, gilfree result). Outside a
    `given_recorded` test, `record` is recorded.answer."""
    want = record(where, lambda: _numpy_outcome(fn))
    g = outcome(fn, gf)
    if want[0] == "err":
        assert g[0] == "err", f"{where}: numpy raised {want[2]} but gilfree returned {g[1]!r}"
        assert issubclass(type(g[1]), getattr(builtins, want[1])), \
            f"{where}: numpy raised {want[2]}, gilfree {type(g[1]).__name__}: {g[1]}"
        return g
    if g[0] == "err":
        raise AssertionError(f"{where}: gilfree raised {type(g[1]).__name__}: {g[1]}; numpy gave {want[1]!r}") from g[1]
    assert_same_desc(describe(g[1]), want[1], where)
    return g
