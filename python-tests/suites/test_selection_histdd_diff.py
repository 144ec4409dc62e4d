"""Differential checks of unwrap, real_if_close, sort_complex, lexsort, choose (and ndarray.choose), histogram2d
and histogramdd against NumPy, recorded on CPython and replayed on GraalPy (exprcheck.py)."""
import pytest

from exprcheck import check

pytestmark = pytest.mark.numpy_answers

PH = "[0, 3, 6.5, 1, 4, -3, 9.6, 2]"
UNWRAP = [
    f"m.unwrap({PH})", f"m.unwrap({PH}, discont=4)", f"m.unwrap({PH}, discont=1)", f"m.unwrap({PH}, period=4)",
    f"m.unwrap({PH}, period=4, discont=3)", "m.unwrap([0, 1, 2, -1, 0], period=4)", "m.unwrap([2, 3, 4, 5, 2, 3, 4, 5], period=4)",
    "m.unwrap([1, 5, 9, 2, 6], period=5)", "m.unwrap(m.asarray([1, 5, 9, 2, 6], dtype='int8'), period=4)",
    "m.unwrap(m.asarray([0, 3, 6.5, 1], dtype='float32'))", "m.unwrap(m.arange(12.0).reshape(3, 4) * 2.5)",
    "m.unwrap(m.arange(12.0).reshape(3, 4) * 2.5, axis=0)", "m.unwrap(m.arange(12.0).reshape(3, 4) * 2.5, axis=-2)",
    "m.unwrap(m.arange(12.0).reshape(3, 4), axis=2)", "m.unwrap([])", "m.unwrap([1.5])", "m.unwrap([0, pi, 2 * pi, -pi])",
    "m.unwrap([0, 3 * pi, 0])", "m.unwrap([0, nan, 1, 7])", "m.unwrap(m.linspace(0, 20, 9) % 6)",
    "m.unwrap([0, 1, 5, 2], period=3.5)", "m.unwrap([0, 2, 4, 6], period=4)", "m.unwrap([0, -2, -4, -6], period=4)",
]
REAL = [
    "m.real_if_close([1 + 1e-15j, 2])", "m.real_if_close([1 + 1e-10j, 2])", "m.real_if_close([1 + 1e-10j], tol=1e7)",
    "m.real_if_close([1 + 1e-10j], tol=1e-9)", "m.real_if_close([1.5, 2])", "m.real_if_close(m.arange(3))",
    "m.real_if_close(m.asarray([1 + 1e-7j], dtype='complex64'), 1000)", "m.real_if_close(m.asarray([1 + 1e-5j], dtype='complex64'))",
    "m.real_if_close(2 + 0j)", "m.real_if_close(m.zeros(0, dtype='complex128'))", "m.real_if_close([[1 + 0j, 2 - 0j]])",
    "m.sort_complex([5, 3, 6, 2, 1])", "m.sort_complex([1 + 2j, 2 - 1j, 3 - 2j, 3 - 3j, 3 + 5j])",
    "m.sort_complex(m.asarray([3, 1], dtype='int8'))", "m.sort_complex(m.asarray([3, 1], dtype='uint16'))",
    "m.sort_complex(m.asarray([3, 1], dtype='int32'))", "m.sort_complex(m.asarray([3, 1.5], dtype='float32'))",
    "m.sort_complex(m.asarray([3j, 1], dtype='complex64'))", "m.sort_complex([[3, 1], [0, -2]])", "m.sort_complex([])",
    "m.sort_complex([True, False])", "m.sort_complex(3)",
]
K1 = "[1, 5, 1, 4, 3, 4, 4]"
K2 = "[9, 4, 0, 4, 0, 2, 1]"
LEX = [
    f"m.lexsort([{K1}, {K2}])", f"m.lexsort([{K2}, {K1}])", f"m.lexsort(({K1}, {K2}))", f"m.lexsort(m.asarray([{K1}, {K2}]))",
    f"m.lexsort([{K1}])", f"m.lexsort([{K1}, {K2}, [0, 0, 0, 0, 0, 0, 1]])", "m.lexsort([[3.5, nan, 1, nan], [1, 1, 1, 1]])",
    "m.lexsort([[1, 2], [3]])", "m.lexsort([])", "m.lexsort(m.asarray(5))", "m.lexsort([5, 3])", "m.lexsort([[1, 2], [3, 4]], axis=1)",
    "m.lexsort([m.asarray([[1, 2], [0, 4]])], axis=0)", "m.lexsort([m.asarray([[3, 2, 3], [0, 4, 0]]), m.asarray([[1, 1, 0], [2, 2, 2]])])",
    "m.lexsort([m.asarray([[3, 2, 3], [0, 4, 0]]), m.asarray([[1, 1, 0], [2, 2, 2]])], axis=0)",
    "m.lexsort([m.asarray([[3, 2, 3], [0, 4, 0]])], axis=-3)", "m.lexsort([[1, 2]], axis=None)",
    "m.lexsort([[1, 2], [3.5, 4]])", "m.lexsort([m.asarray([2, 1, 2, 1], dtype='uint8'), [True, True, False, False]])",
    "m.lexsort([[], []])", "m.lexsort([[1 + 1j, 1 - 1j, 0], [0, 0, 0]])", "m.lexsort([m.zeros((2, 0)), m.zeros((2, 0))])",
]
CH = "[[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]]"
CHOOSE = [
    f"m.choose([2, 3, 1, 0], {CH})", f"m.choose([2, 4, 1, 0], {CH})", f"m.choose([2, 4, 1, 0], {CH}, mode='clip')",
    f"m.choose([2, 4, 1, -1], {CH}, mode='wrap')", f"m.choose([2, -5, 1, 0], {CH}, mode='clip')", f"m.choose([2, 4], {CH}, mode='bad')",
    "m.choose([[1, 0, 1], [0, 1, 0]], [-10, 10])", "m.choose([[1], [0]], [[1, 2, 3], [4.5, 5, 6]])", "m.choose(1, [3, 4])",
    "m.choose(m.asarray(1), [3, 4.5])", "m.choose([1.5], [[1], [2]])", "m.choose([0, 1], [])", "m.choose([True, False], [[1, 2], [3, 4]])",
    "m.choose(m.asarray([0, 1], dtype='uint8'), [[1, 2], [3, 4]])", "m.choose([0, 1], m.asarray([[1, 2], [3, 4]]))",
    "m.choose([0, 1], [m.asarray([1, 2], dtype='int8'), m.asarray([3, 4], dtype='int8')])",
    "m.choose([0, 1], [m.asarray([1, 2], dtype='int8'), m.asarray([3.5, 4], dtype='float32')])",
    "m.choose([0, 1, 1], [[1, 2], [3, 4]])", "m.choose([], [[], []])", "m.choose(m.zeros((2, 0), dtype=int), [5, 6])",
    "(lambda o: (m.choose([1, 0], [[1, 2], [3, 4]], out=o), o)[1])(m.zeros(2))",
    "(lambda o: m.choose([1, 0], [[1, 2], [3, 4]], out=o) is o)(m.zeros(2, dtype=int))",
    "m.asarray([0, 1, 0]).choose([[1, 2, 3], [7, 8, 9]])", "m.asarray([0, 5]).choose([[1, 2], [7, 8]], mode='wrap')",
    "(lambda o: (m.asarray([1, 1]).choose([5, 6], out=o), o)[1])(m.ones(2))", "m.asarray([2]).choose([1, 2])",
]
X = "[0.1, 0.5, 0.9, 2.2, 3.0, 1.7, 0.5, 2.9]"
Y = "[1.0, 1.5, 0.2, 0.3, 2.5, 2.0, 1.5, 0.0]"
HIST = [
    f"m.histogram2d({X}, {Y})", f"m.histogram2d({X}, {Y}, bins=3)", f"m.histogram2d({X}, {Y}, bins=(2, 4))",
    f"m.histogram2d({X}, {Y}, bins=[[0, 1, 2, 3], [0, 1.5, 3]])", f"m.histogram2d({X}, {Y}, bins=[0, 1, 2, 3])",
    f"m.histogram2d({X}, {Y}, bins=[2, [0, 1.5, 3]])", f"m.histogram2d({X}, {Y}, bins=3, range=[[0, 2], [0, 2]])",
    f"m.histogram2d({X}, {Y}, bins=3, density=True)", f"m.histogram2d({X}, {Y}, bins=(2, 3), weights=[1, 2, 3, 4, 5, 6, 7, 8])",
    f"m.histogram2d({X}, {Y}, bins=(2, 3), weights=[1, 2, 3, 4, 5, 6, 7, 8], density=True)",
    f"m.histogram2d({X}, {Y}, bins=(2, 3), range=[[1, 0], [0, 1]])", f"m.histogram2d({X}, {Y}, bins=0)",
    f"m.histogram2d({X}, {Y}, bins=[[0, 2, 1], [0, 1]])", f"m.histogram2d({X}, {Y}, bins=2.5)",
    "m.histogram2d([], [])", "m.histogram2d([1, 1], [2, 2], bins=2)", "m.histogram2d(m.arange(5), m.arange(5) % 2, bins=(5, 2))",
    f"m.histogram2d({X}, {Y}, bins=(2, 3), range=[[0, inf], [0, 1]])", "m.histogram2d([1, nan], [1, 2])",
    f"m.histogramdd(m.asarray([{X}, {Y}]).T, bins=(2, 3))",
    f"m.histogramdd(m.asarray([{X}, {Y}, {X}[::-1]]).T, bins=2)",
    f"m.histogramdd(m.asarray([{X}, {Y}, {X}[::-1]]).T, bins=[2, 3, [0, 1, 4]], density=True)",
    f"m.histogramdd([{X}, {Y}], bins=2)", f"m.histogramdd({X}, bins=4)", f"m.histogramdd({X}, bins=[[0, 1, 2, 3]])",
    f"m.histogramdd(m.asarray([{X}, {Y}]).T, bins=(2, 3, 4))", f"m.histogramdd(m.asarray([{X}, {Y}]).T, range=[[0, 1]])",
    f"m.histogramdd(m.asarray([{X}, {Y}]).T, bins=[[[0, 1]], 2])",
    f"m.histogramdd(m.asarray([{X}, {Y}]).T, bins=2, range=[None, (0, 4)], weights=m.arange(8.0))",
    "m.histogramdd(m.zeros((0, 2)), bins=2)", "m.histogramdd(m.asarray([[1, 2], [3, 4]], dtype='int8'), bins=2)",
]


@pytest.mark.parametrize("expr", UNWRAP)
def test_unwrap(expr):
    check("selection", expr, ulps=2)


@pytest.mark.parametrize("expr", REAL)
def test_real_if_close_and_sort_complex(expr):
    check("selection", expr)


@pytest.mark.parametrize("expr", LEX)
def test_lexsort(expr):
    check("selection", expr)


@pytest.mark.parametrize("expr", CHOOSE)
def test_choose(expr):
    check("selection", expr)


@pytest.mark.parametrize("expr", HIST)
def test_histograms_nd(expr):
    check("selection", expr, ulps=2)
