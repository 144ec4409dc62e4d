"""Linear algebra and sorting against NumPy: products exactly (integers) or to 1e-12 relative (floats);
decompositions by their defining identities (checked in plain Python) plus NumPy's invariant values
(eigenvalues, singular values, det), since vector signs may legitimately differ from LAPACK's.

Inputs come from fixed seeds (`_rand`), so NumPy's answers recorded on CPython through jep are replayed on
GraalPy for the same cases (recorded.py)."""
import math
import random

import pytest

import gilfree as gf
from _ufunc_cases import Input, values
from oracle import np, values_equal
from recorded import answer

pytestmark = pytest.mark.numpy_answers


def _rand(shape, seed, dt="float64", lo=-5, hi=5):
    rnd = random.Random(seed)
    n = math.prod(shape)
    if dt.startswith("float"):
        vs = [rnd.uniform(lo, hi) for _ in range(n)]
    else:
        vs = [rnd.randint(0 if dt[0] == "u" else lo, hi) for _ in range(n)]
    return Input(vs, dt, shape)


def _result(x):
    """A NumPy array or scalar as plain data (what recorded.py keeps)."""
    return {"array": isinstance(x, np.ndarray), "dtype": x.dtype.name, "shape": list(np.shape(x)),
            "values": x.tolist()}


def _numpy(key, compute):
    """NumPy's results of one case, computed with NumPy or replayed: compute() returns a result or a
    tuple of results (NumPy arrays and scalars)."""
    def record():
        r = compute()
        return [_result(x) for x in r] if isinstance(r, tuple) else _result(r)
    return answer(f"linalg {key}", record)


def _flat(v):
    if isinstance(v, list):
        for x in v:
            yield from _flat(x)
    else:
        yield v


def _shape(x):
    return tuple(x.shape) if isinstance(x, gf.ndarray) else ()


def _allclose(g, w, rtol, atol):
    """np.allclose over nested lists of numbers (NaN never close)."""
    return all(abs(float(a) - float(b)) <= atol + rtol * abs(float(b)) for a, b in zip(_flat(g), _flat(w)))


def _close(got, want, rtol=1e-10, atol=1e-10):
    """got (a gilfree array or scalar) within np.allclose's tolerance of NumPy's recorded `want`."""
    assert _shape(got) == tuple(want["shape"]), (_shape(got), want["shape"])
    g = got.tolist() if isinstance(got, gf.ndarray) else float(got)
    assert _allclose(g, want["values"], rtol, atol), (g, want["values"])


# ----- small dense matrices in plain Python, for the defining identities -----

def _mm(a, b):
    return [[math.fsum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def _t(a):
    return [list(r) for r in zip(*a)]


def _eye(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


PRODUCT_SHAPES = [((3, 4), (4, 2)), ((4,), (4, 3)), ((2, 3), (3,)), ((5,), (5,)), ((2, 3, 4), (4, 5)),
                  ((2, 1, 3, 4), (3, 4, 2)), ((0, 3), (3, 2)), ((3, 0), (0, 2))]


@pytest.mark.parametrize("dt", ["float64", "float32", "int64", "int8", "bool"])
@pytest.mark.parametrize("s1,s2", PRODUCT_SHAPES, ids=str)
def test_matmul(s1, s2, dt):
    i1 = _rand(s1, 1, dt if dt != "bool" else "int64", 0 if dt == "bool" else -5, 1 if dt == "bool" else 5)
    i2 = _rand(s2, 2, dt if dt != "bool" else "int64", 0 if dt == "bool" else -5, 1 if dt == "bool" else 5)
    cast = (lambda a: a.astype(bool)) if dt == "bool" else (lambda a: a)
    want = _numpy(f"matmul {s1} {s2} {dt}", lambda: np.matmul(cast(i1.np()), cast(i2.np())))
    g1, g2 = i1.gf(), i2.gf()
    if dt == "bool":
        g1, g2 = g1.astype("bool"), g2.astype("bool")
    got = gf.matmul(g1, g2)
    got_op = g1 @ g2
    if want["array"]:
        assert got.dtype.name == want["dtype"] and list(got.shape) == want["shape"]
        if dt.startswith("float"):
            _close(got, want, rtol=1e-5 if dt == "float32" else 1e-12)
        else:
            assert got.tolist() == want["values"]
        assert got_op.tolist() == got.tolist()
    else:
        assert abs(float(got) - float(want["values"])) <= 1e-5 * max(1, abs(float(want["values"])))


@pytest.mark.parametrize("s1,s2", [((97, 130), (130, 211)), ((2, 61, 70), (70, 83)), ((300, 301), (301, 9))], ids=str)
def test_matmul_blocked_kernel_sizes(s1, s2):
    # Large enough for the cache-blocked SIMD kernel (and its thread split), with ragged edge tiles.
    i1, i2 = _rand(s1, 5), _rand(s2, 6)
    want = _numpy(f"matmul blocked {s1} {s2}", lambda: np.matmul(i1.np(), i2.np()))
    _close(i1.gf() @ i2.gf(), want, rtol=1e-12)


def test_matmul_mismatch_raises_value_error():
    with pytest.raises(ValueError, match="mismatch in its core dimension"):
        gf.matmul(gf.zeros((2, 3)), gf.zeros((2, 3)))


@pytest.mark.parametrize("fn,args", [
    ("dot", ((3, 4), (4,))), ("dot", ((2, 3, 4), (4, 2))), ("dot", ((2, 3, 4), (2, 4, 5))), ("vdot", ((2, 3), (6,))),
    ("inner", ((3, 4), (2, 4))), ("outer", ((3,), (4,))), ("tensordot", ((2, 3, 4), (3, 4, 5))),
])
def test_products(fn, args):
    i1, i2 = _rand(args[0], 3), _rand(args[1], 4)
    want = _numpy(f"{fn} {args}", lambda: getattr(np, fn)(i1.np(), i2.np()))
    _close(getattr(gf, fn)(i1.gf(), i2.gf()), want)


@pytest.mark.parametrize("sub,shapes", [("ij,jk->ik", [(2, 3), (3, 4)]), ("ij->ji", [(2, 3)]), ("i,i", [(4,), (4,)]),
                                        ("ij->", [(2, 3)]), ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]),
                                        ("i,j->ij", [(2,), (3,)]), ("ijk->kij", [(2, 3, 4)]), ("ij,j->i", [(3, 4), (4,)])])
def test_einsum(sub, shapes):
    inputs = [_rand(s, 10 + i) for i, s in enumerate(shapes)]
    want = _numpy(f"einsum {sub} {shapes}", lambda: np.einsum(sub, *[i.np() for i in inputs]))
    _close(gf.einsum(sub, *[i.gf() for i in inputs]), want)


def test_matrix_transpose_and_vecdot():
    i = _rand((2, 3, 4), 5)
    want = _numpy("matrix_transpose vecdot (2, 3, 4)", lambda: (
        np.matrix_transpose(i.np()), np.vecdot(i.np(), i.np()), np.vecdot(i.np(), i.np(), axis=0)))
    g = i.gf()
    _close(gf.matrix_transpose(g), want[0])
    _close(gf.vecdot(g, g), want[1])
    _close(gf.vecdot(g, g, axis=0), want[2])


def _spd(n, seed):
    """A symmetric positive definite n x n matrix: M M^T + n I (in plain Python, the same on every runtime)."""
    vs = _rand((n, n), seed).vs
    m = [vs[r * n:(r + 1) * n] for r in range(n)]
    a = _mm(m, _t(m))
    return Input([a[r][c] + (n if r == c else 0) for r in range(n) for c in range(n)], "float64", (n, n))


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_square_decompositions(n):
    spd = _spd(n, n)
    b = [float(k + 1) for k in range(n)]

    def numpy_answers():
        a = spd.np()
        return (np.linalg.det(a), *np.linalg.slogdet(a), np.linalg.inv(a), np.linalg.solve(a, np.asarray(b)),
                np.linalg.cholesky(a), np.linalg.eigvalsh(a))
    det, sign, logdet, inv, solve, chol, eigvals = _numpy(f"square decompositions {n}", numpy_answers)
    g = spd.gf()
    _close(gf.linalg.det(g), det, rtol=1e-9)
    s, l = gf.linalg.slogdet(g)
    assert float(s) == float(sign["values"])
    _close(l, logdet)
    _close(gf.linalg.inv(g), inv, rtol=1e-9)
    _close(gf.linalg.solve(g, gf.asarray(b)), solve, rtol=1e-9)
    _close(gf.linalg.cholesky(g), chol)
    w, v = gf.linalg.eigh(g)
    _close(w, eigvals, rtol=1e-9)
    V, W = v.tolist(), w.tolist()
    a = [spd.vs[r * n:(r + 1) * n] for r in range(n)]
    assert _allclose(_mm(_mm(V, [[W[i] if i == j else 0.0 for j in range(n)] for i in range(n)]), _t(V)), a, 0, 1e-9)
    assert _allclose(_mm(_t(V), V), _eye(n), 0, 1e-12)


def _svd_identities(u, s, vh, a):
    """U[:, :k] diag(S) VH[:k] == a and U^T U == I, for one matrix (nested lists)."""
    k = len(s)
    us = [[u[i][j] * s[j] for j in range(k)] for i in range(len(u))]
    assert _allclose(_mm(us, [row for row in vh[:k]]), a, 0, 1e-9)
    assert _allclose(_mm(_t(u), u), _eye(len(u[0])), 0, 1e-9)


@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (5, 5), (1, 3), (6, 2), (2, 3, 2)])
def test_svd_qr_rank_pinv(shape):
    i = _rand(shape, 7)

    def numpy_answers():
        a = i.np()
        r = (*np.linalg.svd(a, full_matrices=False), *np.linalg.svd(a, full_matrices=True), *np.linalg.qr(a))
        return r + ((np.asarray(np.linalg.matrix_rank(a)), np.linalg.pinv(a)) if len(shape) == 2 else ())
    want = _numpy(f"svd qr rank pinv {shape}", numpy_answers)

    def each(x):  # the matrices of a stack (nested lists)
        return x if len(shape) == 3 else [x]
    g = i.gf()
    for full, (nu, ns, nvh) in ((False, want[0:3]), (True, want[3:6])):
        u, s, vh = gf.linalg.svd(g, full_matrices=full)
        assert [list(x.shape) for x in (u, s, vh)] == [x["shape"] for x in (nu, ns, nvh)], full
        _close(s, ns, rtol=1e-9)
        for m_u, m_s, m_vh, m_a in zip(*(each(x.tolist()) for x in (u, s, vh, g))):
            _svd_identities(m_u, m_s, m_vh, m_a)
    nq, nr = want[6:8]
    q, r = gf.linalg.qr(g)
    assert list(q.shape) == nq["shape"] and list(r.shape) == nr["shape"]
    for m_q, m_r, m_a in zip(*(each(x.tolist()) for x in (q, r, g))):
        assert _allclose(_mm(m_q, m_r), m_a, 0, 1e-9)
    assert _allclose([abs(x) for x in _flat(r.tolist())], [abs(x) for x in _flat(nr["values"])], 0, 1e-9)
    if len(shape) == 2:
        assert int(gf.linalg.matrix_rank(g)) == want[8]["values"]
        _close(gf.linalg.pinv(g), want[9], rtol=1e-8, atol=1e-9)


def test_rank_deficient_and_errors():
    a = [[1.0, 2.0], [2.0, 4.0]]
    assert int(gf.linalg.matrix_rank(gf.asarray(a))) == 1
    with pytest.raises(gf.linalg.LinAlgError, match="Singular matrix"):
        gf.linalg.inv(gf.asarray(a))
    with pytest.raises(gf.linalg.LinAlgError, match="not positive definite"):
        gf.linalg.cholesky(gf.asarray([[1.0, 2.0], [2.0, 1.0]]))
    with pytest.raises(gf.linalg.LinAlgError, match="square"):
        gf.linalg.det(gf.zeros((2, 3)))
    assert issubclass(gf.linalg.LinAlgError, ValueError)


@pytest.mark.parametrize("ord", [None, 1, 2, math.inf, -math.inf, 0, 3])
def test_vector_norms(ord):
    i = _rand((7,), 8)
    _close(gf.linalg.norm(i.gf(), ord=ord), _numpy(f"vector norm {ord}", lambda: np.linalg.norm(i.np(), ord=ord)))


@pytest.mark.parametrize("ord", [None, "fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf])
def test_matrix_norms(ord):
    i = _rand((4, 3), 9)
    _close(gf.linalg.norm(i.gf(), ord=ord), _numpy(f"matrix norm {ord}", lambda: np.linalg.norm(i.np(), ord=ord)))


def test_float32_stays_float32():
    g32 = _spd(3, 4).gf().astype("float32")
    assert gf.linalg.inv(g32).dtype == gf.float32
    assert gf.linalg.det(g32).dtype == gf.float32
    assert gf.matmul(g32, g32).dtype == gf.float32


# ----- sorting / searching / sets -----
SORT_DTYPES = ["bool", "int8", "uint8", "int32", "uint64", "int64", "float32", "float64"]


@pytest.mark.parametrize("dt", SORT_DTYPES)
@pytest.mark.parametrize("axis", [-1, 0, None], ids=str)
def test_sort_argsort_stable(dt, axis):
    i = Input(values(dt, 24, 11), dt, (4, 6))
    want, want_arg = _numpy(f"sort {dt} axis={axis}", lambda: (np.sort(i.np(), axis=axis, kind="stable"),
                                                                np.argsort(i.np(), axis=axis, kind="stable")))
    g = i.gf()
    got = gf.sort(g, axis=axis)
    assert got.dtype.name == want["dtype"] and list(got.shape) == want["shape"]
    assert values_equal(got.tolist(), want["values"]), (got.tolist(), want["values"])  # NaN == NaN
    assert gf.argsort(g, axis=axis).tolist() == want_arg["values"]


@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted(side):
    a = [1, 2, 2, 2, 5, 9]
    v = [0, 2, 3, 9, 10, -1]
    fa = [-math.inf, -1.0, 0.0, 2.5, math.nan]
    fv = [math.nan, 0.0, -0.0, 3.0]
    want = _numpy(f"searchsorted {side}", lambda: (
        np.searchsorted(np.asarray(a), np.asarray(v), side=side),
        np.searchsorted(np.asarray(fa), np.asarray(fv), side=side), np.searchsorted(np.asarray(a), 2, side=side)))
    assert gf.searchsorted(gf.asarray(a), gf.asarray(v), side=side).tolist() == want[0]["values"]
    assert gf.searchsorted(gf.asarray(fa), gf.asarray(fv), side=side).tolist() == want[1]["values"]
    assert int(gf.searchsorted(gf.asarray(a), 2, side=side)) == want[2]["values"]


def _unique_family(m, a):
    v, i, inv, c = m.unique(a, return_index=True, return_inverse=True, return_counts=True)
    ua = m.unique_all(a)
    return {"values": v.tolist(), "index": i.tolist(), "inverse": inv.tolist(), "counts": c.tolist(),
            "all counts": ua.counts.tolist(), "all inverse": ua.inverse_indices.tolist(),
            "unique_counts": m.unique_counts(a).counts.tolist(),
            "unique_inverse": m.unique_inverse(a).inverse_indices.tolist(),
            "unique_values": len(m.unique_values(a).tolist())}


@pytest.mark.parametrize("dt", ["int16", "float64", "bool", "uint32"])
def test_unique_family(dt):
    vs = [3, 1, 3, 0, 1, 7, 7, 7, 2] if dt != "bool" else [True, False, True]
    if dt == "float64":
        vs = [3.0, math.nan, 1.0, math.nan, 3.0, -0.0, 0.0]
    want = answer(f"linalg unique {dt}", lambda: _unique_family(np, np.asarray(vs, dtype=dt)))
    got = _unique_family(gf, gf.asarray(vs, dtype=dt))
    for k in want:
        assert values_equal(got[k], want[k]) if k == "values" else got[k] == want[k], (k, got[k], want[k])


WHERE_CASES = [("x", 0.5), (1, 2), (True, 1), (("int8", [1]), 300), ("x", ("float64", [7.0, 8.0, 9.0])),
               # a Python complex is weak too: complex64 next to float32 and complex64 (NEP 50)
               (("float32", [1.5, 2.5, 3.5]), 1j), (2 - 1j, ("complex64", [1j, 2, 3])), ("x", 1j), (1.5, 1j)]


def _isin_where_argwhere_nonzero(m):
    e, t = [1, 5, 3, 9, 0], [9, 1, 2]
    c = [[True, False, True], [False, False, True]]
    x = [[1, 2, 3], [4, 5, 6]]

    def arg(v):  # "x", a Python scalar, or (dtype, values) of an array
        return m.asarray(x) if v == "x" else m.asarray(v[1], dtype=v[0]) if isinstance(v, tuple) else v
    where = [m.where(m.asarray(c), arg(a), arg(b)) for a, b in WHERE_CASES]
    return {"isin": m.isin(m.asarray(e), m.asarray(t)).tolist(),
            "isin invert": m.isin(m.asarray(e), t, invert=True).tolist(),
            "where": [(w.dtype.name, w.tolist()) for w in where],
            "argwhere": m.argwhere(m.asarray(x) > 2).tolist(), "nonzero": [i.tolist() for i in m.nonzero(m.asarray(c))]}


def test_isin_where_argwhere_nonzero():
    want = answer("linalg isin where argwhere nonzero", lambda: _isin_where_argwhere_nonzero(np))
    got = _isin_where_argwhere_nonzero(gf)
    for k in want:
        assert got[k] == want[k], (k, got[k], want[k])
