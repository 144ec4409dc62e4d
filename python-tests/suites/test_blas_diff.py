"""OpenBLAS against NumPy. Matrix products on OpenBLAS and on the Java kernels: every float and complex dtype,
views whose strides BLAS reads in place (transposes, row slices) or cannot (steps along both axes, negative
strides), broadcast stacks, stacks and products large enough for the executor to split them, and the
products that reduce to matmul (dot, tensordot, inner, vdot, einsum).

LAPACK's det, slogdet, inv, solve and cholesky over the same dtypes and stacks, NumPy's LinAlgError cases.
The Java kernels are reached with diagnostics.java_kernels() (a test hook, process-wide while it lasts)."""
import math
import os
import random
import subprocess
import sys

import pytest

import gilfree as gf
from recorded import answer

pytestmark = pytest.mark.numpy_answers
# the backend switch (diagnostics.java_kernels) is process-wide: threads of one test would flip it under each other
pytestmark = [pytestmark, pytest.mark.thread_unsafe(reason="switches the process-wide BLAS backend")]

DTYPES = ["float32", "float64", "complex64", "complex128"]
TOL = {"float32": 2e-5, "complex64": 2e-5, "float64": 1e-12, "complex128": 1e-12}


def _values(shape, seed, dt):
    rnd = random.Random(seed)
    n = math.prod(shape)
    if dt.startswith("complex"):
        return [complex(rnd.uniform(-2, 2), rnd.uniform(-2, 2)) for _ in range(n)]
    return [rnd.uniform(-2, 2) for _ in range(n)]


def _pair(shape, seed, dt):
    """(gilfree array, a function building NumPy's) over the same values."""
    vs = _values(shape, seed, dt)

    def numpy_array():
        import numpy
        return numpy.asarray(vs, dtype=dt).reshape(shape)
    return gf.asarray(vs, dtype=dt).reshape(shape), numpy_array


def _plain(x):
    return [[v.real, v.imag] for v in x] if x and isinstance(x[0], complex) else x


def _flat(v):
    if isinstance(v, list):
        for x in v:
            yield from _flat(x)
    else:
        yield v


def _numpy(key, compute):
    def record():
        r = compute()
        return {"dtype": r.dtype.name, "shape": list(r.shape), "values": r.tolist() if r.ndim else [r.item()]}
    return answer(f"blas {key}", record)


def _check(got, want, dt):
    got = gf.asarray(got)
    assert got.dtype.name == want["dtype"] and list(got.shape) == want["shape"], (got.dtype, got.shape, want)
    g = list(_flat(got.tolist())) if got.ndim else [got.item()]
    w = list(_flat(want["values"]))
    assert len(g) == len(w)
    scale = max([abs(complex(x)) for x in w] + [1.0])
    worst = max((abs(complex(a) - complex(b)) for a, b in zip(g, w)), default=0.0)
    assert worst <= TOL[dt] * scale * 10, (worst, scale)


@pytest.fixture(params=["openblas", "java"])
def backend(request):
    if request.param == "java":
        with gf.diagnostics.java_kernels():
            yield request.param
    else:
        yield request.param


# name -> (shape of a, shape of b, view of a, view of b); views are written once and applied to both libraries.
VIEWS = {
    "plain": ((5, 7), (7, 3), lambda x: x, lambda y: y),
    "a transposed": ((7, 5), (7, 3), lambda x: x.T, lambda y: y),
    "both transposed": ((7, 5), (3, 7), lambda x: x.T, lambda y: y.T),
    "row slices": ((6, 9), (9, 8), lambda x: x[1:6, 2:9], lambda y: y[2:9, 1:5]),
    "steps both axes": ((10, 14), (14, 6), lambda x: x[::2, ::2], lambda y: y[::2, ::2]),
    "negative strides": ((5, 7), (7, 3), lambda x: x[::-1], lambda y: y[:, ::-1]),
    "column vector": ((5, 7), (7, 3), lambda x: x, lambda y: y[:, 1:2]),
    "row of a": ((5, 7), (7, 3), lambda x: x[2:3], lambda y: y),
    "batch broadcast": ((4, 1, 3, 5), (2, 5, 6), lambda x: x, lambda y: y),
    "batch transposed views": ((3, 5, 4), (3, 6, 5), lambda x: x.swapaxes(-1, -2), lambda y: y.swapaxes(-1, -2)),
    "batch stride 0": ((3, 4), (5, 4, 2), lambda x: x, lambda y: y),
    "batch split": ((200, 12, 10), (200, 10, 11), lambda x: x, lambda y: y),
    "large split by rows": ((150, 140), (140, 130), lambda x: x, lambda y: y),
    "large split by columns": ((40, 300), (300, 400), lambda x: x, lambda y: y.T.copy().T),
}


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("case", list(VIEWS))
def test_matmul_views(case, dt, backend):
    sa, sb, va, vb = VIEWS[case]
    (ga, na), (gb, nb) = _pair(sa, 1, dt), _pair(sb, 2, dt)
    want = _numpy(f"matmul {case} {dt}", lambda: va(na()) @ vb(nb()))
    _check(va(ga) @ vb(gb), want, dt)


@pytest.mark.parametrize("dts", [("float32", "float64"), ("float32", "complex64"), ("int64", "float32"),
                                 ("float64", "complex64")], ids=str)
def test_matmul_mixed_dtypes_promote(dts, backend):
    (ga, na), (gb, nb) = _pair((4, 6), 3, "float64"), _pair((6, 5), 4, "float64")
    want = _numpy(f"mixed {dts}", lambda: (na() * 3).astype(dts[0]) @ nb().astype(dts[1]))
    got = (ga * 3).astype(dts[0]) @ gb.astype(dts[1])
    _check(got, want, "float32" if "32" in want["dtype"] or want["dtype"] == "complex64" else "float64")


@pytest.mark.parametrize("case", ["dot 2d", "dot nd", "tensordot", "inner", "vdot", "einsum ij,jk", "einsum bij,bkj->bik",
                                  "einsum ijk,jl->lik", "einsum i,i"])
@pytest.mark.parametrize("dt", ["float32", "complex128"])
def test_products_reducing_to_gemm(case, dt, backend):
    (ga, na), (gb, nb), (gc, nc) = _pair((3, 4, 5), 5, dt), _pair((4, 5, 2), 6, dt), _pair((5, 6), 7, dt)
    calls = {
        "dot 2d": lambda m, a, b, c: m.dot(a[0], c),
        "dot nd": lambda m, a, b, c: m.dot(a, b[0]),
        "tensordot": lambda m, a, b, c: m.tensordot(a, b, axes=([1, 2], [0, 1])),
        "inner": lambda m, a, b, c: m.inner(a, c.T),
        "vdot": lambda m, a, b, c: m.vdot(a[0], c[:, :4]),
        "einsum ij,jk": lambda m, a, b, c: m.einsum("ij,jk", a[0], c),
        "einsum bij,bkj->bik": lambda m, a, b, c: m.einsum("bij,bkj->bik", a, a),
        "einsum ijk,jl->lik": lambda m, a, b, c: m.einsum("ijk,jl->lik", a, b[:, 0]),
        "einsum i,i": lambda m, a, b, c: m.einsum("i,i", a[0, 0], c[:, 0]),
    }
    import_np = (lambda: __import__("numpy"))
    want = _numpy(f"{case} {dt}", lambda: import_np().asarray(calls[case](import_np(), na(), nb(), nc())))
    _check(calls[case](gf, ga, gb, gc), want, dt)


def test_integer_products_stay_exact_on_the_java_kernel():
    big = 2 ** 27 + 1  # big * big needs 55 bits: float64 would round it, the integer kernel keeps it exact
    a = gf.asarray([[big, 1], [2, 3]], dtype="int64")
    assert (a @ a).tolist() == [[big * big + 2, big + 3], [2 * big + 6, 11]]


def test_diagnostics_names_the_backend():
    text = gf.diagnostics.blas()
    assert text.startswith("openblas (OpenBLAS 0.3.31"), text
    with gf.diagnostics.java_kernels():
        assert gf.diagnostics.blas().startswith("java (")
    assert gf.diagnostics.blas() == text


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="starts a second launcher process; the jep "
                    "runtime starts in about a second, GraalPy's subprocess support is not what this tests")
def test_forced_java_kernels_say_so_and_agree():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    code = ("import gilfree as gf; a = gf.arange(12.0).reshape(3, 4); print(gf.diagnostics.blas()); "
            "print((a @ a.T).tolist())")
    env = dict(os.environ, GILFREE_BLAS="java", GILFREE_NO_BUILD="1")
    r = subprocess.run([os.path.join(root, "gilfree"), "--runtime", "cpython", "-c", code], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "java (Java kernels asked for by gilfree.blas=java)"
    assert lines[1] == "[[14.0, 38.0, 62.0], [38.0, 126.0, 214.0], [62.0, 214.0, 366.0]]"
    assert "matmul uses the Java kernels" not in r.stderr  # asked for: no warning line


# ----- LAPACK: det, slogdet, inv, solve, cholesky -----

def _square(shape, seed, dt, hermitian=False):
    """(gilfree, NumPy builder) of well-conditioned matrices: random plus n on the diagonal (Hermitian
    positive definite when asked: x x^H + n I)."""
    g, make = _pair(shape, seed, dt)
    n = shape[-1]

    def fix(m, x):
        eye = m.eye(n, dtype=dt)
        if hermitian:
            return (x @ m.conj(m.swapaxes(x, -1, -2)) + n * eye).astype(dt)
        return (x + n * eye).astype(dt)
    return fix(gf, g), lambda: fix(__import__("numpy"), make())


LAPACK_CASES = {
    "det": lambda m, a, b: m.linalg.det(a),
    "slogdet sign": lambda m, a, b: m.linalg.slogdet(a)[0],
    "slogdet log": lambda m, a, b: m.linalg.slogdet(a)[1],
    "inv": lambda m, a, b: m.linalg.inv(a),
    "solve matrix": lambda m, a, b: m.linalg.solve(a, b),
    "solve vector": lambda m, a, b: m.linalg.solve(a[0], b[0, :, 0]),
}


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("case", list(LAPACK_CASES))
def test_lapack_against_numpy(case, dt):
    (ga, na), (gb, nb) = _square((3, 5, 5), 11, dt), _pair((3, 5, 2), 12, dt)
    f = LAPACK_CASES[case]
    want = _numpy(f"lapack {case} {dt}", lambda: __import__("numpy").asarray(f(__import__("numpy"), na(), nb())))
    _check(f(gf, ga, gb), want, dt)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_against_numpy(dt, upper):
    g, make = _square((2, 4, 4), 13, dt, hermitian=True)
    want = _numpy(f"lapack cholesky upper={upper} {dt}", lambda: __import__("numpy").linalg.cholesky(make(), upper=upper))
    _check(gf.linalg.cholesky(g, upper=upper), want, dt)


@pytest.mark.parametrize("dt", ["float64", "float32"])
def test_real_linalg_agrees_on_the_java_kernels(dt):
    (ga, na), (gb, nb) = _square((3, 5, 5), 11, dt), _pair((3, 5, 2), 12, dt)
    with gf.diagnostics.java_kernels():
        for case, f in LAPACK_CASES.items():
            want = _numpy(f"lapack {case} {dt}", lambda: __import__("numpy").asarray(f(__import__("numpy"), na(), nb())))
            _check(f(gf, ga, gb), want, dt)


def test_complex_linalg_without_openblas_is_a_type_error_naming_why():
    with gf.diagnostics.java_kernels():
        with pytest.raises(TypeError, match="needs OpenBLAS for complex arrays: java"):
            gf.linalg.det(gf.eye(2, dtype="complex128"))


@pytest.mark.parametrize("dt", DTYPES)
def test_singular_and_indefinite_matrices(dt):
    s = gf.asarray([[1, 2], [2, 4]], dtype=dt)
    for f in (gf.linalg.inv, lambda x: gf.linalg.solve(x, gf.ones(2, dtype=dt))):
        with pytest.raises(gf.linalg.LinAlgError, match="Singular matrix"):
            f(s)
    assert complex(gf.linalg.det(s)) == 0
    sign, logdet = gf.linalg.slogdet(s)
    assert complex(sign) == 0 and float(logdet) == -math.inf
    with pytest.raises(gf.linalg.LinAlgError, match="Matrix is not positive definite"):
        gf.linalg.cholesky(gf.asarray([[1, 2], [2, 1]], dtype=dt))
