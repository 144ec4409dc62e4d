"""Differential suite for reductions against NumPy: axis (int, negative, tuple, None), keepdims, dtype,
where, initial, empty and 0-d input, nan-variants, cumulative sums, arg-reductions.

Floats within a few ulps of NumPy's (pairwise summation on both sides, in a different order); integers exact.
Every case also runs on GraalPy against NumPy's answers recorded by the CPython run (recorded.py)."""
import math
import warnings

import pytest

import gilfree as gf
from _ufunc_cases import REAL, Input, values
from oracle import np
from recorded import answer
pytestmark = pytest.mark.numpy_answers

REL = {"float64": 1e-13, "float32": 2e-5}


def _record(want):
    """A NumPy result as plain data (what recorded.py stores)."""
    if isinstance(want, np.ndarray):
        return {"array": True, "dtype": want.dtype.name, "shape": list(want.shape), "values": want.tolist()}
    return {"array": False, "dtype": want.dtype.name, "values": want.item()}


def _same(got, want, ctx, rel=None):
    """got (gilfree) against want: a NumPy result or its _record."""
    if not isinstance(want, dict):
        want = _record(want)
    if want["array"]:
        assert isinstance(got, gf.ndarray), f"{ctx}: got {type(got).__name__}, numpy gave an array"
        assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != {want['shape']}"
        g = got.tolist()
    else:
        assert not isinstance(got, gf.ndarray), f"{ctx}: got an array, numpy gave a scalar"
        g = got.item()
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != {want['dtype']}"
    _close(g, want["values"], ctx, rel if rel is not None else REL.get(want["dtype"], 0))


def _close(g, w, ctx, rel):
    if isinstance(w, list):
        assert isinstance(g, list) and len(g) == len(w), ctx
        for x, y in zip(g, w):
            _close(x, y, ctx, rel)
        return
    if isinstance(w, float):
        if math.isnan(w):
            assert math.isnan(g), f"{ctx}: {g} != nan"
        elif math.isinf(w):
            assert g == w, f"{ctx}: {g} != {w}"
        else:
            assert abs(g - w) <= rel * max(abs(w), 1e-300) + 1e-300, f"{ctx}: {g!r} != {w!r}"
    else:
        assert g == w and type(g) is type(w), f"{ctx}: {g!r} != {w!r}"


def _arrays(dt, shape, seed=0, finite=True):
    n = math.prod(shape)
    vs = values(dt, max(n, 1), seed)
    if finite and dt.startswith("float"):
        vs = [v if math.isfinite(v) and abs(v) < 1e30 and abs(v) > 1e-30 or v == 0 else 1.25 for v in vs]
    vs = vs[:n]
    return gf.asarray(vs, dtype=dt).reshape(shape) if n else gf.zeros(shape, dtype=dt), Input(vs, dt, shape)


def _both(fn_name, ga, spec, **kw):
    """gilfree's fn_name(ga, **kw) and NumPy's answer for the same input; (None, None) once both refused it.
    A keyword argument given as an Input (a where= mask) is passed as each module's array."""
    def compute():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                try:
                    want = getattr(np, fn_name)(spec.np(), **{k: _arg(v, "np") for k, v in kw.items()})
                except Exception as e:  # noqa: BLE001 - the exception type is what we compare
                    return {"error": next(b.__name__ for b in (ValueError, TypeError, IndexError) if isinstance(e, b))}
        if isinstance(want, int):  # count_nonzero(axis=None) gives a Python int
            return {"int": want}
        return _record(want)
    key = sorted((k, _arg(v, "key")) for k, v in kw.items())
    want = answer(f"reduce {fn_name} {spec.key()} {key!r}", compute)
    gkw = {k: _arg(v, "gf") for k, v in kw.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with gf.errstate(all="ignore"):
            if "error" in want:
                with pytest.raises({"ValueError": ValueError, "TypeError": TypeError, "IndexError": IndexError}[want["error"]]):
                    getattr(gf, fn_name)(ga, **gkw)
                return None, None
            got = getattr(gf, fn_name)(ga, **gkw)
    return got, want


def _arg(v, side):
    return getattr(v, side)() if isinstance(v, Input) else v


AXES = [None, 0, 1, -1, (0, 2), (0, 1, 2), ()]
FUNCS = ["sum", "prod", "max", "min", "mean", "any", "all", "var", "std", "ptp"]


@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("dt", REAL)
@pytest.mark.parametrize("fn", FUNCS)
def test_reduction_axes(fn, dt, axis):
    ga, na = _arrays(dt, (2, 3, 4), seed=1)
    if fn == "prod" and dt.startswith("float"):
        ga, na = _arrays(dt, (2, 3, 4), seed=1)
    if fn in ("var", "std", "mean", "ptp") and axis == ():
        return
    if fn == "ptp" and dt == "bool":
        return
    for keepdims in (False, True):
        got, want = _both(fn, ga, na, axis=axis, keepdims=keepdims)
        if want is None:
            continue
        rel = 1e-5 if dt == "float32" or fn in ("var", "std") and dt in ("int64", "uint64") else None
        _same(got, want, f"{fn}({dt}, axis={axis}, keepdims={keepdims})", rel)


@pytest.mark.parametrize("fn", ["sum", "prod", "max", "min", "mean", "any", "all", "argmax", "argmin", "var"])
@pytest.mark.parametrize("shape", [(0,), (3, 0), ()], ids=str)
def test_empty_and_0d(fn, shape):
    ga, na = _arrays("float64", shape)
    for axis in ([None, 0, -1] if shape else [None]):
        if shape == (3, 0) and axis is None and fn in ("argmax", "argmin"):
            continue
        got, want = _both(fn, ga, na, axis=axis)
        if want is not None:
            _same(got, want, f"{fn} {shape} axis={axis}")


@pytest.mark.parametrize("dt", ["int8", "uint16", "int32", "float32", "bool"])
@pytest.mark.parametrize("fn", ["sum", "prod", "cumsum", "cumprod"])
def test_default_and_explicit_accumulator_dtype(fn, dt):
    ga, na = _arrays(dt, (4, 5), seed=2)
    for kw in ({}, {"dtype": "float64"}, {"dtype": "int16"}, {"axis": 0}, {"axis": 1, "dtype": "int64"}):
        got, want = _both(fn, ga, na, **kw)
        if want is not None:
            _same(got, want, f"{fn}({dt}, {kw})", 1e-5)


@pytest.mark.parametrize("fn", ["sum", "prod", "max", "min", "any", "all"])
@pytest.mark.parametrize("dt", ["int32", "float64", "bool"])
def test_where_and_initial(fn, dt):
    ga, na = _arrays(dt, (3, 4), seed=3)
    mask = Input([(i + j) % 3 != 0 for i in range(3) for j in range(4)], "bool", (3, 4))
    kws = [{"where": mask}, {"axis": 0, "where": mask}] if fn not in ("max", "min") else []
    if fn not in ("any", "all"):
        kws += [{"initial": 5}, {"axis": 1, "initial": 5, "where": mask}]
    for kw in kws:
        got, want = _both(fn, ga, na, **kw)
        assert want is not None, f"numpy refused {fn}({dt}, {list(kw)})"
        _same(got, want, f"{fn}({dt}, {list(kw)})")


def test_max_with_where_needs_initial():
    x, where = Input([0.0, 1.0, 2.0], "float64", (3,)), Input([True, False, True], "bool", (3,))
    assert _both("max", x.gf(), x, where=where) == (None, None)  # NumPy and gilfree raise ValueError
    with pytest.raises(ValueError, match="initial"):
        gf.max(x.gf(), where=where.gf())


def test_empty_max_raises_like_numpy():
    with pytest.raises(ValueError, match="zero-size array to reduction operation maximum which has no identity"):
        gf.max(gf.zeros((0,)))


@pytest.mark.parametrize("axis", [None, 0, 1, -1], ids=str)
@pytest.mark.parametrize("dt", REAL)
@pytest.mark.parametrize("fn", ["argmax", "argmin", "cumsum", "cumprod", "count_nonzero"])
def test_arg_and_cumulative(fn, dt, axis):
    ga, na = _arrays(dt, (3, 5), seed=4, finite=False)
    if fn == "cumprod" and dt.startswith("float"):
        ga, na = _arrays(dt, (3, 5), seed=4)
    got, want = _both(fn, ga, na, axis=axis)
    if want is None:
        return
    if fn == "count_nonzero" and axis is None:
        assert got == want.get("int", want.get("values")) and type(got) is int
        return
    _same(got, want, f"{fn}({dt}, axis={axis})", 1e-5)


@pytest.mark.parametrize("axis", [None, 0, 1], ids=str)
@pytest.mark.parametrize("fn", ["nansum", "nanprod", "nanmax", "nanmin", "nanmean", "nanvar", "nanstd",
                                "nanargmax", "nanargmin", "nancumsum", "nancumprod"])
def test_nan_variants(fn, axis):
    rows = [[1.0, math.nan, 3.0, -2.0], [math.nan, 4.5, 0.25, 8.0], [2.0, 2.0, math.nan, -1.0]]
    ga, na = gf.asarray(rows), Input(rows, "float64", (3, 4))
    got, want = _both(fn, ga, na, axis=axis)
    if want is not None:
        _same(got, want, f"{fn}(axis={axis})")


def test_all_nan_slice_warns():
    a = gf.asarray([[math.nan, 1.0], [math.nan, 2.0]])
    with pytest.warns(RuntimeWarning, match="All-NaN slice encountered"):
        r = gf.nanmax(a, axis=0)
    assert math.isnan(r.tolist()[0]) and r.tolist()[1] == 2.0
    with pytest.raises(ValueError, match="All-NaN slice encountered"):
        gf.nanargmax(a, axis=0)


@pytest.mark.parametrize("ddof", [0, 1, 2])
def test_var_std_ddof(ddof):
    ga, na = _arrays("float64", (4, 6), seed=5)
    for fn in ("var", "std"):
        for axis in (None, 0, 1):
            got, want = _both(fn, ga, na, axis=axis, ddof=ddof)
            _same(got, want, f"{fn}(ddof={ddof}, axis={axis})")


def test_pairwise_sum_is_accurate():
    n = 999_999
    ga = gf.full((n,), 0.1)
    want = answer(f"reduce sum full({n}, 0.1)", lambda: float(np.full((n,), 0.1).sum()))
    got = gf.sum(ga)
    assert abs(float(got) - float(want)) <= 4 * math.ulp(float(want))
    assert abs(float(gf.sum(ga.reshape(1001, 999), axis=0).sum()) - float(want)) < 1e-6


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum", "logical_or", "bitwise_xor", "subtract"])
def test_ufunc_reduce_accumulate_outer(name):
    ga, na = _arrays("int16", (3, 4), seed=6)
    v = Input([1, 2, 3], "int16", (3,))
    axes = [axis for axis in (0, 1, None, (0, 1)) if name != "subtract" or axis not in (None, (0, 1))]

    def results(u, a, v):  # u.reduce over each axis, u.accumulate, u.outer
        return [u.reduce(a, axis=axis) for axis in axes] + [u.accumulate(a, axis=1), u.outer(v, v)]
    want = answer(f"reduce {name}.reduce/accumulate/outer {na.key()} {v.key()} {axes!r}",
                  lambda: [_record(r) for r in results(getattr(np, name), na.np(), v.np())])
    got = results(getattr(gf, name), ga, v.gf())
    for what, g, w in zip([f".reduce(axis={axis})" for axis in axes] + [".accumulate", ".outer"], got, want):
        _same(g, w, name + what)


def test_ufunc_at():
    def at(m):
        a = m.zeros(5, dtype="int64")
        m.add.at(a, [0, 1, 1, 4], 3)
        after_add = a.tolist()
        m.negative.at(a, [1])
        return after_add, a.tolist()
    assert at(gf) == answer("reduce add.at negative.at", lambda: at(np))


def test_axis_errors():
    a = gf.zeros((2, 3))
    with pytest.raises(gf.AxisError):
        gf.sum(a, axis=2)
    with pytest.raises(IndexError):
        gf.sum(a, axis=-3)
    with pytest.raises(ValueError, match="duplicate"):
        gf.sum(a, axis=(0, 0))


@pytest.mark.parametrize("dt", ["int8", "uint8", "float64", "bool"])
@pytest.mark.parametrize("n,axis", [(1, -1), (2, -1), (1, 0), (0, 1), (3, 1)])
def test_diff(dt, n, axis):
    ga, na = _arrays(dt, (3, 5), seed=12)
    got, want = _both("diff", ga, na, n=n, axis=axis)
    assert want is not None, f"numpy refused diff({dt}, n={n}, axis={axis})"
    _same(got, want, f"diff({dt}, n={n}, axis={axis})")
