"""Differential checks of the manipulation, set and small math functions (_array_edits, _setops, _numeric_misc):
insert, delete, append, resize, rot90, rollaxis, hsplit/vsplit/dsplit, block, trim_zeros, select, extract, the set
routines, convolve/correlate, cross, kron, interp, gradient, ediff1d, trapezoid, sinc, nan_to_num, degrees, radians,
fabs, isposinf/isneginf, the complex/real tests and isscalar/ndim/shape/size/iterable.

Each case is one expression in `m` (the module: gilfree, or NumPy on CPython); the expression is the case's key,
so it names the case completely. NumPy's answer is recorded on CPython and replayed on GraalPy (recorded.py)."""
import math
import warnings

import pytest

import gilfree as gf
from _ufunc_cases import ulp_close
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

ERRORS = {"TypeError": TypeError, "ValueError": ValueError, "IndexError": IndexError, "AxisError": gf.AxisError,
          "OverflowError": OverflowError}


def _plain(r):
    if isinstance(r, (tuple, list)):
        return {"seq": [_plain(x) for x in r], "type": type(r).__name__}
    if isinstance(r, (bool, int, float)) and not isinstance(r, np.generic):
        return {"py": r, "type": type(r).__name__}
    kind = "array" if isinstance(r, np.ndarray) else "scalar"
    r = np.asarray(r)
    return {"kind": kind, "dtype": r.dtype.name, "shape": list(r.shape), "values": r.tolist()}


def _run_numpy(expr):
    def compute():
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return _plain(eval(expr, {"m": np, "nan": math.nan, "inf": math.inf}))
        except np.exceptions.AxisError:
            return {"error": "AxisError"}
        except (TypeError, ValueError, IndexError, OverflowError) as e:
            return {"error": type(e).__name__}
    return answer(f"misc {expr}", compute)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _check(got, want, ctx, ulps):
    if "seq" in want:
        assert type(got).__name__ == want["type"] and len(got) == len(want["seq"]), f"{ctx}: {got!r}"
        for g, w in zip(got, want["seq"]):
            _check(g, w, ctx, ulps)
        return
    if "py" in want:
        same = got == want["py"] or isinstance(got, float) and math.isnan(got) and math.isnan(want["py"])
        assert type(got).__name__ == want["type"] and same, f"{ctx}: {got!r} != {want['py']!r}"
        return
    kind = "array" if isinstance(got, gf.ndarray) else "scalar"
    assert kind == want["kind"], f"{ctx}: gilfree gives a {kind}, numpy a {want['kind']}: {got!r}"
    assert isinstance(got, (gf.ndarray, gf.generic)), f"{ctx}: {type(got)}"
    got = gf.asarray(got)
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != numpy {want['shape']}"
    f32 = {"float32": True, "complex64": True, "float16": 16}.get(want["dtype"], False)
    for i, (x, y) in enumerate(zip(_flat(got.tolist()), _flat(want["values"]))):
        if isinstance(y, complex):
            assert ulp_close(x.real, y.real, ulps, f32) and ulp_close(x.imag, y.imag, ulps, f32), \
                f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
        elif isinstance(y, float):
            assert ulp_close(x, y, ulps, f32), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
            if y == 0 and not math.isnan(x):
                assert math.copysign(1, x) == math.copysign(1, y), f"{ctx} element {i}: sign of zero"
        else:
            assert x == y and type(x) is type(y), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def check(expr, ulps=0):
    want = _run_numpy(expr)
    env = {"m": gf, "nan": math.nan, "inf": math.inf}
    with gf.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "error" in want:
            with pytest.raises(ERRORS[want["error"]]):
                eval(expr, env)
            return
        got = eval(expr, env)
    _check(got, want, expr, ulps)


INTS = ["int8", "uint8", "int32", "int64", "uint64"]
DTYPES = ["bool"] + INTS + ["float32", "float64", "complex128"]

EDITS = [
    "m.insert(m.arange(5), 2, 9)", "m.insert(m.arange(5), -1, 9)", "m.insert(m.arange(5), 5, [7, 8])",
    "m.insert(m.arange(5), 6, 9)", "m.insert(m.arange(5), -6, 9)", "m.insert(m.arange(5), [1, 1, 3], [7, 8, 9])",
    "m.insert(m.arange(5), [-1, 0], 9)", "m.insert(m.arange(5), [], 9)", "m.insert(m.arange(5), slice(1, 4), 9)",
    "m.insert(m.arange(5), [7], 9)", "m.insert(m.arange(5), [[1]], 9)", "m.insert(m.arange(6).reshape(2, 3), 1, 9)",
    "m.insert(m.arange(6).reshape(2, 3), 1, 9, axis=1)", "m.insert(m.arange(6).reshape(2, 3), 1, [7, 8], axis=1)",
    "m.insert(m.arange(6).reshape(2, 3), [0, 3], [[7], [8]], axis=1)",
    "m.insert(m.arange(6).reshape(2, 3), 0, [5, 6, 7], axis=0)", "m.insert(m.arange(6).reshape(2, 3), 0, 1, axis=2)",
    "m.insert(m.arange(4.0), 1, 2.5)", "m.insert(m.arange(4, dtype='int8'), 1, 2.7)", "m.insert(m.zeros(0), 0, 1)",
    "m.insert(m.asarray([True, False]), 1, 0)", "m.insert(m.arange(4), 1.5, 9)", "m.insert(m.arange(4), [1.5], 9)",
    "m.insert(m.arange(4), [1.5, 2], 9)", "m.insert(m.arange(4), [9.5], 9)", "m.insert(m.arange(5), [6, 0], 9)",
    "m.insert(m.arange(5), [-6, -7], [8, 9])", "m.insert(m.arange(5), [5, 5], [8, 9])",
    "m.insert(m.arange(6).reshape(2, 3), [1], [7, 8, 9], axis=1)", "m.insert(m.arange(6).reshape(2, 3), [1], [[7], [8]], axis=1)",
    "m.insert(m.arange(6).reshape(2, 3), [1, 2], [[7], [8]], axis=1)", "m.insert(m.arange(6).reshape(2, 3), 1, [[7], [8]], axis=1)",
    "m.insert(m.arange(4), m.asarray([True, False, True, False]), 9)", "m.insert(m.arange(4), m.zeros((2, 2), dtype=bool), 9)",
    "m.insert(m.arange(4), m.zeros(0), 9)", "m.insert(m.asarray(5), 0, 9)", "m.insert(m.asarray(5), 0, 9, axis=0)",
    "m.insert(m.arange(3, dtype='uint8'), m.asarray([1], dtype='uint8'), 300)", "m.insert(m.arange(6).reshape(2, 3), 1, [[1, 2], [3, 4]])",
    "m.delete(m.asarray(5), 0)", "m.delete(m.arange(4), True)", "m.delete(m.arange(4), slice(3, 1))",
    "m.delete(m.arange(4), m.asarray(2))", "m.delete(m.arange(4), [[0, 1]])",
    "m.delete(m.arange(6), 2)", "m.delete(m.arange(6), -1)", "m.delete(m.arange(6), 6)", "m.delete(m.arange(6), -7)",
    "m.delete(m.arange(6), [0, 2, 2])", "m.delete(m.arange(6), [])", "m.delete(m.arange(6), slice(1, 5, 2))",
    "m.delete(m.arange(6), slice(None, None, -2))", "m.delete(m.arange(6), [9])",
    "m.delete(m.arange(6), m.asarray([True, False, True, False, False, False]))",
    "m.delete(m.arange(6), m.asarray([True, False]))", "m.delete(m.arange(12).reshape(3, 4), 1, axis=1)",
    "m.delete(m.arange(12).reshape(3, 4), [0, 2], axis=0)", "m.delete(m.arange(12).reshape(3, 4), 1)",
    "m.delete(m.arange(12).reshape(3, 4), 1, axis=-3)", "m.delete(m.arange(6.0), m.asarray([1]))",
    "m.delete(m.arange(6), m.asarray([1.0]))",
    "m.append([1, 2], [3, 4])", "m.append(m.arange(4).reshape(2, 2), [[9, 9]], axis=0)",
    "m.append(m.arange(4).reshape(2, 2), [9, 9], axis=0)", "m.append(m.arange(4, dtype='int8'), 2.5)",
    "m.append([], [])", "m.append(m.ones((2, 2)), m.zeros((2, 1)), axis=1)",
    "m.resize(m.arange(3), (2, 4))", "m.resize(m.arange(6), 4)", "m.resize(m.arange(3), (0, 2))",
    "m.resize(m.zeros(0, dtype='int32'), (2, 2))", "m.resize(m.arange(3), (-1, 2))", "m.resize([1.5, 2.5], (3,))",
    "m.rot90(m.arange(6).reshape(2, 3))", "m.rot90(m.arange(6).reshape(2, 3), 2)",
    "m.rot90(m.arange(6).reshape(2, 3), -1)", "m.rot90(m.arange(6).reshape(2, 3), 4)",
    "m.rot90(m.arange(24).reshape(2, 3, 4), 1, (1, 2))", "m.rot90(m.arange(24).reshape(2, 3, 4), 3, (2, 0))",
    "m.rot90(m.arange(6).reshape(2, 3), 1, (0, 0))", "m.rot90(m.arange(6).reshape(2, 3), 1, (0, 2))",
    "m.rot90(m.arange(6).reshape(2, 3), 1, (0, 1, 2))", "m.rot90(m.arange(6).reshape(2, 3), 1, (0, -2))",
    "m.rollaxis(m.ones((3, 4, 5, 6)), 3, 1).shape", "m.rollaxis(m.ones((3, 4, 5, 6)), 2).shape",
    "m.rollaxis(m.ones((3, 4, 5, 6)), 1, 4).shape", "m.rollaxis(m.ones((3, 4, 5, 6)), 1, 5)",
    "m.rollaxis(m.ones((3, 4, 5, 6)), 4)", "m.rollaxis(m.ones((3, 4, 5, 6)), -1, -2).shape",
    "m.rollaxis(m.arange(6).reshape(2, 3), 1)",
    "m.hsplit(m.arange(16.0).reshape(4, 4), 2)", "m.hsplit(m.arange(6), [1, 4])", "m.hsplit(m.asarray(3), 1)",
    "m.hsplit(m.arange(6), 4)", "m.vsplit(m.arange(16.0).reshape(4, 4), [3])", "m.vsplit(m.arange(4), 2)",
    "m.dsplit(m.arange(16.0).reshape(2, 2, 4), 2)", "m.dsplit(m.arange(16.0).reshape(4, 4), 2)",
    "m.block([[m.ones((2, 2)), m.zeros((2, 1))], [m.full((1, 3), 7.0)]])", "m.block([1, 2, 3])",
    "m.block([[1, 2], [3, 4]])", "m.block([m.arange(2), 5])", "m.block(m.arange(3))", "m.block(4)",
    "m.block([[m.arange(2, dtype='int8')], [m.asarray([1.5, 2.5], dtype='float32')]])",
    "m.block([[1, 2], 3])", "m.block([(1, 2)])", "m.block([])", "m.block([[1], []])",
    "m.block([m.ones((2, 2)), m.zeros(3)])", "m.block([[m.ones((1, 2, 2))], [m.zeros((1, 2, 2))]]).shape",
    "m.trim_zeros(m.asarray([0, 0, 1, 2, 0]))", "m.trim_zeros(m.asarray([0, 0, 1, 2, 0]), 'f')",
    "m.trim_zeros(m.asarray([0, 0, 1, 2, 0]), 'B')", "m.trim_zeros(m.asarray([0, 0, 1, 2, 0]), 'x')",
    "m.trim_zeros([0, 1.5, 0])", "m.trim_zeros(m.zeros(4))", "m.trim_zeros(m.zeros(0))",
    "m.trim_zeros(m.asarray([[0, 0, 0], [0, 1, 0], [0, 0, 2], [0, 0, 0]]))",
    "m.trim_zeros(m.asarray([[0, 0, 0], [0, 1, 0], [0, 0, 2], [0, 0, 0]]), axis=0)",
    "m.trim_zeros(m.asarray([[0, 0, 0], [0, 1, 0], [0, 0, 2], [0, 0, 0]]), 'b', axis=-1)",
    "m.trim_zeros(m.asarray([[0, 0], [0, 0]]))", "m.trim_zeros(m.asarray([0, 1]), axis=1)",
    "m.select([m.arange(6) < 2, m.arange(6) > 3], [m.arange(6), m.arange(6) ** 2])",
    "m.select([m.arange(6) < 2, m.arange(6) > 3], [m.arange(6), m.arange(6) ** 2], 42)",
    "m.select([m.arange(6) < 2], [m.arange(6, dtype='int8')], 1.5)",
    "m.select([m.arange(6) < 2], [m.arange(6, dtype='int8')])",
    "m.select([m.arange(6) < 2], [m.arange(6, dtype='float32')], m.asarray(-1.0))",
    "m.select([m.asarray([[True], [False]])], [m.arange(3)], -1)", "m.select([], [])",
    "m.select([m.arange(3) < 1], [m.arange(3), m.arange(3)])", "m.select([m.arange(3)], [m.arange(3)])",
    "m.select([m.asarray(True), m.asarray(False)], [1, 2], 3)",
    "m.extract(m.arange(12).reshape(3, 4) % 3 == 0, m.arange(12).reshape(3, 4))",
    "m.extract([1, 0, 2], [5.0, 6.0, 7.0])", "m.extract(m.zeros(0, dtype='bool'), m.zeros(0))",
]

SETS = []
for a, b in [("[5, 7, 1, 2, 7, 3]", "[2, 7, 9, 1, 1]"), ("[]", "[1, 2]"), ("[[3, 1], [2, 3]]", "[3]"),
             ("[1.5, nan, 2.5, nan]", "[nan, 2.5]"), ("[True, False]", "[True]"), ("[-1, 4]", "[4.0, -1.0]")]:
    for dt in (None, "int8", "uint64", "float32"):
        if dt and ("nan" in a or "True" in a or "-1" in a and dt == "uint64"):
            continue
        x = f"m.asarray({a}, dtype={dt!r})" if dt else f"m.asarray({a})"
        SETS += [f"m.intersect1d({x}, {b})", f"m.intersect1d({x}, {b}, return_indices=True)",
                 f"m.union1d({x}, {b})", f"m.setdiff1d({x}, {b})", f"m.setxor1d({x}, {b})"]
SETS += ["m.intersect1d([1, 2, 3], [3, 2], assume_unique=True)",
         "m.intersect1d([4, 2, 3], [3, 2, 7], assume_unique=True, return_indices=True)",
         "m.setdiff1d([4, 2, 2, 3], [3], assume_unique=True)", "m.setxor1d([1, 2, 3], [3, 4], assume_unique=True)",
         "m.intersect1d([], [])", "m.setxor1d([], [])", "m.union1d([[1, 2]], [[2], [0]])"]

MATH = []
for dt in ["int8", "int32", "float32", "float64", "complex128", "bool"]:
    a = f"m.asarray([1, 2, 3, 4, 5], dtype={dt!r})"
    v = f"m.asarray([1, 0, 1], dtype={dt!r})"
    for mode in ("full", "same", "valid"):
        MATH += [f"m.convolve({a}, {v}, {mode!r})", f"m.convolve({v}, {a}, {mode!r})",
                 f"m.correlate({a}, {v}, {mode!r})", f"m.correlate({v}, {a}, {mode!r})"]
for mode in ("full", "same", "valid"):
    MATH += [f"m.convolve([1, 2, 3, 4], [1, -1, 2, 5], {mode!r})", f"m.correlate([1, 2, 3, 4, 5, 6], [1, -1, 2, 5], {mode!r})",
             f"m.correlate([1, 2, 3], [1, -1, 2, 5], {mode!r})", f"m.convolve([1, 2], [1, -1, 2, 5], {mode!r})",
             f"m.correlate([1 + 1j, 2, 3j], [1j, 2], {mode!r})", f"m.correlate([1j, 2], [1 + 1j, 2, 3j], {mode!r})",
             f"m.convolve([1 + 1j, 2, 3j], [1j, 2 - 1j], {mode!r})", f"m.convolve(2.0, [1, 2], {mode!r})"]
MATH += ["m.convolve([], [1])", "m.convolve([1], [])", "m.correlate([], [1])", "m.convolve([1, 2], [1], 'bad')",
         "m.convolve([[1]], [1])", "m.convolve(m.asarray([1, 2, 3], dtype='int8'), m.asarray([0.5, 1], dtype='float32'))",
         "m.convolve(m.asarray([1, 2, 3], dtype='uint64'), m.asarray([-1, 1]))",
         "m.correlate(m.asarray([100, 100], dtype='int8'), m.asarray([2, 2], dtype='int8'), 'full')",
         "m.cross(m.asarray([100, 2, 3], dtype='int8'), m.asarray([4, 100, 7], dtype='int8'))",
         "m.cross(m.asarray([1, 2, 3], dtype='uint8'), m.asarray([4, 5, 7], dtype='int8'))",
         "m.kron(m.arange(6).reshape(2, 3).T, m.asarray([[1], [-1]], dtype='float32'))",
         "m.intersect1d(m.asarray([1, 2, 3], dtype='int8'), m.asarray([2.0, 3.5], dtype='float32'))",
         "m.setdiff1d(m.asarray([1, 2, 3], dtype='uint8'), m.asarray([-2, 3], dtype='int16'))",
         "m.union1d(m.asarray([1, 2], dtype='uint64'), m.asarray([-2], dtype='int64'))",
         "m.nan_to_num(m.arange(3), copy=False)", "m.trapezoid(m.arange(4), dx=2)", "m.correlate([1, 2], [1, 0.5])", "m.convolve([1, 2], [3], mode=2)"]
for dt in ["int8", "uint8", "int64", "float32", "float64", "complex128", "bool"]:
    MATH += [f"m.cross(m.asarray([1, 2, 3], dtype={dt!r}), m.asarray([4, 5, 7], dtype={dt!r}))",
             f"m.kron(m.asarray([[1, 2], [3, 4]], dtype={dt!r}), m.asarray([1, 10], dtype={dt!r}))"]
MATH += ["m.cross([1, 2], [3, 4])", "m.cross([1, 2], [3, 4, 5])", "m.cross([1, 2, 3], [3, 4])",
         "m.cross(m.arange(6.0).reshape(2, 3), [1, 0, 0])", "m.cross(m.arange(6.0).reshape(3, 2), [1, 0, 0], axisa=0)",
         "m.cross(m.arange(6.0).reshape(2, 3), m.arange(6.0).reshape(2, 3)[::-1], axisc=0)",
         "m.cross(m.arange(6.0).reshape(3, 2), m.arange(6.0).reshape(3, 2) + 1, axis=0)",
         "m.cross(m.arange(12.0).reshape(2, 2, 3), m.ones(3))", "m.cross([[1, 2], [3, 4]], [[5, 6], [7, 8]])",
         "m.cross([1, 2, 3, 4], [1, 2, 3])", "m.cross(1, [1, 2, 3])", "m.cross([1, 2, 3], [4, 5, 6], axisa=2)",
         "m.cross([1, 2, 3], [4, 5, 6], axisc=1)", "m.cross(m.ones((2, 3)), m.ones((3, 3)))",
         "m.cross([1, 2], [3, 4], axisc=5)", "m.cross(m.zeros((0, 3)), m.zeros((0, 3)))",
         "m.kron(m.eye(2), m.ones((2, 2)))", "m.kron([1, 2], m.ones((2, 2)))", "m.kron(m.ones((2, 3, 1)), [[1, 2]])",
         "m.kron(3, [1, 2])", "m.kron(m.asarray(2), m.asarray(3.0))", "m.kron([], [1, 2])",
         "m.kron(m.asarray([1, 2], dtype='int8'), 1000)"]
MATH += ["m.interp([0, 1, 1.5, 2.72, 3.14, 4], [1, 2, 3], [3, 2, 0])", "m.interp(2.5, [1, 2, 3], [3, 2, 0])",
         "m.interp(m.asarray(2.5), [1, 2, 3], [3, 2, 0])", "m.interp([0, 5], [1, 2, 3], [3, 2, 0], left=-1, right=9)",
         "m.interp([nan, 1, 3], [1, 2, 3], [3, 2, 0])", "m.interp([0, 1, 2], [1], [7])",
         "m.interp([0, 2, 4], [1, 3], [inf, 1])", "m.interp([0, 2, 4], [1, 3, 3], [0, 1, 5])",
         "m.interp([1, 2.5], [1, 2, 3], [1j, 2, 3 + 3j])", "m.interp([0, 9], [1, 2, 3], [1j, 2, 3 + 3j], 5j, 1)",
         "m.interp([-180, -170, -185, 185, -10, -5, 0, 365], [190, -190, 350, -350], [5, 10, 3, 4], period=360)",
         "m.interp([1, 2], [1, 2], [3, 4], period=0)", "m.interp([1, 2], [], [])", "m.interp([1, 2], [1, 2], [1])",
         "m.interp([[1, 2], [2.5, 3]], [1, 2, 3], m.asarray([3, 2, 0], dtype='float32'))",
         "m.interp(m.arange(4, dtype='int8'), [1, 2, 3], [3, 2, 0])", "m.interp([], [1, 2], [3, 4])",
         "m.interp([1.5, 2.5], [1, 2, 3], [[3, 2, 0]])"]
for dt in ["int8", "int64", "float32", "float64", "complex128", "bool"]:
    f = f"m.asarray([1, 2, 4, 7, 11, 16], dtype={dt!r})"
    MATH += [f"m.gradient({f})", f"m.gradient({f}, 2.0)", f"m.gradient({f}, edge_order=2)",
             f"m.gradient({f}, [0, 1, 1.5, 3.5, 4, 6])", f"m.gradient({f}, [0, 1, 1.5, 3.5, 4, 6], edge_order=2)",
             f"m.ediff1d({f})", f"m.ediff1d({f}, to_begin=-99, to_end=[88, 99])", f"m.trapezoid({f})",
             f"m.trapezoid({f}, dx=0.5)", f"m.trapezoid({f}, x=[0, 1, 1.5, 3.5, 4, 6])", f"m.sinc({f} / 3)",
             f"m.sinc({f})"]
g2 = "m.asarray([[1, 2, 6], [3, 4, 5]], dtype=float)"
MATH += [f"m.gradient({g2})", f"m.gradient({g2}, axis=0)", f"m.gradient({g2}, axis=-1)", f"m.gradient({g2}, 2, 3)",
         f"m.gradient({g2}, [1, 3], [0, 1, 3])", f"m.gradient({g2}, [1, 3], [0, 1, 3], edge_order=2)",
         f"m.gradient({g2}, axis=(1, 0))", f"m.gradient({g2}, 1, 2, 3)", f"m.gradient({g2}, edge_order=3)",
         f"m.gradient({g2}, axis=0, edge_order=2)", f"m.gradient({g2}, [1, 2, 3], axis=0)",
         f"m.gradient({g2}, m.ones((2, 2)), axis=0)", "m.gradient([1, 2])", "m.gradient([1])",
         "m.gradient(m.arange(5, dtype='float32'), m.arange(5.0) ** 2)", "m.gradient([1, 2, 4], [1, 1, 1])",
         "m.ediff1d([])", "m.ediff1d([[1, 2], [4, 9]])", "m.ediff1d(m.arange(3, dtype='int8'), to_begin=1.5)",
         "m.ediff1d(m.arange(3, dtype='int8'), to_end=m.asarray([1000]))", "m.ediff1d([1.5, 2], to_end=m.asarray([1j]))",
         "m.ediff1d(m.arange(3, dtype='uint8'), to_begin=[])",
         "m.trapezoid([])", "m.trapezoid(m.arange(6.0).reshape(2, 3))", "m.trapezoid(m.arange(6.0).reshape(2, 3), axis=0)",
         "m.trapezoid(m.arange(6.0).reshape(2, 3), x=[0, 2])", "m.trapezoid(m.arange(6.0).reshape(2, 3), x=[0, 2], axis=0)",
         "m.trapezoid(m.arange(6.0).reshape(2, 3), x=m.arange(6.0).reshape(2, 3) ** 2)",
         "m.trapezoid([1 + 1j, 2, 3j], dx=2)", "m.sinc(0)", "m.sinc(0.5)", "m.sinc([])",
         "m.sinc(m.asarray([0, 0.25, -1.5, inf, nan], dtype='float32'))", "m.sinc(m.asarray([0, 1j, 1 + 1j]))"]
for dt in ["float32", "float64", "complex128", "int32", "bool"]:
    x = f"m.asarray([0, nan, inf, -inf, 1.5], dtype={dt!r})" if dt[0] in "fc" else f"m.asarray([0, 1, 1], dtype={dt!r})"
    MATH += [f"m.nan_to_num({x})", f"m.nan_to_num({x}, nan=-1, posinf=7, neginf=-7)",
             f"m.nan_to_num({x}, copy=False)", f"m.degrees({x})", f"m.radians({x})", f"m.isposinf({x})",
             f"m.isneginf({x})", f"m.iscomplex({x})", f"m.isreal({x})", f"m.iscomplexobj({x})", f"m.isrealobj({x})"]
MATH += ["m.nan_to_num(nan)", "m.nan_to_num(-inf)", "m.nan_to_num(3)", "m.nan_to_num(m.asarray([complex(inf, nan)]))",
         "m.nan_to_num([1.0, nan])", "m.degrees(m.pi)", "m.radians(180)", "m.radians(m.asarray([90], dtype='int64'))",
         "m.fabs(-1.5)", "m.fabs(m.asarray([-1, 2, -3], dtype='int32'))", "m.fabs(m.asarray([-1, 2], dtype='int16'))",
         "m.fabs(m.asarray([-0.0, -inf, nan], dtype='float32'))", "m.fabs(m.asarray([1j]))", "m.fabs([])",
         "m.isposinf(inf)", "m.isneginf(-inf)", "m.isposinf(3)", "m.isposinf(m.asarray([1j]))",
         "m.isneginf(m.asarray([1, -1], dtype='int8'))", "m.iscomplex(1j)", "m.iscomplex(1)", "m.isreal(1 + 0j)",
         "m.isreal([1, 1j, 2 + 0j])", "m.iscomplex([1, 1j, 2 + 0j])", "m.iscomplexobj(1j)", "m.iscomplexobj([1, 2])",
         "m.iscomplexobj([1, 2j])", "m.isrealobj(3.0)", "m.isrealobj(m.zeros(2, dtype='complex64'))",
         "m.iscomplex([])", "m.isreal(m.zeros((2, 0)))",
         "m.isscalar(3)", "m.isscalar(3.5)", "m.isscalar(1j)", "m.isscalar(True)", "m.isscalar('a')",
         "m.isscalar(b'a')", "m.isscalar(None)", "m.isscalar([1])", "m.isscalar((1,))", "m.isscalar(m.asarray(3))",
         "m.isscalar(m.float64(3))", "m.isscalar(m.int8(3))", "m.isscalar(m.asarray([1.5])[0])",
         "m.ndim(3)", "m.ndim([[1, 2]])", "m.ndim(m.zeros((2, 3, 4)))", "m.ndim(m.asarray(2.0))",
         "m.shape(3)", "m.shape([[1, 2]])", "m.shape(m.zeros((2, 0, 4)))", "m.shape([])",
         "m.size(3)", "m.size([[1, 2, 3]])", "m.size(m.zeros((2, 3, 4)), 1)", "m.size(m.zeros((2, 3, 4)), -1)",
         "m.size(m.zeros((2, 3, 4)), (0, 2))", "m.size(m.zeros((2, 3, 4)), 3)", "m.size(m.zeros((2, 3)), (0, 0))",
         "m.size([[1, 2, 3]], 1)",
         "m.iterable([1])", "m.iterable(3)", "m.iterable(m.asarray(3))", "m.iterable(m.zeros(2))", "m.iterable('ab')",
         "m.iterable(m.float64(1))"]
for dt in DTYPES:
    a = f"m.arange(6).astype({dt!r})"
    MATH += [f"m.insert({a}, 2, 1)", f"m.delete({a}, [1, 3])", f"m.append({a}, {a})",
             f"m.resize({a}, (2, 5))", f"m.rot90({a}.reshape(2, 3))", f"m.trim_zeros({a})",
             f"m.union1d({a}, {a}[::-1])", f"m.setdiff1d({a}, {a}[:2])", f"m.extract({a}, {a})",
             f"m.select([{a} > 2], [{a}])"]


# take of one index gives a scalar; astype keeps (order='K'/'A') or sets (order='C'/'F') the layout, and
# copy=False returns the array itself only when dtype and layout already fit.
_LAYOUTS = ["m.ones((2, 3))", "m.asfortranarray(m.arange(6.0).reshape(2, 3))", "m.arange(24.0).reshape(2, 3, 4)[:, ::2]",
            "m.asarray(2.5)"]
LAYOUT = ["m.take(m.arange(5), 2)", "m.take(m.arange(5), m.asarray(-1))", "m.take(m.arange(6.0).reshape(2, 3), 4)",
          "m.take(m.arange(6.0).reshape(2, 3), 1, axis=0)", "m.take(m.arange(5), [2])", "m.take(m.arange(5), 7, mode='wrap')",
          "m.take(m.arange(5), 7)", "m.asfortranarray(m.asarray(3.0))", "m.ascontiguousarray(m.asarray(3.0))",
          "m.asarray(1.0).astype('float32', order='X')"] + [
    f"(lambda a: (lambda r: (r.flags.c_contiguous, r.flags.f_contiguous, r is a, r))(a.astype({dt!r}, order={o!r}, "
    f"copy={c})))({src})" for src in _LAYOUTS for o in "KACF" for dt in ("float32", "float64") for c in (True, False)]


# linspace/logspace/geomspace with scalar, array, negative, complex endpoints, every dtype= and axis=.
SPACING = ["m.linspace(0, 1, 5)", "m.linspace(0, 1, 5, retstep=True)", "m.linspace(0, 1, 1, retstep=True)", "m.linspace(0, 1, 0)",
 "m.linspace(2, 3, 7, endpoint=False)", "m.linspace(m.float32(0), 1, 3)", "m.linspace(0, 1j, 3)",
 "m.linspace([0, 1], [2, 3], 3, axis=1)", "m.linspace([0, 1], [2, 3], 3, axis=-1)", "m.linspace(0, 10, 4, dtype=int)",
 "m.linspace(-5, 5, 6, dtype='int8')", "m.linspace(0, 1e-320, 3)", "m.linspace(0, 1, 3, dtype='float32', retstep=True)",
 "m.linspace(m.asarray([[0.0], [1.0]]), 5.0, 4)", "m.linspace(1, 2, -1)", "m.linspace(0, 1, 2.5)",
 "m.logspace(0, 3, 4)", "m.logspace([0, 1], [2, 3], 3, base=[2, 3])", "m.logspace(0, 2, 3, base=2, dtype=int)",
 "m.logspace(0, 1, 3, base=[2.0, 4.0], axis=1)",
 "m.geomspace(1, 1000, 4)", "m.geomspace(-1, -1000, 4)", "m.geomspace(1j, 1000j, 4)", "m.geomspace(1, 256, 9, dtype=int)",
 "m.geomspace([1, 2], [100, 200], 3)", "m.geomspace(1, 8, 4, dtype=complex)", "m.geomspace(0, 5, 3)", "m.geomspace(1, 2, 5, endpoint=False)",
 "m.geomspace(-1+1j, 1000, 4)", "m.geomspace([1, 10], 1000, 3, axis=1)", "m.geomspace(m.float32(1), 100, 3)"]


@pytest.mark.parametrize("expr", SPACING)
def test_spacing_matches_numpy_bit_for_bit(expr):
    check(expr)


@pytest.mark.parametrize("expr", LAYOUT)
def test_take_scalars_and_astype_layouts_match_numpy(expr):
    check(expr)


@pytest.mark.parametrize("expr", EDITS)
def test_array_edits_match_numpy(expr):
    check(expr)


@pytest.mark.parametrize("expr", SETS)
def test_set_routines_match_numpy(expr):
    check(expr)


@pytest.mark.parametrize("expr", MATH)
def test_numeric_helpers_match_numpy(expr):
    check(expr, ulps=2)


def test_isscalar_and_iterable_of_gilfree_scalars():
    assert gf.isscalar(gf.float32(1.5)) and gf.isscalar(gf.asarray([1, 2])[0]) and not gf.isscalar(gf.asarray(1))
    assert gf.iterable(gf.zeros(3)) and not gf.iterable(gf.float64(1))
    assert gf.ndim(gf.float64(1)) == 0 and gf.shape(gf.int8(1)) == () and gf.size(gf.float32(1)) == 1


def test_nan_to_num_copy_false_writes_in_place():
    a = gf.asarray([gf.nan, gf.inf, 1.0])
    r = gf.nan_to_num(a, copy=False)
    assert r is a and a.tolist() == [0.0, 1.7976931348623157e308, 1.0]
    c = gf.asarray([complex(gf.nan, -gf.inf)])
    gf.nan_to_num(c, copy=False)
    assert c.tolist() == [complex(0.0, -1.7976931348623157e308)]


def test_cross_of_2_vectors_warns_as_numpy():
    with pytest.warns(DeprecationWarning):
        gf.cross([1, 2], [3, 4])


def test_degrees_and_radians_are_ufuncs():
    assert isinstance(gf.degrees, gf.ufunc) and gf.degrees.__name__ == "degrees" and gf.radians.__name__ == "radians"
    out = gf.zeros(2)
    assert gf.degrees(gf.asarray([0.0, gf.pi]), out=out) is out and out.tolist() == [0.0, 180.0]
