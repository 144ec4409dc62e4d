"""Differential checks of NumPy's legacy polynomial API (poly, poly1d, polyadd, polysub, polymul, polydiv, polyder,
polyint, polyval, polyfit, roots) against NumPy, recorded on CPython and replayed on GraalPy (exprcheck.py).
poly1d results are compared through their coeffs, str, repr and attributes. Roots come from an eigenvalue
iteration other than LAPACK's, so they are compared sorted (sort_complex) and within a relative tolerance, their
dtype and count separately."""
import pytest

from exprcheck import check

pytestmark = pytest.mark.numpy_answers

P = "m.poly1d([1.5, -2, 0, 3.25])"
Q = "m.poly1d([1, 2])"
POLY1D = [
    f"{P}.coeffs", f"{P}.order", f"{P}.variable", f"{P}.o", f"{P}.c", f"len({P})", f"str({P})", f"repr({P})",
    f"repr({Q})", f"str({Q})", "str(m.poly1d([0, 0, 1j, 2]))", "str(m.poly1d([1 + 2j, -1j, 0]))", "str(m.poly1d([0]))",
    "str(m.poly1d([]))", "m.poly1d([]).coeffs", "str(m.poly1d([-1, 0, -3.5, 0], variable='z'))",
    "str(m.poly1d(m.arange(1, 22)))", "str(m.poly1d([1e-7, 123456.789, 1.00001]))", "repr(m.poly1d(m.asarray([1, 2], dtype='float32')))",
    "m.poly1d([[1, 2]])", f"({P} * {Q}).coeffs", f"({P} + {Q}).coeffs", f"({P} - {Q}).coeffs", f"({Q} - {P}).coeffs",
    f"(2 * {P}).coeffs", f"({P} * 0.5).coeffs", f"(3 + {Q}).coeffs", f"(3 - {Q}).coeffs", f"({P} + [1, 1]).coeffs",
    f"({P} ** 3).coeffs", f"({P} ** 0).coeffs", f"{P} ** -1", f"{P} ** 1.5", f"(-{P}).coeffs", f"(+{P}).coeffs",
    f"({P} / 2).coeffs", f"[r.coeffs for r in {P} / {Q}]", f"[r.coeffs for r in [1, 2, 3] / {Q}]",
    f"{P}(2.0)", f"{P}([0, 1, 2])", f"{P}(m.arange(4).reshape(2, 2))", f"{Q}(m.asarray([1, 2], dtype='int8'))",
    f"{P}({Q}).coeffs", f"{P}.deriv().coeffs", f"{P}.deriv(2).coeffs", f"{P}.deriv(0).coeffs", f"{P}.integ().coeffs",
    f"{P}.integ(2, 1).coeffs", f"{P}.integ(2, [1, 2]).coeffs", f"{P} == m.poly1d([1.5, -2, 0, 3.25])", f"{P} == {Q}",
    f"{P} != {Q}", f"{P}[3]", f"{P}[0]", f"{P}[7]", f"{P}[-1]", f"list({Q})",
    "(lambda p: (p.__setitem__(4, 9), p.coeffs)[1])(m.poly1d([1.0, 2.0]))",
    "(lambda p: (p.__setitem__(0, 7), p.coeffs)[1])(m.poly1d([1.0, 2.0]))",
    "(lambda p: p.__setitem__(-1, 7))(m.poly1d([1.0, 2.0]))",
    "m.poly1d([1, 2], r=True).coeffs", "m.poly1d(m.poly1d([3, 4]), variable='t').variable",
    "str(m.poly1d(m.poly1d([3, 4]), variable='t'))", "m.poly1d([0, 0, 5]).coeffs", "m.poly1d(5).order",
]
FUNCS = [
    "m.poly([1, 2])", "m.poly([])", "m.poly([3])", "m.poly([1, 1, -2, 0.5])", "m.poly(m.asarray([1, 2], dtype='int8'))",
    "m.poly(m.asarray([1, 2], dtype='float32'))", "m.poly([1j, -1j])", "m.poly([1j, 2])", "m.poly([1 + 2j, 1 - 2j, 3])",
    "m.poly([[1, 2, 3]])", "m.poly(m.zeros((0, 0)))", "m.poly(m.zeros((2, 2, 2)))",
    "m.polyadd([1, 2], [3])", "m.polyadd([1], [3, 4, 5.5])", "m.polyadd([1, 2], [3, 4])", "m.polyadd(2, 3)",
    "m.polyadd(m.asarray([1, 2], dtype='int8'), m.asarray([1], dtype='float32'))", "m.polyadd([], [1, 2])",
    "m.polysub([1, 2], [3])", "m.polysub([1], [3, 4, 5.5])", "m.polysub([1, 2j], [3, 4])",
    "m.polymul([1, 2], [3, 4])", "m.polymul([1.5], [3, 4, 5])", "m.polymul([1, 2j], [1, -2j])", "m.polymul(2, [1, 1])",
    "m.polydiv([1, 2, 3], [1, 1])", "m.polydiv([3, 5, 2], [2, 1])", "m.polydiv([1, 2], [1, 2, 3])", "m.polydiv([4], [2])",
    "m.polydiv([1, -3, 0, 2], [1, -1, 2])", "m.polydiv([1j, 2], [1, 1])", "m.polydiv([1, 2, 1], [1, 1])",
    "m.polyder([1, 2, 3, 4])", "m.polyder([1, 2, 3, 4], 2)", "m.polyder([1, 2, 3, 4], 0)", "m.polyder([1, 2, 3, 4], 5)",
    "m.polyder([1.5, 2], 1)", "m.polyder([1, 2], -1)", "m.polyder([5])",
    "m.polyint([1, 2, 3])", "m.polyint([1, 2, 3], 2)", "m.polyint([1, 2, 3], 2, [1, 2])", "m.polyint([1, 2, 3], 3, 4)",
    "m.polyint([1, 2, 3], 0)", "m.polyint([1, 2, 3], -1)", "m.polyint([1, 2, 3], 3, [1, 2])", "m.polyint([1j, 2], 1, 5)",
    "m.polyval([1, 2, 3], 2)", "m.polyval([1, 2, 3], [0, 1, 2.5])", "m.polyval([1.5, 2], m.arange(6).reshape(2, 3))",
    "m.polyval([3, 0, 1], 5)", "m.polyval([], 5)", "m.polyval([1, 2], m.asarray([1, 2], dtype='int8'))",
    "m.polyval(m.asarray([1, 2], dtype='float32'), 2.5)", "m.polyval([1j, 1], [1, 2])",
    "m.polyval([1, 2], m.poly1d([1, 1])).coeffs",
]
XS = "[0, 1, 2, 3, 4, 5.5]"
YS = "[1, 3.2, 4.9, 7.1, 9.3, 12.0]"
FIT = [
    f"m.polyfit({XS}, {YS}, 1)", f"m.polyfit({XS}, {YS}, 2)", f"m.polyfit({XS}, {YS}, 0)", f"m.polyfit({XS}, {YS}, 5)",
    f"m.polyfit({XS}, {YS}, 3, full=True)", f"m.polyfit({XS}, {YS}, 5, full=True)", f"m.polyfit({XS}, {YS}, 7, full=True)",
    f"m.polyfit({XS}, {YS}, 2, w=[1, 2, 1, 2, 1, 0.5])", f"m.polyfit({XS}, {YS}, 1, cov=True)",
    f"m.polyfit({XS}, {YS}, 2, cov='unscaled')", f"m.polyfit({XS}, {YS}, 2, w=[1, 2, 1, 2, 1, 0.5], cov=True)",
    f"m.polyfit({XS}, m.asarray([{YS}, {YS}[::-1]]).T, 2)", f"m.polyfit({XS}, m.asarray([{YS}, {YS}[::-1]]).T, 1, cov=True)",
    f"m.polyfit({XS}, m.asarray([{YS}, {YS}[::-1]]).T, 1, w=m.ones(6) * 2)",
    f"m.polyfit({XS}, {YS}, 2, rcond=1e-3, full=True)", "m.polyfit([1, 2, 3], [2, 4, 6], 1)",
    "m.polyfit(m.asarray([1, 2, 3], dtype='float32'), [2, 4, 6], 1)", f"m.polyfit({XS}, {YS}, -1)",
    f"m.polyfit([[0, 1]], [1, 2], 1)", "m.polyfit([], [], 1)", "m.polyfit([1, 2], [1, 2, 3], 1)",
    "m.polyfit([1, 2], m.ones((2, 2, 2)), 1)", f"m.polyfit({XS}, {YS}, 1, w=[[1]])", f"m.polyfit({XS}, {YS}, 1, w=[1, 2])",
    "m.polyfit([1, 2], [1, 2], 1, cov=True)", "m.polyfit([0, 1, 2, 3], [1, 0, 1, 0], 2.0)",
]

ROOT_POLYS = ["[1, -3, 2]", "[1, 0, 1]", "[1, 2, 3, 4, 5]", "[3.2, 2, 1]", "[1, -10, 35, -50, 24]", "list(range(1, 12))",
              "[2, 0, 0]", "[0, 0, 1, -1, 0]", "[5]", "[0, 0]", "[]", "[1e-8, 1, 1e8]", "[1, 0, 0, 0, -16]", "[True, False, True]",
              "m.asarray([1, -3, 2], dtype='int8')", "m.asarray([1, 2, 3, 4], dtype='float32')", "[1.5, -2, 0, 3.25]",
              "m.poly([0.5, -1.25, 3, 7.5, -2])", "[1, -1, 1, -1, 1, -1, 1]", "[1, 2, -3, -8, 1, 2.5, 7, 11, -6, 3, 1, 1]"]
ROOTS = []
for p in ROOT_POLYS:
    ROOTS += [f"m.sort_complex(m.roots({p}))", f"m.roots({p}).dtype.name", f"len(m.roots({p}))"]
ROOTS += ["m.roots([[1, 2]])", "m.roots([1, inf])", "m.sort_complex(m.poly1d([1, -3, 2]).roots)",
          "m.sort_complex(m.poly1d([1, 0, 4]).r)", "m.poly1d([1, 1]).roots", "m.poly1d([1, 2, 5]).roots.dtype.name",
          "m.poly(m.asarray([[1, 2], [3, 4]]))", "m.poly(m.asarray([[0, -1], [1, 0]]))", "m.poly(m.eye(3) * 2)",
          "m.poly(m.asarray([[2, 1, 0], [0, 3, 1], [1, 0, 5.5]]))", "m.poly(m.asarray([[1, 2], [3, 4]], dtype='float32'))",
          "m.poly1d([1, -2, 3], r=True).coeffs"]


@pytest.mark.parametrize("expr", ROOTS)
def test_roots(expr):
    check("polynomials", expr, rel=1e-5 if "float32" in expr else 1e-10, rel_to_largest=True)


@pytest.mark.parametrize("expr", POLY1D)
def test_poly1d(expr):
    check("polynomials", expr, ulps=4)


@pytest.mark.parametrize("expr", FUNCS)
def test_polynomial_functions(expr):
    check("polynomials", expr, ulps=4)


@pytest.mark.parametrize("expr", FIT)
def test_polyfit(expr):
    check("polynomials", expr, rel=1e-11, rel_to_largest=True)
