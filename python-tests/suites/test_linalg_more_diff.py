"""Differential checks of gf.linalg's cond, lstsq, multi_dot, tensorinv and tensorsolve and of the gufuncs
matvec/vecmat against NumPy (answers recorded on CPython, replayed on GraalPy: exprcheck.py). Results of
decompositions compare within a relative tolerance: the SVD takes another (equally valid) route than LAPACK."""
import pytest

import gilfree as gf
from exprcheck import check_all

pytestmark = pytest.mark.numpy_answers

A = "m.asarray([[4., 1, 2], [1, 3, 0], [2, 0, 5]])"
TALL = "m.asarray([[1., 2], [3, 4], [5, 7]])"

COND = [f"m.linalg.cond({A}, {p})" for p in ("None", "1", "-1", "2", "-2", "m.inf", "-m.inf", "'fro'", "'nuc'")] + [
    f"m.linalg.cond({TALL})", f"m.linalg.cond({TALL}, -2)", "m.linalg.cond(m.arange(8.).reshape(2, 2, 2), 1)",
    "m.linalg.cond(m.arange(8.).reshape(2, 2, 2))", "m.linalg.cond([[1, 2], [3, 4]])",
    "m.linalg.cond(m.asarray([[1., 2], [2, 4]]), 1)", "m.linalg.cond(m.asarray([[1., 2], [2, 4]]), m.inf)",
    "m.linalg.cond(m.asarray([[1., 2], [2, 4]]), 'fro')", "m.linalg.cond(m.arange(3.))",
    f"m.linalg.cond({TALL}, 1)", "m.linalg.cond(m.asarray([[1., 2], [3, 4]], dtype='float32'))",
    "m.linalg.cond(m.asarray([[1., 2], [3, 4]]), 3)",
]

LSTSQ = [
    f"m.linalg.lstsq({TALL}, [1., 2, 4])", f"m.linalg.lstsq({TALL}, [[1., 0], [2, 1], [4, 0]])",
    "m.linalg.lstsq(m.ones((3, 2)), [1., 2, 4])", "m.linalg.lstsq(m.ones((2, 3)), [1., 2])",
    f"m.linalg.lstsq({A}, [1., 2, 3])", "m.linalg.lstsq(m.ones((0, 3)), m.ones(0))",
    "m.linalg.lstsq(m.ones((3, 0)), m.ones(3))", f"m.linalg.lstsq({TALL}, m.ones((3, 0)))",
    "m.linalg.lstsq(m.asarray([[1, 2], [3, 4], [5, 7]]), [1, 2, 4])",
    "m.linalg.lstsq(m.asarray([[1., 2], [3, 4], [5, 7]], dtype='float32'), m.asarray([1., 2, 4], dtype='float32'))",
    "m.linalg.lstsq(m.asarray([[1., 0], [0, 1e-12], [0, 0]]), [1., 1, 1])",
    "m.linalg.lstsq(m.asarray([[1., 0], [0, 1e-12], [0, 0]]), [1., 1, 1], rcond=1e-15)",
    "m.linalg.lstsq(m.asarray([[1., 0], [0, 1e-3], [0, 0]]), [1., 1, 1], rcond=0.01)",
    f"m.linalg.lstsq({TALL}, [1., 2])", "m.linalg.lstsq(m.ones(3), m.ones(3))",
    f"m.linalg.lstsq({TALL}, m.ones((3, 2, 2)))",
]

MULTI_DOT = [
    "m.linalg.multi_dot([m.arange(6.).reshape(2, 3), m.arange(12.).reshape(3, 4), m.arange(8.).reshape(4, 2)])",
    "m.linalg.multi_dot([m.arange(3.), m.ones((3, 2)), m.arange(2.)])",
    "m.linalg.multi_dot([m.arange(3.), m.ones((3, 2)), m.ones((2, 4))])",
    "m.linalg.multi_dot([m.ones((4, 3)), m.ones((3, 2)), m.arange(2.)])",
    "m.linalg.multi_dot([m.arange(3), m.ones((3, 2), dtype=int)])",
    "m.linalg.multi_dot([m.arange(10.).reshape(1, 10), m.ones((10, 5)), m.ones((5, 8)), m.arange(8.)])",
    "m.linalg.multi_dot([m.ones((2, 2))])", "m.linalg.multi_dot([m.ones((2, 2)), m.ones(2), m.ones((2, 2))])",
    "m.linalg.multi_dot([m.ones((2, 2)), m.ones((3, 2)), m.ones((2, 2))])",
]

TENSOR = [
    "m.linalg.tensorinv(m.eye(4).reshape(4, 2, 2) * 2, ind=1)",
    "m.linalg.tensorinv((m.eye(6) + m.arange(36.).reshape(6, 6) / 100).reshape(2, 3, 6), ind=2)",
    "m.linalg.tensorinv(m.eye(4).reshape(2, 2, 2, 2))", "m.linalg.tensorinv(m.eye(4), ind=0)",
    "m.linalg.tensorinv(m.ones((2, 3)), ind=1)",
    "m.linalg.tensorsolve((m.eye(6) + m.arange(36.).reshape(6, 6) / 100).reshape(2, 3, 6), m.arange(6.).reshape(2, 3))",
    "m.linalg.tensorsolve((m.eye(6) * 2).reshape(6, 2, 3), m.arange(6.))",
    "m.linalg.tensorsolve((m.eye(6) + m.arange(36.).reshape(6, 6) / 50).reshape(2, 3, 2, 3), m.ones((2, 3)), axes=(0,))",
    "m.linalg.tensorsolve(m.ones((2, 3, 4)), m.ones((2, 3)))",
]

GUFUNCS = [
    "m.matvec(m.arange(6).reshape(2, 3), m.arange(3))", "m.matvec(m.arange(6.).reshape(2, 3), [1., 2, 3])",
    "m.matvec(m.arange(24).reshape(2, 1, 4, 3), m.arange(9).reshape(3, 3))",
    "m.matvec(m.ones((2, 3), dtype='int8'), m.ones(3, dtype='int8'))",
    "m.matvec(m.ones((2, 3), dtype=bool), m.zeros(3, dtype=bool))",
    "m.matvec(m.asarray([[1j, 2], [3, 4j]]), m.asarray([1j, 2]))", "m.matvec(m.ones((2, 0)), m.ones(0))",
    "m.matvec(m.ones(3), m.ones(3))", "m.matvec(m.ones((2, 3)), m.ones(2))", "m.matvec(m.ones((2, 3)), 1.0)",
    "m.vecmat(m.arange(2), m.arange(6).reshape(2, 3))", "m.vecmat(m.asarray([1j, 2]), m.asarray([[1, 2], [3, 4j]]))",
    "m.vecmat(m.arange(6.).reshape(3, 2), m.arange(12.).reshape(3, 2, 2))",
    "m.vecmat(m.ones(2, dtype='float32'), m.ones((2, 3), dtype='float32'))",
    "m.vecmat(m.ones(3), m.ones((2, 3)))", "m.vecmat(m.ones(3), m.ones(3))",
]


def test_cond_matches_numpy():
    check_all("linalg-more", COND, rel=1e-9)


def test_lstsq_matches_numpy():
    # a singular value LAPACK leaves at 1e-17 may be exactly 0 here: absolute slack at that scale
    check_all("linalg-more", [e for e in LSTSQ if "float32" not in e], rel=1e-9)
    check_all("linalg-more", [e for e in LSTSQ if "float32" in e], rel=1e-6)


def test_multi_dot_matches_numpy():
    check_all("linalg-more", MULTI_DOT, rel=1e-12)


def test_tensor_inverse_and_solve_match_numpy():
    check_all("linalg-more", TENSOR, rel=1e-9)


def test_matvec_and_vecmat_match_numpy():
    check_all("linalg-more", [e for e in GUFUNCS if "float32" not in e])
    check_all("linalg-more", [e for e in GUFUNCS if "float32" in e], rel=1e-6)


def test_multi_dot_picks_the_cheap_order_and_writes_out():
    a, b, c = gf.ones((10, 100)), gf.ones((100, 5)), gf.ones((5, 50))
    out = gf.zeros((10, 50))
    r = gf.linalg.multi_dot([a, b, c], out=out)
    assert r is out and out.tolist() == [[500.0] * 50] * 10


def test_lstsq_rank_is_an_int32_scalar_and_residuals_sum_squares():
    x, res, rank, s = gf.linalg.lstsq(gf.asarray([[1., 0], [0, 1], [1, 1]]), gf.asarray([1., 1, 0]))
    assert type(rank).__name__ == "int32" and int(rank) == 2
    assert abs(x.tolist()[0] - 1 / 3) < 1e-12 and abs(res.tolist()[0] - 4 / 3) < 1e-12
