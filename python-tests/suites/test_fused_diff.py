"""Fused expressions (gf.evaluate, @gf.fuse) against the unfused expression in NumPy and in gilfree.

hypothesis draws expressions (operators, comparisons, where, numexpr's functions, Python constants) over
arrays of every dtype, broadcast shapes and strided or reversed views. NumPy evaluates the same text
unfused, operator by operator; its answer is recorded on CPython and replayed on GraalPy (recorded.py).
Arithmetic compares bit for bit (signed zeros, NaN, infinities); expressions with transcendental functions,
powers or complex numbers compare within a few ulps of the result's scale, as the ufunc suites do. The
unfused gilfree chain, which calls the same loops, must agree with the fused result bit for bit. Then
out= aliasing, errstate raise/warn naming the ufunc as NumPy does, names from the caller's frame, the
errors of unsupported syntax, the tracing of @gf.fuse and its reductions.
"""
import math
import re
import warnings

import pytest
from hypothesis import HealthCheck, settings, strategies as st

import gilfree as gf
from oracle import np
from recorded import answer, generated, given_recorded

pytestmark = pytest.mark.numpy_answers
# derandomized: the same examples every run, so a CI run never meets a new edge case unannounced
FAST = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

DTYPES = ["float64", "float32", "int64", "int32", "int8", "uint8", "bool", "complex128", "complex64"]
BINOPS = ["+", "-", "*", "/"]
MOREOPS = ["//", "%", "<", "<=", ">", "==", "!="]
FUNCS = ["sin", "cos", "tan", "arctan", "exp", "expm1", "log", "log1p", "log10", "sqrt", "tanh", "sinh", "arcsinh",
         "abs", "conj", "real", "imag"]
# each shape broadcasts with every other
SHAPES = [(6,), (2, 6), (1, 6), (2, 1), ()]
VIEWS = ["plain", "reversed", "step2"]
_NAME = re.compile(r"\b[abc]\b")
RAISE = {"divide": "raise", "over": "raise", "invalid": "raise", "under": "ignore"}


def _namespace(m):
    """The functions an expression may call, as the unfused NumPy (or gilfree) functions."""
    ns = {f: getattr(m, f) for f in FUNCS if f not in ("abs", "conj")}
    ns.update(abs=m.absolute, conj=m.conjugate, where=m.where, arctan2=m.arctan2, fmod=m.fmod)
    return ns


def _unfused(m, ex, arrays):
    """The expression evaluated operator by operator (Python's eval over arrays of module m)."""
    return eval(ex, _namespace(m), dict(arrays))  # noqa: S307 - test expressions built by this module


def _values(dt, n, draw):
    if dt == "bool":
        return draw(st.lists(st.booleans(), min_size=n, max_size=n))
    if dt in ("int8", "uint8", "int32", "int64"):
        return draw(st.lists(st.integers(0 if dt == "uint8" else -9, 9), min_size=n, max_size=n))
    edge = st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.5, math.inf, -math.inf, math.nan])
    real = edge | st.floats(-8, 8, width=32)
    if dt.startswith("float"):
        return draw(st.lists(real, min_size=n, max_size=n))
    return [[draw(real), draw(real)] for _ in range(n)]


def _make(m, dt, shape, values, view):
    """An array of module m: `values` (complex as [re, im]) in `shape`, as a plain, reversed or step-2 view."""
    vals = [complex(*v) for v in values] if dt.startswith("complex") else values
    n = len(vals)
    if view == "plain" or not shape:
        return m.asarray(vals, dtype=dt).reshape(shape)
    if view == "reversed":
        return m.asarray(vals[::-1], dtype=dt).reshape(shape)[..., ::-1]
    base = m.zeros(2 * n, dtype=dt)
    base[::2] = m.asarray(vals, dtype=dt)
    return base[::2].reshape(shape)


def _expr(draw, names, depth, funcs):
    """A random expression text over `names` and small Python constants."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(names + ["2", "0.5", "3"]) if draw(st.integers(0, 3)) == 0 else st.sampled_from(names))
    kind = draw(st.sampled_from(["bin", "bin", "bin", "more", "neg", "where"] + (["func", "func"] if funcs else [])))
    sub = lambda: _expr(draw, names, depth - 1, funcs)  # noqa: E731
    if kind in ("bin", "more"):
        left, right = sub(), sub()
        if not _NAME.search(left) and not _NAME.search(right):
            # Python computes an operation between constants itself, before NumPy sees the rest: a division
            # by zero there would raise ZeroDivisionError where NumPy's left operand raised first
            right = names[0]
        return f"({left} {draw(st.sampled_from(BINOPS if kind == 'bin' else MOREOPS))} {right})"
    if kind == "neg":
        return f"(-{sub()})"
    if kind == "where":
        return f"where({sub()} > {sub()}, {sub()}, {sub()})"
    return f"{draw(st.sampled_from(FUNCS))}({sub()})"


@st.composite
def cases(draw, funcs):
    dt = draw(st.sampled_from(DTYPES))
    k = draw(st.integers(1, 3))
    names = ["a", "b", "c"][:k]
    arrays = {}
    for name in names:
        shape = draw(st.sampled_from(SHAPES))
        n = math.prod(shape)
        # a second dtype now and then: mixed-dtype promotion inside the expression
        adt = draw(st.sampled_from(DTYPES)) if draw(st.integers(0, 4)) == 0 else dt
        arrays[name] = [adt, list(shape), _values(adt, n, draw), draw(st.sampled_from(VIEWS))]
    return {"ex": _expr(draw, names, 3, funcs), "arrays": arrays}


def _build(m, case):
    return {k: _make(m, dt, tuple(shape), vals, view) for k, (dt, shape, vals, view) in case["arrays"].items()}


def _plain(x):
    """["ok", dtype, shape, values] of an array or scalar result (a Python number as NumPy would hold it)."""
    m = gf if np is None or isinstance(x, (gf.ndarray, gf.generic)) else np
    a = m.asarray(x)
    return ["ok", a.dtype.name, list(a.shape), a.ravel().tolist()]


def _outcome(fn):
    try:
        return _plain(fn())
    except Exception as e:  # noqa: BLE001 - the exception's builtin type is what is compared
        base = next(t for t in type(e).__mro__ if t.__module__ == "builtins")
        return ["err", base.__name__, str(e)]


def _exact(g, w):
    if isinstance(w, complex) or isinstance(g, complex):
        return _exact(complex(g).real, complex(w).real) and _exact(complex(g).imag, complex(w).imag)
    if isinstance(w, float) and math.isnan(w):
        return isinstance(g, float) and math.isnan(g)
    return g == w and (not isinstance(w, float) or math.copysign(1, g) == math.copysign(1, w))


_REL = {"float64": 1e-12, "complex128": 1e-12, "float32": 3e-5, "complex64": 3e-5, "float16": 4e-3}


def _close(g, w, dt):
    if isinstance(w, complex) or isinstance(g, complex):
        return _close(complex(g).real, complex(w).real, dt) and _close(complex(g).imag, complex(w).imag, dt)
    if isinstance(w, float) and (math.isnan(w) or math.isinf(w)):
        return _exact(g, w) or (math.isnan(w) and isinstance(g, float) and math.isnan(g))
    return abs(g - w) <= _REL.get(dt, 0.0) * max(1.0, abs(w))


def _needs_tolerance(case, dtype):
    return (dtype.startswith("complex") or dtype == "float16" or any(f + "(" in case["ex"] for f in FUNCS)
            or any(d[0].startswith("complex") or d[0] == "float16" for d in case["arrays"].values()))


def _compare(got, want, what, exact):
    if want[0] == "err":
        assert got[0] == "err", f"{what}: NumPy raised {want[1]}: {want[2]}, gilfree gave {got}"
        assert got[1] == want[1], f"{what}: NumPy raised {want[1]}: {want[2]}, gilfree {got[1]}: {got[2]}"
        return
    assert got[0] == "ok", f"{what}: gilfree raised {got[1]}: {got[2]}, NumPy gave {want}"
    assert got[1:3] == want[1:3], f"{what}: gilfree {got[1:3]} != NumPy {want[1:3]}"
    for i, (g, w) in enumerate(zip(got[3], want[3])):
        ok = _exact(g, w) if exact else _close(g, w, got[1])
        assert ok, f"{what}: element {i}: gilfree {g!r} NumPy {w!r}"


def _check(case, errmode="ignore"):
    ex = case["ex"]

    def fused():
        with gf.errstate(**(RAISE if errmode == "raise" else {"all": errmode})):
            return gf.evaluate(ex, local_dict=_build(gf, case))

    def numpy_answer():
        with np.errstate(**(RAISE if errmode == "raise" else {"all": errmode})):
            return _outcome(lambda: _unfused(np, ex, _build(np, case)))

    want = generated(f"{errmode} {case!r}", numpy_answer)
    got = _outcome(fused)
    exact = want[0] == "err" or not _needs_tolerance(case, want[1])
    _compare(got, want, ex, exact)
    if errmode == "raise" and want[0] == "err" and all(s for _, s, _, _ in case["arrays"].values()):
        assert got[2] == want[2], f"{ex}: gilfree raised {got[2]!r}, NumPy {want[2]!r}"
    if got[0] == "ok" and all(s for _, s, _, _ in case["arrays"].values()):
        # the unfused gilfree chain calls the same loops: bit for bit (0-d operands excepted: they become scalars)
        with gf.errstate(all="ignore"):
            unfused = _outcome(lambda: _unfused(gf, ex, _build(gf, case)))
        _compare(got, unfused, f"{ex} (gilfree unfused)", True)


@given_recorded(FAST, cases(funcs=False))
def test_arithmetic_expressions_match_numpy_bit_for_bit(case):
    _check(case)


@given_recorded(FAST, cases(funcs=True))
def test_expressions_with_functions_match_numpy(case):
    _check(case)


@given_recorded(settings(FAST, max_examples=60), cases(funcs=True))
def test_errstate_raise_names_the_ufunc_numpy_names(case):
    _check(case, "raise")


# ----------------------------------------------------------------------------- the issue's expressions

ISSUE = ["2*a + 3*b*c", "a**2 + b**2 < 1", "where(a > b, a - b, b - a)", "exp(-a**2 / 2) * c", "sum(a * b)"]


@pytest.mark.parametrize("dt", ["float64", "float32"])
@pytest.mark.parametrize("ex", ISSUE)
def test_the_issues_expressions(ex, dt):
    n = 10_000  # several blocks
    vals = {k: [((i * (7 + j)) % 101) / 25.0 - 2 for i in range(n)] for j, k in enumerate("abc")}

    def numpy_answer():
        arrays = {k: np.asarray(v, dtype=dt) for k, v in vals.items()}
        ns = _namespace(np)
        ns["sum"] = np.sum
        return _plain(eval(ex, ns, arrays))  # noqa: S307

    want = answer(f"fused issue expression {ex} {dt} n={n}", numpy_answer)
    arrays = {k: gf.asarray(v, dtype=dt) for k, v in vals.items()}
    got = _plain(gf.evaluate(ex, local_dict=arrays))
    _compare(got, want, ex, exact=ex in ("2*a + 3*b*c", "where(a > b, a - b, b - a)"))


# ----------------------------------------------------------------------------- out=, errstate, frames

def test_out_may_be_an_input():
    a = gf.asarray([1.0, 2.0, 3.0])
    b = gf.asarray([10.0, 20.0, 30.0])
    r = gf.evaluate("2*a + b", out=a)
    assert r is a
    assert a.tolist() == [12.0, 24.0, 36.0]
    rev = gf.arange(6.0)
    gf.evaluate("x + 1", local_dict={"x": rev[::-1]}, out=rev)  # out overlaps the input reversed
    assert rev.tolist() == [6.0, 5.0, 4.0, 3.0, 2.0, 1.0]


def test_out_casting_follows_the_casting_rule():
    a = gf.asarray([1.5, 2.5])
    o = gf.zeros(2, dtype="int64")
    with pytest.raises(TypeError, match="casting rule 'safe'"):
        gf.evaluate("a * 2", out=o)
    gf.evaluate("a * 2", out=o, casting="unsafe")
    assert o.tolist() == [3, 5]
    f = gf.zeros(2, dtype="float32")
    gf.evaluate("a * 2", out=f, casting="same_kind")
    assert f.dtype == gf.float32 and f.tolist() == [3.0, 5.0]


def test_a_frozen_out_is_refused():
    a = gf.asarray([1.0, 2.0])
    gf.freeze(a)
    with pytest.raises(ValueError, match="read-only"):
        gf.evaluate("a + 1", out=a)
    assert a.tolist() == [1.0, 2.0]


@pytest.mark.thread_unsafe(reason="records warnings, which are process-wide")
@pytest.mark.parametrize("ex,messages", [
    ("a / b", ["divide by zero encountered in divide"]),
    ("log(a - 1) * b", ["divide by zero encountered in log", "invalid value encountered in multiply"]),
    ("sqrt(-a) + a / b", ["invalid value encountered in sqrt", "divide by zero encountered in divide"]),
    ("exp(a * 1000) - exp(a * 1000)", ["overflow encountered in exp", "overflow encountered in exp",
                                       "invalid value encountered in subtract"]),
])
def test_warnings_are_the_unfused_chains(ex, messages):
    a = gf.asarray([1.0, 2.0])
    b = gf.asarray([0.0, 1.0])
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        with gf.errstate(all="warn"):
            gf.evaluate(ex)
    got = [str(w.message) for w in rec if issubclass(w.category, RuntimeWarning)]
    # once per ufunc and condition, in evaluation order, as the unfused chain warns
    assert got == messages
    if np is not None:
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            with np.errstate(all="warn"):
                _unfused(np, ex, {"a": np.asarray([1.0, 2.0]), "b": np.asarray([0.0, 1.0])})
        assert [str(w.message) for w in rec if issubclass(w.category, RuntimeWarning)] == messages


def test_errstate_raise_stops_with_the_first_ufunc():
    a = gf.asarray([0.0, -1.0])
    with gf.errstate(divide="raise", invalid="raise"):
        with pytest.raises(FloatingPointError, match="divide by zero encountered in log"):
            gf.evaluate("log(a) + sqrt(a)")
        with pytest.raises(FloatingPointError, match="invalid value encountered in sqrt"):
            gf.evaluate("sqrt(a) + log(a)")
    with gf.errstate(all="ignore"):
        r = gf.evaluate("sqrt(a) + log(a)")
    assert math.isnan(r.tolist()[1])


_GLOBAL_ARRAY = gf.asarray([1.0, 2.0, 3.0])


def test_names_resolve_from_the_callers_frame():
    scale = 2.0
    local = gf.asarray([1.0, 1.0, 1.0])
    assert gf.evaluate("_GLOBAL_ARRAY * scale + local").tolist() == [3.0, 5.0, 7.0]

    def inner():
        x = local  # noqa: F841 - a local of the inner frame (a name only the string mentions is not one)
        return gf.evaluate("x * 10")
    assert inner().tolist() == [10.0, 10.0, 10.0]
    # explicit dicts win; a local shadows a global
    assert gf.evaluate("_GLOBAL_ARRAY", local_dict={"_GLOBAL_ARRAY": local}).tolist() == [1.0, 1.0, 1.0]
    assert gf.evaluate("x + y", local_dict={"x": 1}, global_dict={"y": gf.asarray([2, 3])}).tolist() == [3, 4]
    with pytest.raises(KeyError):
        gf.evaluate("undefined_name + 1")


def test_python_scalars_are_weak_and_lists_become_arrays():
    a = gf.asarray([1.0, 2.0], dtype="float32")
    assert gf.evaluate("a * 0.1").dtype == gf.float32
    s = 3
    assert gf.evaluate("a + s").dtype == gf.float32
    assert gf.evaluate("x * 2", local_dict={"x": [1, 2]}).tolist() == [2, 4]
    assert gf.evaluate("1 + 2").tolist() == 3  # a constant expression: a 0-d array, as numexpr returns


@pytest.mark.parametrize("ex,error", [
    ("a and b", TypeError), ("not a", TypeError), ("a if b else a", TypeError), ("a[0]", ValueError),
    ("lambda: a", ValueError), ("sum(a) + 1", RuntimeError), ("foo(a)", TypeError), ("sin(a, b)", TypeError),
    ("a +", SyntaxError), ("a.shape", ValueError), ("'text'", TypeError),
])
def test_unsupported_syntax_raises_numexprs_error_type(ex, error):
    a = b = gf.asarray([1.0, 2.0])  # noqa: F841 - read by the expression
    with pytest.raises(error):
        gf.evaluate(ex)


def test_reductions_in_evaluate():
    a = gf.asarray([[1.0, 2.0], [3.0, 4.0]])
    assert gf.evaluate("sum(a * 2)").tolist() == 20.0
    assert gf.evaluate("prod(a + 1)").tolist() == 120.0
    assert gf.evaluate("sum(a, axis=0)").tolist() == [4.0, 6.0]
    assert gf.evaluate("sum(a, 1)").tolist() == [3.0, 7.0]
    assert gf.evaluate("sum(a > 1)").tolist() == 3  # bools sum as int64, as np.sum does
    with pytest.raises(ValueError):
        gf.evaluate("sum(a)", out=gf.zeros(()))


def test_evaluate_reads_real_and_imag_and_complex_functions():
    z = gf.asarray([1 + 2j, -3 - 4j])
    assert gf.evaluate("real(z) + imag(z)").tolist() == [3.0, -7.0]
    assert gf.evaluate("z.imag").tolist() == [2.0, -4.0]
    assert gf.evaluate("abs(z)").tolist() == [math.sqrt(5), 5.0]
    assert gf.evaluate("conj(z)").tolist() == [1 - 2j, -3 + 4j]
    x = gf.asarray([1.0, 2.0])
    assert gf.evaluate("imag(x)").tolist() == [0.0, 0.0]


# ----------------------------------------------------------------------------- @gf.fuse

def _issue_function(xp, a, b, c):
    return 2 * a + 3 * b * c


@pytest.mark.parametrize("dt", ["float64", "float32", "int32", "complex128"])
def test_fuse_matches_the_unfused_function(dt):
    vals = [[1, 2, 3, 4], [5, 6, 7, 8], [2, 0, 1, 3]]
    fused = gf.fuse(lambda a, b, c: _issue_function(gf, a, b, c))
    got = _plain(fused(*(gf.asarray(v, dtype=dt) for v in vals)))
    want = answer(f"fuse 2*a + 3*b*c {dt}", lambda: _plain(_issue_function(np, *(np.asarray(v, dtype=dt) for v in vals))))
    _compare(got, want, f"fuse {dt}", exact=not dt.startswith("complex"))


def test_fuse_traces_once_per_dtypes_and_ndim():
    calls = []

    @gf.fuse
    def f(x, y):
        calls.append(1)
        return gf.where(x > y, gf.exp(-x) * y, x - y)

    a, b = gf.asarray([1.0, 5.0]), gf.asarray([2.0, 3.0])
    first = f(a, b)
    f(b, a)
    assert len(calls) == 1
    f(a.astype("float32"), b)
    assert len(calls) == 2
    f(gf.asarray([[1.0]]), b)
    assert len(calls) == 3
    with gf.errstate(all="ignore"):
        unfused = gf.where(a > b, gf.exp(-a) * b, a - b)
    assert first.tolist() == unfused.tolist()


def test_fuse_python_scalar_arguments_are_weak_constants():
    @gf.fuse
    def scale(x, s):
        return x * s + 1

    x = gf.asarray([1.0, 2.0], dtype="float32")
    r = scale(x, 0.5)
    assert r.dtype == gf.float32 and r.tolist() == [1.5, 2.0]
    assert scale(x, 2).tolist() == [3.0, 5.0]  # a new value: traced again, not the old constant


@pytest.mark.parametrize("red,want", [("sum", 30.0), ("prod", 576.0), ("max", 16.0), ("min", 1.0), ("mean", 7.5)])
def test_fuse_final_reductions(red, want):
    f = gf.fuse(lambda x: getattr(gf, red)(x * x))
    g = gf.fuse(lambda x: getattr(x * x, red)())
    a = gf.asarray([1.0, 2.0, 3.0, 4.0])
    assert f(a) == want and g(a) == want
    assert isinstance(f(a), gf.float64)


def test_fuse_reports_what_it_cannot_trace():
    a = gf.asarray([1.0, 2.0])
    with pytest.raises(TypeError, match="bool"):
        gf.fuse(lambda x: x if x > 0 else -x)(a)
    with pytest.raises(TypeError, match="indexing"):
        gf.fuse(lambda x: x[0] + 1)(a)
    with pytest.raises(TypeError, match="captured"):
        gf.fuse(lambda x: x + a)(a)
    with pytest.raises(TypeError, match="axis"):
        gf.fuse(lambda x: gf.sum(x, axis=0))(a)
    with pytest.raises(TypeError, match="last operation"):
        gf.fuse(lambda x: gf.sum(x) + 1)(a)
    with pytest.raises(TypeError, match=r"\.shape"):
        gf.fuse(lambda x: x.shape)(a)
    # an ordinary ufunc call during and after tracing is untouched
    assert gf.add(a, 1).tolist() == [2.0, 3.0]


def test_fuse_errstate_is_the_unfused_functions():
    f = gf.fuse(lambda x, y: gf.log(x) / y)
    with gf.errstate(divide="raise"):
        with pytest.raises(FloatingPointError, match="divide by zero encountered in log"):
            f(gf.asarray([0.0, 1.0]), gf.asarray([1.0, 1.0]))
        with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
            f(gf.asarray([2.0, 1.0]), gf.asarray([0.0, 1.0]))
