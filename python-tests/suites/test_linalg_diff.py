"""Linear algebra and sorting against NumPy (CPython/jep): products exactly (integers) or to 1e-12 relative
(floats); decompositions by their defining identities plus NumPy's invariant values (eigenvalues,
singular values, det), since vector signs may legitimately differ from LAPACK's."""
import math
import random

import pytest

import gilfree as gf

np = pytest.importorskip("numpy")


def _rand(shape, seed, dt="float64", lo=-5, hi=5):
    rnd = random.Random(seed)
    n = math.prod(shape)
    if dt.startswith("float"):
        vs = [rnd.uniform(lo, hi) for _ in range(n)]
    else:
        vs = [rnd.randint(0 if dt[0] == "u" else lo, hi) for _ in range(n)]
    return gf.asarray(vs, dtype=dt).reshape(shape), np.asarray(vs, dtype=dt).reshape(shape)


def _close(got, want, rtol=1e-10, atol=1e-10):
    g = np.asarray(got.tolist() if isinstance(got, gf.ndarray) else got, dtype=float)
    if isinstance(got, gf.ndarray):
        g = g.reshape(got.shape)
    assert g.shape == np.shape(want), (g.shape, np.shape(want))
    assert np.allclose(g, np.asarray(want, dtype=float), rtol=rtol, atol=atol), (g, want)


PRODUCT_SHAPES = [((3, 4), (4, 2)), ((4,), (4, 3)), ((2, 3), (3,)), ((5,), (5,)), ((2, 3, 4), (4, 5)),
                  ((2, 1, 3, 4), (3, 4, 2)), ((0, 3), (3, 2)), ((3, 0), (0, 2))]


@pytest.mark.parametrize("dt", ["float64", "float32", "int64", "int8", "bool"])
@pytest.mark.parametrize("s1,s2", PRODUCT_SHAPES, ids=str)
def test_matmul(s1, s2, dt):
    g1, n1 = _rand(s1, 1, dt if dt != "bool" else "int64", 0 if dt == "bool" else -5, 1 if dt == "bool" else 5)
    g2, n2 = _rand(s2, 2, dt if dt != "bool" else "int64", 0 if dt == "bool" else -5, 1 if dt == "bool" else 5)
    if dt == "bool":
        g1, g2, n1, n2 = g1.astype("bool"), g2.astype("bool"), n1.astype(bool), n2.astype(bool)
    want = np.matmul(n1, n2)
    got = gf.matmul(g1, g2)
    got_op = g1 @ g2
    if isinstance(want, np.ndarray):
        assert got.dtype.name == want.dtype.name and got.shape == want.shape
        if dt.startswith("float"):
            _close(got, want, rtol=1e-5 if dt == "float32" else 1e-12)
        else:
            assert got.tolist() == want.tolist()
        assert got_op.tolist() == got.tolist()
    else:
        assert abs(float(got) - float(want)) <= 1e-5 * max(1, abs(float(want)))


@pytest.mark.parametrize("s1,s2", [((97, 130), (130, 211)), ((2, 61, 70), (70, 83)), ((300, 301), (301, 9))], ids=str)
def test_matmul_blocked_kernel_sizes(s1, s2):
    # Large enough for the cache-blocked SIMD kernel (and its thread split), with ragged edge tiles.
    g1, n1 = _rand(s1, 5)
    g2, n2 = _rand(s2, 6)
    got = g1 @ g2
    assert got.shape == np.matmul(n1, n2).shape
    _close(got, np.matmul(n1, n2), rtol=1e-12)


def test_matmul_mismatch_raises_value_error():
    with pytest.raises(ValueError, match="mismatch in its core dimension"):
        gf.matmul(gf.zeros((2, 3)), gf.zeros((2, 3)))


@pytest.mark.parametrize("fn,args", [
    ("dot", ((3, 4), (4,))), ("dot", ((2, 3, 4), (4, 2))), ("dot", ((2, 3, 4), (2, 4, 5))), ("vdot", ((2, 3), (6,))),
    ("inner", ((3, 4), (2, 4))), ("outer", ((3,), (4,))), ("tensordot", ((2, 3, 4), (3, 4, 5))),
])
def test_products(fn, args):
    g1, n1 = _rand(args[0], 3)
    g2, n2 = _rand(args[1], 4)
    _close(getattr(gf, fn)(g1, g2), getattr(np, fn)(n1, n2))


@pytest.mark.parametrize("sub,shapes", [("ij,jk->ik", [(2, 3), (3, 4)]), ("ij->ji", [(2, 3)]), ("i,i", [(4,), (4,)]),
                                        ("ij->", [(2, 3)]), ("bij,bjk->bik", [(2, 2, 3), (2, 3, 2)]),
                                        ("i,j->ij", [(2,), (3,)]), ("ijk->kij", [(2, 3, 4)]), ("ij,j->i", [(3, 4), (4,)])])
def test_einsum(sub, shapes):
    pairs = [_rand(s, 10 + i) for i, s in enumerate(shapes)]
    _close(gf.einsum(sub, *[p[0] for p in pairs]), np.einsum(sub, *[p[1] for p in pairs]))


def test_matrix_transpose_and_vecdot():
    g, n = _rand((2, 3, 4), 5)
    _close(gf.matrix_transpose(g), np.matrix_transpose(n))
    _close(gf.vecdot(g, g), np.vecdot(n, n))
    _close(gf.vecdot(g, g, axis=0), np.vecdot(n, n, axis=0))


def _spd(n, seed):
    g, m = _rand((n, n), seed)
    a = m @ m.T + n * np.eye(n)
    return gf.asarray(a.tolist()), a


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_square_decompositions(n):
    g, a = _spd(n, n)
    _close(gf.linalg.det(g), np.linalg.det(a), rtol=1e-9)
    s, l = gf.linalg.slogdet(g)
    ns, nl = np.linalg.slogdet(a)
    assert float(s) == float(ns)
    _close(l, nl)
    _close(gf.linalg.inv(g), np.linalg.inv(a), rtol=1e-9)
    b = np.arange(n, dtype=float) + 1
    _close(gf.linalg.solve(g, gf.asarray(b.tolist())), np.linalg.solve(a, b), rtol=1e-9)
    _close(gf.linalg.cholesky(g), np.linalg.cholesky(a))
    w, v = gf.linalg.eigh(g)
    _close(w, np.linalg.eigvalsh(a), rtol=1e-9)
    V = np.asarray(v.tolist())
    assert np.allclose(V @ np.diag(np.asarray(w.tolist())) @ V.T, a, atol=1e-9)
    assert np.allclose(V.T @ V, np.eye(n), atol=1e-12)


@pytest.mark.parametrize("shape", [(4, 3), (3, 4), (5, 5), (1, 3), (6, 2), (2, 3, 2)])
def test_svd_qr_rank_pinv(shape):
    g, a = _rand(shape, 7)
    for full in (False, True):
        u, s, vh = gf.linalg.svd(g, full_matrices=full)
        nu, ns, nvh = np.linalg.svd(a, full_matrices=full)
        assert u.shape == nu.shape and s.shape == ns.shape and vh.shape == nvh.shape
        _close(s, ns, rtol=1e-9)
        U, S, VH = (np.asarray(x.tolist()) for x in (u, s, vh))
        k = S.shape[-1]
        rec = U[..., :, :k] * S[..., None, :] @ VH[..., :k, :]
        assert np.allclose(rec, a, atol=1e-9)
        assert np.allclose(np.swapaxes(U, -1, -2) @ U, np.eye(U.shape[-1]), atol=1e-9)
    q, r = gf.linalg.qr(g)
    nq, nr = np.linalg.qr(a)
    assert q.shape == nq.shape and r.shape == nr.shape
    Q, R = np.asarray(q.tolist()), np.asarray(r.tolist())
    assert np.allclose(Q @ R, a, atol=1e-9)
    assert np.allclose(np.abs(R), np.abs(nr), atol=1e-9)
    if len(shape) == 2:
        assert int(gf.linalg.matrix_rank(g)) == int(np.linalg.matrix_rank(a))
        _close(gf.linalg.pinv(g), np.linalg.pinv(a), rtol=1e-8, atol=1e-9)


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
    g, n = _rand((7,), 8)
    _close(gf.linalg.norm(g, ord=ord), np.linalg.norm(n, ord=ord))


@pytest.mark.parametrize("ord", [None, "fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf])
def test_matrix_norms(ord):
    g, n = _rand((4, 3), 9)
    _close(gf.linalg.norm(g, ord=ord), np.linalg.norm(n, ord=ord))


def test_float32_stays_float32():
    g, a = _spd(3, 4)
    g32 = g.astype("float32")
    assert gf.linalg.inv(g32).dtype == gf.float32
    assert gf.linalg.det(g32).dtype == gf.float32
    assert gf.matmul(g32, g32).dtype == gf.float32


# ----- sorting / searching / sets -----
SORT_DTYPES = ["bool", "int8", "uint8", "int32", "uint64", "int64", "float32", "float64"]


@pytest.mark.parametrize("dt", SORT_DTYPES)
@pytest.mark.parametrize("axis", [-1, 0, None], ids=str)
def test_sort_argsort_stable(dt, axis):
    from _ufunc_cases import values
    vs = values(dt, 24, 11)
    g, n = gf.asarray(vs, dtype=dt).reshape(4, 6), np.asarray(vs, dtype=dt).reshape(4, 6)
    got, want = gf.sort(g, axis=axis), np.sort(n, axis=axis, kind="stable")
    assert got.dtype.name == want.dtype.name and got.shape == want.shape
    assert np.array_equal(np.asarray(got.tolist(), dtype=dt), want, equal_nan=dt.startswith("float"))
    assert gf.argsort(g, axis=axis).tolist() == np.argsort(n, axis=axis, kind="stable").tolist()


@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted(side):
    a = [1, 2, 2, 2, 5, 9]
    v = [0, 2, 3, 9, 10, -1]
    assert gf.searchsorted(gf.asarray(a), gf.asarray(v), side=side).tolist() == \
        np.searchsorted(np.asarray(a), np.asarray(v), side=side).tolist()
    fa = [-math.inf, -1.0, 0.0, 2.5, math.nan]
    fv = [math.nan, 0.0, -0.0, 3.0]
    assert gf.searchsorted(gf.asarray(fa), gf.asarray(fv), side=side).tolist() == \
        np.searchsorted(np.asarray(fa), np.asarray(fv), side=side).tolist()
    assert int(gf.searchsorted(gf.asarray(a), 2, side=side)) == int(np.searchsorted(np.asarray(a), 2, side=side))


@pytest.mark.parametrize("dt", ["int16", "float64", "bool", "uint32"])
def test_unique_family(dt):
    vs = [3, 1, 3, 0, 1, 7, 7, 7, 2] if dt != "bool" else [True, False, True]
    if dt == "float64":
        vs = [3.0, math.nan, 1.0, math.nan, 3.0, -0.0, 0.0]
    g, n = gf.asarray(vs, dtype=dt), np.asarray(vs, dtype=dt)
    gv, gi, ginv, gc = gf.unique(g, return_index=True, return_inverse=True, return_counts=True)
    nv, ni, ninv, nc = np.unique(n, return_index=True, return_inverse=True, return_counts=True)
    assert np.array_equal(np.asarray(gv.tolist(), dtype=dt), nv, equal_nan=dt == "float64")
    assert gi.tolist() == ni.tolist() and ginv.tolist() == ninv.tolist() and gc.tolist() == nc.tolist()
    ua, una = gf.unique_all(g), np.unique_all(n)
    assert ua.counts.tolist() == una.counts.tolist() and ua.inverse_indices.tolist() == una.inverse_indices.tolist()
    assert gf.unique_counts(g).counts.tolist() == np.unique_counts(n).counts.tolist()
    assert gf.unique_inverse(g).inverse_indices.tolist() == np.unique_inverse(n).inverse_indices.tolist()
    assert len(gf.unique_values(g).tolist()) == len(np.unique_values(n).tolist())


def test_isin_where_argwhere_nonzero():
    e, t = [1, 5, 3, 9, 0], [9, 1, 2]
    assert gf.isin(gf.asarray(e), gf.asarray(t)).tolist() == np.isin(e, t).tolist()
    assert gf.isin(gf.asarray(e), t, invert=True).tolist() == np.isin(e, t, invert=True).tolist()
    c = [[True, False, True], [False, False, True]]
    x = [[1, 2, 3], [4, 5, 6]]
    for a, b in ((x, 0.5), (1, 2), (gf.asarray([1], dtype="int8"), 300), (x, gf.asarray([7.0, 8.0, 9.0]))):
        na = np.asarray(a.tolist(), dtype=a.dtype.name) if isinstance(a, gf.ndarray) else a
        nb = np.asarray(b.tolist(), dtype=b.dtype.name) if isinstance(b, gf.ndarray) else b
        want = np.where(c, na, nb)
        got = gf.where(gf.asarray(c), a if not isinstance(a, list) else gf.asarray(a), b)
        assert got.dtype.name == want.dtype.name and got.tolist() == want.tolist()
    assert gf.argwhere(gf.asarray(x) > 2).tolist() == np.argwhere(np.asarray(x) > 2).tolist()
    assert [i.tolist() for i in gf.nonzero(gf.asarray(c))] == [i.tolist() for i in np.nonzero(c)]
