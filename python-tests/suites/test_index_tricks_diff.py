"""Differential checks of the construction and index helpers against NumPy: diag, diagflat, diagonal, trace
(function and methods), logspace, geomspace, fromfunction, fromiter, vander, indices, mgrid, ogrid, r_, c_,
s_, index_exp, ix_, the tril/triu/diag index functions, unravel_index, ravel_multi_index, ndenumerate and
ndindex. Each case is one expression over `xp` (gilfree or NumPy), evaluated on both; the expression is the
key of NumPy's recorded answer (recorded.py), so GraalPy replays what CPython's NumPy said."""
import math

import pytest

import gilfree as gf
from _ufunc_cases import ulp_close
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

ERRORS = {"TypeError": TypeError, "ValueError": ValueError, "AxisError": gf.AxisError, "IndexError": IndexError,
          "OverflowError": OverflowError}


def _plain(r):
    """A NumPy result (arrays, scalars, tuples and lists of them, slices, ints) as plain data."""
    if isinstance(r, tuple):
        return {"tuple": [_plain(x) for x in r]}
    if isinstance(r, list):
        return {"list": [_plain(x) for x in r]}
    if isinstance(r, (slice, type(Ellipsis))) or r is None:
        return {"index": r}
    if type(r) is int:
        return {"int": r}
    scalar = isinstance(r, np.generic)
    a = np.asarray(r)
    return {"dtype": a.dtype.name, "shape": list(a.shape), "values": a.tolist(), "scalar": scalar}


def _numpy(expr):
    def compute():
        try:
            with np.errstate(all="ignore"):
                return _plain(eval(expr, {"xp": np, "math": math}))  # noqa: S307 - the test's own cases
        except (TypeError, ValueError, IndexError, OverflowError) as e:
            return {"error": type(e).__name__}
    return answer(f"index_tricks {expr}", compute)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _close(x, y, ulps):
    if isinstance(y, complex):
        return isinstance(x, complex) and ulp_close(x.real, y.real, ulps) and ulp_close(x.imag, y.imag, ulps)
    if isinstance(y, float):
        if not isinstance(x, float) or not ulp_close(x, y, ulps):
            return False
        return y != 0 or math.isnan(x) or math.copysign(1, x) == math.copysign(1, y)
    return x == y and type(x) is type(y)


def _check(got, want, ctx, ulps):
    if "tuple" in want or "list" in want:
        kind, items = ("tuple", want["tuple"]) if "tuple" in want else ("list", want["list"])
        assert type(got).__name__ == kind and len(got) == len(items), f"{ctx}: {got!r} is not a {kind} of {len(items)}"
        for g, w in zip(got, items):
            _check(g, w, ctx, ulps)
        return
    if "index" in want:
        assert got == want["index"], f"{ctx}: {got!r} != numpy {want['index']!r}"
        return
    if "int" in want:
        assert type(got) is int and got == want["int"], f"{ctx}: {got!r} != numpy {want['int']!r}"
        return
    if want["scalar"]:
        assert isinstance(got, gf.generic), f"{ctx}: {got!r} should be a gilfree scalar"
    else:
        assert isinstance(got, gf.ndarray), f"{ctx}: {got!r} should be an array"
    got = gf.asarray(got)
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != numpy {want['shape']}"
    for i, (x, y) in enumerate(zip(_flat(got.tolist()), _flat(want["values"]))):
        assert _close(x, y, ulps), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def _run(expr, ulps=0):
    want = _numpy(expr)
    if "error" in want:
        with pytest.raises(ERRORS[want["error"]]):
            eval(expr, {"xp": gf, "math": math})  # noqa: S307
        return
    _check(eval(expr, {"xp": gf, "math": math}), want, expr, ulps)  # noqa: S307


DTYPES = ["bool", "int8", "uint8", "int32", "int64", "uint64", "float32", "float64", "complex64", "complex128"]

DIAGONALS = [
    "xp.diag(xp.arange(12).reshape(3, 4))", "xp.diag(xp.arange(12).reshape(3, 4), 1)",
    "xp.diag(xp.arange(12).reshape(3, 4), -2)", "xp.diag(xp.arange(12).reshape(3, 4), 4)",
    "xp.diag(xp.arange(12).reshape(3, 4), -3)", "xp.diag([1, 2, 3])", "xp.diag([1.5, 2], k=2)",
    "xp.diag([1, 2], -1)", "xp.diag([])", "xp.diag(xp.zeros((0, 3)))", "xp.diag(5)", "xp.diag(xp.zeros((2, 2, 2)))",
    "xp.diag([[1, 2], [3, 4]], 1.0)",
    "xp.diagflat([[1, 2], [3, 4]])", "xp.diagflat([1, 2], -1)", "xp.diagflat(3)", "xp.diagflat([], 1)",
    "xp.diagonal(xp.arange(24).reshape(2, 3, 4))", "xp.diagonal(xp.arange(24).reshape(2, 3, 4), 1, 1, 2)",
    "xp.diagonal(xp.arange(24).reshape(2, 3, 4), -1, 2, 0)", "xp.diagonal(xp.arange(24).reshape(2, 3, 4), 0, -1, -3)",
    "xp.diagonal(xp.arange(24).reshape(2, 3, 4), 5, 1, 2)", "xp.diagonal(xp.zeros(3))",
    "xp.diagonal(xp.zeros((2, 2)), 0, 0, 0)", "xp.diagonal(xp.zeros((2, 2)), 0, 0, 2)",
    "xp.diagonal(xp.zeros((2, 2)), 0, -3, 1)", "xp.diagonal(xp.zeros((0, 4)))",
    "xp.arange(12).reshape(3, 4).diagonal(1)", "xp.arange(12).reshape(3, 4).diagonal(-1)",
    "xp.arange(24).reshape(2, 3, 4).diagonal(0, 2, 1)",
    "xp.arange(12).reshape(3, 4).trace()", "xp.arange(12).reshape(3, 4).trace(1)",
    "xp.arange(12).reshape(3, 4).trace(-5)", "xp.arange(24).reshape(2, 3, 4).trace(0, 1, 2)",
    "xp.arange(24).reshape(2, 3, 4).trace(1, 0, 2, dtype='float32')", "xp.ones((2, 2), dtype='int8').trace()",
    "xp.ones((2, 2), dtype='bool').trace()", "xp.ones((3, 3), dtype='float32').trace(dtype='float64')",
    "xp.zeros(3).trace()",
    "xp.trace(xp.arange(12).reshape(3, 4))", "xp.trace(xp.arange(12).reshape(3, 4), 2)",
    "xp.trace(xp.arange(24).reshape(2, 3, 4), -1, 2, 1)", "xp.trace([[1, 2], [3, 4]], dtype='int8')",
    "xp.trace(xp.zeros((2, 0)))", "xp.trace([1, 2])", "xp.trace(xp.zeros((2, 2)), 0, 1, 1)",
    "xp.linalg.diagonal(xp.arange(24).reshape(2, 3, 4))", "xp.linalg.diagonal(xp.arange(12).reshape(3, 4), offset=1)",
    "xp.linalg.diagonal(xp.arange(12).reshape(3, 4), offset=-2)",
    "xp.linalg.trace(xp.arange(24).reshape(2, 3, 4))", "xp.linalg.trace(xp.arange(12).reshape(3, 4), offset=1)",
    "xp.linalg.trace(xp.arange(12.0).reshape(3, 4), offset=-1, dtype='float32')",
] + [f"xp.diag(xp.arange(6).reshape(2, 3).astype('{d}'), 1)" for d in DTYPES] \
  + [f"xp.diag(xp.arange(3).astype('{d}'), -1)" for d in DTYPES] \
  + [f"xp.diagonal(xp.arange(8).reshape(2, 2, 2).astype('{d}'), 0, 0, 2)" for d in DTYPES] \
  + [f"xp.arange(9).reshape(3, 3).astype('{d}').trace()" for d in DTYPES]


@pytest.mark.parametrize("expr", DIAGONALS)
def test_diagonals_match_numpy(expr):
    _run(expr)


SPACES = [
    "xp.logspace(0, 3, 4)", "xp.logspace(0, 3, 4, endpoint=False)", "xp.logspace(0, 3, 4, base=2)",
    "xp.logspace(0, 1, 0)", "xp.logspace(0, 1, 1)", "xp.logspace(2, -2, 5, base=3.0)",
    "xp.logspace(0, 3, 4, dtype='int32')", "xp.logspace(0, 3, 4, dtype='float32')", "xp.logspace(0, 1, -1)",
    "xp.logspace(-1.5, 2.25, 7, base=10.0)", "xp.logspace(0, 10, 11, base=2, dtype='uint8')",
    "xp.geomspace(1, 1000, 4)", "xp.geomspace(1, 1000, 3, endpoint=False)", "xp.geomspace(-1, -1000, 4)",
    "xp.geomspace(1, 256, 9)", "xp.geomspace(1, 256, 9, dtype='int64')", "xp.geomspace(0, 10)",
    "xp.geomspace(5, 0, 3)", "xp.geomspace(2, 2, 3)", "xp.geomspace(1, 2, 0)", "xp.geomspace(1, 2, 1)",
    "xp.geomspace(1000, 1, 4)", "xp.geomspace(0.5, 8.0, 5, dtype='float32')", "xp.geomspace(3, 7, 6)",
    "xp.geomspace(1, 2, 1, endpoint=False)", "xp.geomspace(1, 2, -1)",
]


@pytest.mark.parametrize("expr", SPACES)
def test_log_and_geometric_spaces_match_numpy(expr):
    _run(expr, ulps=4)


CONSTRUCTORS = [
    "xp.indices((2, 3))", "xp.indices((2, 3), sparse=True)", "xp.indices(())", "xp.indices((), sparse=True)",
    "xp.indices((0, 3))", "xp.indices((3,), dtype='int8')", "xp.indices((2, 2), dtype='float32')",
    "xp.indices([2, 1, 2], dtype='uint16', sparse=True)", "xp.indices((2, -1))", "xp.indices((2.0, 1))",
    "xp.fromfunction(lambda i, j: i + j, (2, 3))", "xp.fromfunction(lambda i, j: i * 10 + j, (3, 2), dtype=int)",
    "xp.fromfunction(lambda i: i == 1, (3,), dtype='int32')", "xp.fromfunction(lambda i, j, k=2: i * k, (2, 2), k=5)",
    "xp.fromfunction(lambda i, j: i - j, (0, 2))",
    "xp.fromiter(range(5), 'int32')", "xp.fromiter(range(5), 'float64', count=3)",
    "xp.fromiter((x * x for x in range(4)), dtype='int8')", "xp.fromiter([], 'float32')",
    "xp.fromiter([1, 2, 3], 'int64', count=5)", "xp.fromiter([1, 2, 3], 'int64', count=0)",
    "xp.fromiter([True, False], 'bool')", "xp.fromiter([1 + 2j, 3], 'complex128')",
    "xp.fromiter(iter([1.5, 2.5]), 'float32', -1)",
    "xp.vander([1, 2, 3])", "xp.vander([1, 2, 3], 2)", "xp.vander([1, 2, 3], 5, increasing=True)",
    "xp.vander([1.5, -2.0], 4)", "xp.vander([], 3)", "xp.vander([1, 2], 0)", "xp.vander([1, 2], 1)",
    "xp.vander(xp.zeros((2, 2)))", "xp.vander([1, 2], -1)", "xp.vander(3)", "xp.vander([1j, 2], 3)",
] + [f"xp.vander(xp.arange(1, 4).astype('{d}'), 4)" for d in DTYPES] \
  + [f"xp.indices((2, 2), dtype='{d}')" for d in DTYPES if d != "bool"]


@pytest.mark.parametrize("expr", CONSTRUCTORS)
def test_constructors_match_numpy(expr):
    _run(expr)


GRIDS = [
    "xp.mgrid[0:5]", "xp.mgrid[0:5:2]", "xp.mgrid[5:0:-2]", "xp.mgrid[0:1:5j]", "xp.mgrid[1:0:5j]",
    "xp.mgrid[-1:1:3j]", "xp.mgrid[0:1:1j]", "xp.mgrid[0:1:0j]", "xp.mgrid[0:1:0.25]", "xp.mgrid[1:0:-0.25]",
    "xp.mgrid[3:3]", "xp.mgrid[:3]", "xp.mgrid[0:5, 0:3]", "xp.mgrid[0:1:5j, 0:3]", "xp.mgrid[0:1:3j, 0:2:2j]",
    "xp.mgrid[-1:1:0.5, 0:2]", "xp.mgrid[5:0:-2, 0:1:2j]", "xp.mgrid[0:0, 0:2]", "xp.mgrid[0:2, 0:2, 0:2]",
    "xp.mgrid[0:1:5j, 1:0:3j]", "xp.mgrid[0:4:complex(0, 3)]", "xp.mgrid[0:2,]",
    "xp.ogrid[0:5]", "xp.ogrid[0:1:5j]", "xp.ogrid[0:3, 0:2]", "xp.ogrid[0:1:3j, 0:2]", "xp.ogrid[5:0:-1, 0:1:0.5]",
    "xp.ogrid[0:2, 0:3, 0:4]", "xp.ogrid[0:0, 0:2]",
    "xp.r_[1:4]", "xp.r_[1:4, 0, 4]", "xp.r_[[1, 2], [3, 4]]", "xp.r_[xp.array([1, 2]), 0, 0, xp.array([4, 5])]",
    "xp.r_[-1:1:5j]", "xp.r_[-1:1:6j, [0] * 3, 5, 6]", "xp.r_[0.5, 1]", "xp.r_[xp.arange(3, dtype='int8'), 1]",
    "xp.r_[xp.arange(3, dtype='int8'), 1000]", "xp.r_[xp.arange(3, dtype='float32'), 1.5]",
    "xp.r_['-1', xp.arange(6).reshape(2, 3), xp.arange(6).reshape(2, 3)]",
    "xp.r_['0,2', [1, 2, 3], [4, 5, 6]]", "xp.r_['0,2,0', [1, 2, 3], [4, 5, 6]]",
    "xp.r_['1,2,0', [1, 2, 3], [4, 5, 6]]", "xp.r_['0,3,1', [1, 2], [3, 4]]", "xp.r_['x', 1]", "xp.r_[1, '0']",
    "xp.r_[True, 2]", "xp.r_[1j, 2]", "xp.r_[[]]",
    "xp.c_[[1, 2, 3], [4, 5, 6]]", "xp.c_[xp.array([[1, 2, 3]]), 0, 0, xp.array([[4, 5, 6]])]",
    "xp.c_[1:4, 0:3]", "xp.c_[xp.zeros((2, 2)), [1, 2]]",
    "xp.s_[1:2]", "xp.s_[::2, 3]", "xp.s_[...]", "xp.s_[3]", "xp.index_exp[3]", "xp.index_exp[1:2, ..., None]",
    "xp.index_exp[::-1]",
]


@pytest.mark.parametrize("expr", GRIDS)
def test_grids_and_concatenators_match_numpy(expr):
    _run(expr)


INDICES = [
    "xp.ix_([0, 1], [2, 4])", "xp.ix_([True, False, True], [1])", "xp.ix_([], [1, 2])", "xp.ix_()",
    "xp.ix_(xp.array([1, 0], dtype='int8'))", "xp.ix_([[1]])", "xp.ix_(xp.array([], dtype='float32'))",
    "xp.ix_(xp.array([True, True]), [0], xp.arange(3))",
    "xp.tril_indices(3)", "xp.tril_indices(3, 1)", "xp.tril_indices(3, -1, 5)", "xp.tril_indices(0)",
    "xp.tril_indices(4, k=-10)", "xp.tril_indices(2, m=0)",
    "xp.triu_indices(3)", "xp.triu_indices(3, 1)", "xp.triu_indices(3, -1, 5)", "xp.triu_indices(0)",
    "xp.triu_indices(2, 5)",
    "xp.tril_indices_from(xp.zeros((3, 4)))", "xp.tril_indices_from(xp.zeros((3, 4)), -1)",
    "xp.triu_indices_from(xp.zeros((4, 3)), 1)", "xp.tril_indices_from(xp.zeros(3))",
    "xp.triu_indices_from(xp.zeros((2, 2, 2)))",
    "xp.diag_indices(3)", "xp.diag_indices(2, 3)", "xp.diag_indices(0)", "xp.diag_indices(3, 1)",
    "xp.diag_indices_from(xp.zeros((3, 3)))", "xp.diag_indices_from(xp.zeros((2, 2, 2)))",
    "xp.diag_indices_from(xp.zeros(3))", "xp.diag_indices_from(xp.zeros((2, 3)))",
    "xp.unravel_index(5, (2, 3))", "xp.unravel_index([5, 3, 0], (2, 3))", "xp.unravel_index(5, (2, 3), 'F')",
    "xp.unravel_index([[1, 7], [3, 4]], (2, 2, 2), order='F')", "xp.unravel_index(4, 6)",
    "xp.unravel_index(6, (2, 3))", "xp.unravel_index(-1, (2, 3))", "xp.unravel_index(1.0, (2, 3))",
    "xp.unravel_index(True, (2, 3))", "xp.unravel_index(1, (2, 3), order='K')", "xp.unravel_index([], (2, 3))",
    "xp.unravel_index(0, ())", "xp.unravel_index(0, (2, 0))", "xp.unravel_index(xp.array([], dtype='int64'), (2, 3))",
    "xp.unravel_index(xp.array([1, 2], dtype='uint8'), (3, 1))", "xp.unravel_index(xp.array([1.0]), (3,))",
    "xp.ravel_multi_index((1, 2), (2, 3))", "xp.ravel_multi_index(([1, 0], [2, 1]), (2, 3))",
    "xp.ravel_multi_index(([1, 0], [2, 1]), (2, 3), order='F')", "xp.ravel_multi_index((1, 5), (2, 3))",
    "xp.ravel_multi_index((1, -1), (2, 3))", "xp.ravel_multi_index((1, 5), (2, 3), mode='wrap')",
    "xp.ravel_multi_index((1, -7), (2, 3), mode='wrap')", "xp.ravel_multi_index((3, -7), (2, 3), mode='clip')",
    "xp.ravel_multi_index(([3, -1], [1, 9]), (2, 3), mode=('clip', 'wrap'))",
    "xp.ravel_multi_index(([3, -1], [1, 9]), (2, 3), mode=('clip', 'raise'))",
    "xp.ravel_multi_index(([0, 1], 2), (2, 3))", "xp.ravel_multi_index(([[0], [1]], [0, 1, 2]), (2, 3), order='F')",
    "xp.ravel_multi_index((1,), (2, 3))", "xp.ravel_multi_index((1, 2), (2, 3), mode='foo')",
    "xp.ravel_multi_index((1, 2), (2, 3), mode=('wrap',))", "xp.ravel_multi_index((1.0, 2), (2, 3))",
    "xp.ravel_multi_index((1, 2), (2, 3), order='K')", "xp.ravel_multi_index((1, 2), (2, -3))",
    "xp.ravel_multi_index((True, 2), (2, 3))", "xp.ravel_multi_index(([], []), (2, 3))",
    "xp.ravel_multi_index((xp.array([], dtype='int64'), xp.array([], dtype='int64')), (2, 3))",
    "xp.ravel_multi_index((xp.array([1], dtype='uint8'), xp.array([2], dtype='int16')), (4, 5))",
    "xp.ravel_multi_index((2, 3, 4), (3, 4, 5), order='F')", "xp.ravel_multi_index((7,), (10,))",
    "list(xp.ndindex(2, 3))", "list(xp.ndindex((2, 1)))", "list(xp.ndindex())", "list(xp.ndindex(()))",
    "list(xp.ndindex(2, 0))", "list(xp.ndindex(2, -1))", "list(xp.ndindex([2, 2]))",
    "list(xp.ndenumerate(xp.arange(6).reshape(2, 3)))", "list(xp.ndenumerate(xp.array(5.5)))",
    "list(xp.ndenumerate(xp.zeros((0, 2))))", "list(xp.ndenumerate([[1.5, 2], [3, 4]]))",
    "list(xp.ndenumerate(xp.array([True, False])))",
]


@pytest.mark.parametrize("expr", INDICES)
def test_index_helpers_match_numpy(expr):
    _run(expr)


def test_grid_and_concatenator_objects_have_no_length():
    assert len(gf.mgrid) == 0 and len(gf.ogrid) == 0 and len(gf.r_) == 0 and len(gf.c_) == 0


def test_the_new_methods_exist_on_ndarray():
    a = gf.arange(9).reshape(3, 3)
    assert a.trace() == 12 and a.diagonal().tolist() == [0, 4, 8]
