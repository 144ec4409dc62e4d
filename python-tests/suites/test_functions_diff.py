"""Differential checks for the functions the other suites do not name: the two-output ufuncs (divmod, frexp,
modf), ldexp, NumPy's aliases (amax, amin, around, fix, mod, true_divide, bitwise_not), cumulative_sum/prod,
flatnonzero, array_equal, and partition/argpartition (checked as partitions: gilfree returns a full sort,
a valid partition for every kth, see docs/deviations.md). Every dtype, edge values from _ufunc_cases.
Runs on GraalPy against NumPy's answers recorded by the CPython run (recorded.py)."""
import math

import pytest

import gilfree as gf
from _ufunc_cases import REAL, values, ulp_close
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

ERRORS = {"TypeError": TypeError, "ValueError": ValueError}


def _plain(r):
    """A NumPy result (array, scalar or tuple of them) as plain data."""
    if isinstance(r, tuple):
        return {"tuple": [_plain(x) for x in r]}
    if isinstance(r, bool):  # array_equal
        return {"bool": bool(r)}
    r = np.asarray(r)
    return {"dtype": r.dtype.name, "shape": list(r.shape), "values": r.tolist()}


def _numpy(key, fn):
    def compute():
        try:
            with np.errstate(all="ignore"):
                return _plain(fn())
        except (TypeError, ValueError) as e:
            return {"error": type(e).__name__}
    return answer(key, compute)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _check(got, want, ctx, ulps=0):
    if "tuple" in want:
        assert isinstance(got, tuple) and len(got) == len(want["tuple"]), ctx
        for g, w in zip(got, want["tuple"]):
            _check(g, w, ctx, ulps)
        return
    if "bool" in want:
        assert got is want["bool"] or got == want["bool"] and type(got) is bool, f"{ctx}: {got!r}"
        return
    if not isinstance(got, gf.ndarray):  # a scalar (amax of a 1-d array): compare it as a 0-d array
        got = gf.asarray(got)
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], ctx
    f32 = {"float32": True, "float16": 16}.get(want["dtype"], False)
    for i, (x, y) in enumerate(zip(_flat(got.tolist()), _flat(want["values"]))):
        if isinstance(y, float):
            assert ulp_close(x, y, ulps, f32), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
            if y == 0 and not math.isnan(x):
                assert math.copysign(1, x) == math.copysign(1, y), f"{ctx} element {i}: sign of zero"
        else:
            assert x == y, f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def _run(name, dt, args, gcall, ncall, ulps=0):
    key = f"functions {name} {dt} {args!r}"

    def numpy_result():
        return ncall(*[np.asarray(a, dtype=d) for a, d in args])
    want = _numpy(key, numpy_result)
    gargs = [gf.asarray(a, dtype=d) for a, d in args]
    with gf.errstate(all="ignore"):
        if "error" in want:
            with pytest.raises(ERRORS[want["error"]]):
                gcall(*gargs)
            return
        _check(gcall(*gargs), want, f"{name}({dt})", ulps)


UNARY = ["frexp", "modf", "fix", "bitwise_not", "amax", "amin", "around", "cumulative_sum", "cumulative_prod",
         "flatnonzero"]
BINARY = ["divmod", "mod", "true_divide", "ldexp", "array_equal"]


@pytest.mark.parametrize("dt", REAL)
@pytest.mark.parametrize("name", UNARY)
def test_unary_functions_match_numpy(name, dt):
    _run(name, dt, [(values(dt, 24, 3), dt)], getattr(gf, name), lambda *a: getattr(np, name)(*a))


@pytest.mark.parametrize("dt", REAL)
@pytest.mark.parametrize("name", BINARY)
def test_binary_functions_match_numpy(name, dt):
    second = (values("int32", 24, 4), "int32") if name == "ldexp" else (values(dt, 24, 4), dt)
    _run(name, dt, [(values(dt, 24, 3), dt), second], getattr(gf, name), lambda *a: getattr(np, name)(*a))


@pytest.mark.parametrize("dt", [d for d in REAL if d != "bool"])
@pytest.mark.parametrize("kth", [0, 5, 23, -1])
def test_partition_and_argpartition_are_partitions_at_numpys_kth_value(dt, kth):
    vs = [v for v in values(dt, 24, 5) if not (isinstance(v, float) and math.isnan(v))][:20]
    k = (kth if kth < len(vs) else len(vs) - 1) % len(vs)
    want = _numpy(f"functions partition {dt} {vs!r} {k}", lambda: np.partition(np.asarray(vs, dtype=dt), k))
    kv = want["values"][k]
    for got in (gf.partition(gf.asarray(vs, dtype=dt), k).tolist(),
                [vs_i for vs_i in gf.asarray(vs, dtype=dt)[gf.argpartition(gf.asarray(vs, dtype=dt), k)].tolist()]):
        assert got[k] == kv, f"partition({dt}, {k}): kth {got[k]!r} != numpy {kv!r}"
        assert all(x <= kv for x in got[:k]) and all(x >= kv for x in got[k + 1:]), f"partition({dt}, {k}): {got}"
        assert sorted(got) == sorted(want["values"])


@pytest.mark.parametrize("dt", ["bool", "int32", "uint8", "float32", "float64"])
@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_cumulative_with_initial_matches_numpy(name, dt, axis):
    vs = values(dt, 12, 6)
    _run(f"{name} include_initial axis={axis}", dt, [(vs, dt)],
         lambda a: getattr(gf, name)(a.reshape(3, 4), axis=axis, include_initial=True),
         lambda a: getattr(np, name)(a.reshape(3, 4), axis=axis, include_initial=True))
