"""Differential checks of vectorize, frompyfunc, apply_along_axis, apply_over_axes and piecewise against NumPy,
recorded on CPython and replayed on GraalPy (exprcheck.py). Each case is one expression; functions are lambdas
inside it. frompyfunc's results are compared through tolist(): NumPy's are object arrays, gilfree's are arrays
of the inferred dtype (docs/deviations.md)."""
import pytest

from exprcheck import check

pytestmark = pytest.mark.numpy_answers

F2 = "(lambda a, b: a - b if a > b else a + b)"
VECTORIZE = [
    f"m.vectorize({F2})([1, 2, 3, 4], 2)", f"m.vectorize({F2})(m.arange(6).reshape(2, 3), [[1], [4]])",
    f"m.vectorize({F2})(3, 2)", f"m.vectorize({F2}, otypes=[float])([1, 2, 3, 4], 2)",
    f"m.vectorize({F2}, otypes='d')([1, 2], [5, 0])", f"m.vectorize({F2}, otypes='q')([1.5, 2.5], 1)",
    "m.vectorize(lambda x: x * 2)(m.asarray([1, 2], dtype='int8'))", "m.vectorize(lambda x: x > 1)([0, 1, 2])",
    "m.vectorize(lambda x: x * 1j)([1.0, 2])", "m.vectorize(lambda x: x / 2)(m.arange(4))",
    "m.vectorize(lambda x: (x, x * 2.5))(m.arange(3))", "m.vectorize(lambda x: (x, -x), otypes='dl')([1, 2])",
    "m.vectorize(lambda x: x + 1)([])", "m.vectorize(lambda x: x + 1, otypes=[float])([])",
    "m.vectorize(lambda x: x + 1, otypes=[float])(m.zeros((0, 3)))", "m.vectorize(lambda x: x, otypes='?x')",
    "m.vectorize(lambda x: x, otypes=5)", "m.vectorize(lambda x: x + 1)(m.ones((2, 1, 3)))",
    "m.vectorize(lambda x, y=10: x + y)([1, 2], y=[5, 6])", "m.vectorize(lambda x, y=10: x + y)([1, 2])",
    "m.vectorize(lambda p, x: p[0] + p[1] * x, excluded={0})([1, 10], [1, 2, 3])",
    "m.vectorize(lambda x, p: x * len(p), excluded={'p'})([1, 2], p=[0, 0, 0])",
    "m.vectorize(lambda x: x + 1, cache=True)([1, 2, 3])",
    "(lambda calls: (m.vectorize(lambda x: calls.append(1) or x)([1, 2, 3]), len(calls))[1])([])",
    "(lambda calls: (m.vectorize(lambda x: calls.append(1) or x, cache=True)([1, 2, 3]), len(calls))[1])([])",
    "(lambda calls: (m.vectorize(lambda x: calls.append(1) or x, otypes='l')([1, 2, 3]), len(calls))[1])([])",
    "m.vectorize(otypes=[float])(lambda x: x * 3)([1, 2])", "m.vectorize(lambda x: x).__name__",
    "m.vectorize(lambda x: 1 / x)([1, 0])",
    "m.vectorize(lambda v: m.sum(v), signature='(n)->()')(m.arange(6).reshape(2, 3))",
    "m.vectorize(lambda a, b: m.dot(a, b), signature='(m,n),(n)->(m)')(m.ones((2, 3, 4)), m.arange(4.0))",
    "m.vectorize(lambda v: (m.min(v), m.max(v)), signature='(n)->(),()')(m.asarray([[3, 1, 2], [9, 7, 8]]))",
    "m.vectorize(lambda v: v[::-1] * 2, signature='(n)->(n)')(m.arange(6.0).reshape(3, 2))",
    "m.vectorize(lambda v: m.concatenate([v, v]), signature='(n)->(k)')(m.arange(4).reshape(2, 2))",
    "m.vectorize(lambda v: m.sum(v), signature='(n)->()')(m.ones((2, 3)), m.ones(3))",
    "m.vectorize(lambda a, b: a + b, signature='(n),(n)->(n)')(m.ones(2), m.ones(3))",
    "m.vectorize(lambda v: m.sum(v), signature='(n)->()')(5)", "m.vectorize(lambda v: v, signature='(n->)')",
    "m.vectorize(lambda v: m.sum(v), signature='(n)->()')(m.zeros((0, 3)))",
    "m.vectorize(lambda v: m.sum(v), signature='(n)->()', otypes=[float])(m.zeros((0, 3)))",
    "m.vectorize(lambda v: v, signature='(n)->(k)', otypes=[float])(m.zeros((0, 3)))",
    "m.vectorize(lambda v: (v, v), signature='(n)->()')(m.ones((2, 3)))",
]
FROMPYFUNC = [
    "m.frompyfunc(lambda x, y: x * y, 2, 1)([1, 2], 3).tolist()", "m.frompyfunc(lambda x, y: x * y, 2, 1)(2, 3.5)",
    "m.frompyfunc(lambda x: (x, x + 0.5), 1, 2)([1, 2])[1].tolist()", "m.frompyfunc(abs, 1, 1)([-1.5, 2]).tolist()",
    "m.frompyfunc(lambda x: x, 1, 1).nin", "m.frompyfunc(lambda x: x, 1, 1).nargs",
    "m.frompyfunc(lambda x: x, 1, 3).nout", "m.frompyfunc(lambda x: x + 1, 1, 1)(m.arange(6).reshape(2, 3)).shape",
    "m.frompyfunc(lambda x: x, 1, 1).__name__",
]
APPLY = [
    "m.apply_along_axis(lambda r: (r[0] + r[-1]) / 2, 0, m.arange(9).reshape(3, 3))",
    "m.apply_along_axis(lambda r: (r[0] + r[-1]) / 2, 1, m.arange(9).reshape(3, 3))",
    "m.apply_along_axis(lambda r: (r[0] + r[-1]) / 2, -1, m.arange(24).reshape(2, 3, 4))",
    "m.apply_along_axis(m.sort, 1, m.asarray([[8, 1, 7], [4, 3, 9]]))",
    "m.apply_along_axis(m.diag, -1, m.arange(6).reshape(2, 3))",
    "m.apply_along_axis(lambda r, k: r * k, 0, m.arange(6.0).reshape(2, 3), 3)",
    "m.apply_along_axis(lambda r, k=1: r[:2] + k, 1, m.arange(24).reshape(2, 3, 4), k=10)",
    "m.apply_along_axis(m.sum, 2, m.ones((2, 3)))", "m.apply_along_axis(m.sum, 0, m.ones((2, 0)))",
    "m.apply_along_axis(m.sum, 1, m.ones((2, 0)))", "m.apply_along_axis(lambda r: r.max() > 3, 0, m.arange(8).reshape(2, 4))",
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), [0, 2])",
    "m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), -1)",
    "m.apply_over_axes(m.mean, m.arange(24.0).reshape(2, 3, 4), (1, -1))",
    "m.apply_over_axes(lambda a, ax: m.sum(a, axis=ax, keepdims=True), m.arange(6).reshape(2, 3), [1])",
    "m.apply_over_axes(lambda a, ax: m.ravel(a), m.arange(6).reshape(2, 3), [1])",
    "m.apply_over_axes(m.sum, m.arange(6).reshape(2, 3), [])",
]
X = "m.linspace(-2.5, 2.5, 6)"
PIECEWISE = [
    f"m.piecewise({X}, [{X} < 0, {X} >= 0], [-1, 1])", f"m.piecewise({X}, [{X} < 0, {X} >= 0], [lambda x: -x, lambda x: x])",
    f"m.piecewise({X}, [{X} < 0], [lambda x: -x, lambda x: x * 10])", f"m.piecewise({X}, {X} < 0, [lambda x: -x])",
    f"m.piecewise({X}, [{X} < -1, {X} > 1], [0, 5, lambda x: x ** 2])",
    f"m.piecewise({X}, [{X} < 0, {X} > 1], [1, 2, 3, 4])",
    f"m.piecewise({X}, [{X} < 0], [lambda x, k: x * k, 0], 3)", f"m.piecewise({X}, [{X} < 0], [lambda x, k=1: x * k, 0], k=-2)",
    "m.piecewise(m.arange(5), [m.arange(5) > 2], [lambda x: x * 1.5, 7])",
    "m.piecewise(m.arange(6).reshape(2, 3), [m.arange(6).reshape(2, 3) % 2 == 0], [lambda x: x * 10, -1])",
    "m.piecewise(3.0, [True], [1.5])", "m.piecewise(3.0, [False], [1.5])", "m.piecewise(3.0, [3.0 > 2], [lambda x: x * 2, 0])",
    "m.piecewise(-3.0, [False, True], [1.5, lambda x: x - 1])", "m.piecewise(m.zeros(0), [m.zeros(0, dtype=bool)], [1])",
    "m.piecewise([1, 2, 3], [[True, False, True]], [9])", "m.piecewise(m.asarray([1, 2, 3]), [[True, False, True]], [9.7])",
]


@pytest.mark.parametrize("expr", VECTORIZE)
def test_vectorize(expr):
    check("functional", expr, ulps=0)


@pytest.mark.parametrize("expr", FROMPYFUNC)
def test_frompyfunc(expr):
    check("functional", expr, ulps=0)


@pytest.mark.parametrize("expr", APPLY)
def test_apply(expr):
    check("functional", expr, ulps=0)


@pytest.mark.parametrize("expr", PIECEWISE)
def test_piecewise(expr):
    check("functional", expr, ulps=0)
