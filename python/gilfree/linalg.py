"""gf.linalg: the Array API linear algebra extension plus NumPy's common numpy.linalg functions.

det, slogdet, inv, solve and cholesky run on LAPACK (OpenBLAS's) in the input's precision, float32 to complex128,
over stacks of matrices; the other decompositions run in the engine on float64 (float32 input gives float32
results). Signs of eigen-/singular vectors and of QR factors may differ from LAPACK's (any valid decomposition is
returned)."""
import builtins
import math
from collections import namedtuple

from ._base import wrap as _wrap
from ._bridge import LinAlg as _LA, call as _call
from ._creation import asarray, zeros
from ._reductions import any as _any, max as _max, min as _min, sum as _sum
from ._exceptions import LinAlgError
from ._linalg_impl import (matmul, matrix_transpose, tensordot, vecdot, outer,  # noqa: F401
                           cross)
from ._diagonals import diagonal as _diagonal, trace as _trace
from ._ufuncs import _to_array
from . import _ufuncs as _u

EighResult = namedtuple("EighResult", ["eigenvalues", "eigenvectors"])
QRResult = namedtuple("QRResult", ["Q", "R"])
SVDResult = namedtuple("SVDResult", ["U", "S", "Vh"])
SlogdetResult = namedtuple("SlogdetResult", ["sign", "logabsdet"])


def _float(a, complex_ok=False):
    """a as a float array; complex passes when the function takes it (the engine names what it needs)."""
    a = _to_array(a)
    if a.dtype.kind not in "f" and not (complex_ok and a.dtype.kind == "c"):
        if a.dtype.kind == "c":
            raise TypeError("gilfree.linalg does not support complex arrays yet")
        a = a.astype("float64")
    return a


def _lapack(a, complex_ok=False):
    """_float for the decompositions, which NumPy refuses for float16 (LAPACK has no half precision)."""
    a = _float(a, complex_ok)
    if a.dtype.name == "float16":
        raise TypeError("array type float16 is unsupported in linalg")
    return a


def _scalar_or(r):
    return r[()] if r.shape == () else r


def det(a):
    return _scalar_or(_wrap(_call(_LA.det, _lapack(a, True)._j)))


def slogdet(a):
    s, l = _call(_LA.slogdet, _lapack(a, True)._j)
    return SlogdetResult(_scalar_or(_wrap(s)), _scalar_or(_wrap(l)))


def inv(a):
    return _wrap(_call(_LA.inv, _lapack(a, True)._j))


def solve(a, b):
    a, b = _lapack(a, True), _lapack(b, True)
    vec = b.ndim == 1
    if vec:
        b = b.reshape(b.shape + (1,))
    r = _wrap(_call(_LA.solve, a._j, b._j))
    return r.reshape(r.shape[:-1]) if vec else r


def cholesky(a, /, *, upper=False):
    return _wrap(_call(_LA.cholesky, _lapack(a, True)._j, builtins.bool(upper)))


def qr(a, mode="reduced"):
    if mode != "reduced":
        raise NotImplementedError("qr supports mode='reduced' only so far")
    q, r = _call(_LA.qr, _lapack(a)._j)
    return QRResult(_wrap(q), _wrap(r))


def eigh(a, UPLO="L"):
    w, v = _call(_LA.eigh, _lapack(a)._j, UPLO == "U")
    return EighResult(_wrap(w), _wrap(v))


def eigvalsh(a, UPLO="L"):
    return eigh(a, UPLO).eigenvalues


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    u, s, vh = _call(_LA.svd, _lapack(a)._j, builtins.bool(full_matrices))
    if not compute_uv:
        return _wrap(s)
    return SVDResult(_wrap(u), _wrap(s), _wrap(vh))


def svdvals(x, /):
    return svd(x, compute_uv=False)


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    A = _lapack(A)
    if A.ndim < 2:
        return int(builtins.bool(_any(_u.not_equal(A, 0))))
    s = svdvals(A)
    smax = _max(s, axis=-1, keepdims=True)
    if tol is None:
        eps = 1.1920929e-07 if A.dtype.name == "float32" else 2.220446049250313e-16
        r = rtol if rtol is not None else builtins.max(A.shape[-2:]) * eps
        tol = _u.multiply(smax, r)
    r = _sum(_u.greater(s, tol), axis=-1)
    return r


def pinv(a, rcond=None, hermitian=False, *, rtol=None):
    a = _lapack(a)
    if a.ndim != 2:
        raise NotImplementedError("pinv supports 2-D matrices so far")
    u, s, vh = svd(a, full_matrices=False)
    eps = 1.1920929e-07 if a.dtype.name == "float32" else 2.220446049250313e-16
    cut = rcond if rcond is not None else (rtol if rtol is not None else builtins.max(a.shape) * eps)
    sv = s.tolist()
    big = builtins.max(sv) if sv else 0.0
    inv_s = [1.0 / x if x > cut * big else 0.0 for x in sv]
    si = asarray(inv_s, dtype=a.dtype)
    vt = matrix_transpose(vh)
    return matmul(_u.multiply(vt, si), matrix_transpose(u))


def matrix_power(a, n):
    a = _to_array(a)
    if n < 0:
        a = inv(a)
        n = -n
    size = a.shape[-1]
    result = None
    base = a
    while n:
        if n & 1:
            result = base if result is None else matmul(result, base)
        n >>= 1
        if n:
            base = matmul(base, base)
    if result is None:
        eye = zeros((size, size), dtype=a.dtype)
        for i in range(size):
            eye[i, i] = 1
        return eye
    return result


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):  # noqa: A002
    x = _to_array(x)
    if x.dtype.kind not in "fc":  # complex: the norm of the moduli
        x = x.astype("float64")
    ax = _u.absolute(x)
    if ord == 2:
        return _u.sqrt(_sum(_u.multiply(ax, ax), axis=axis, keepdims=keepdims))
    if ord == 1:
        return _sum(ax, axis=axis, keepdims=keepdims)
    if ord == math.inf:
        return _max(ax, axis=axis, keepdims=keepdims)
    if ord == -math.inf:
        return _min(ax, axis=axis, keepdims=keepdims)
    if ord == 0:
        return _sum(_u.not_equal(x, 0), axis=axis, keepdims=keepdims, dtype=ax.dtype)
    return _u.power(_sum(_u.power(ax, float(ord)), axis=axis, keepdims=keepdims), 1.0 / ord)


def matrix_norm(x, /, *, keepdims=False, ord="fro"):  # noqa: A002
    x = _float(x)
    ax = _u.absolute(x)
    if ord == "fro":
        r = _u.sqrt(_sum(_u.multiply(ax, ax), axis=(-2, -1), keepdims=keepdims))
    elif ord == "nuc":
        r = _sum(svdvals(x), axis=-1)
    elif ord in (2, -2):
        s = svdvals(x)
        r = _max(s, axis=-1) if ord == 2 else _min(s, axis=-1)
    elif ord in (1, -1):
        cs = _sum(ax, axis=-2)
        r = _max(cs, axis=-1) if ord == 1 else _min(cs, axis=-1)
    elif ord in (math.inf, -math.inf):
        rs = _sum(ax, axis=-1)
        r = _max(rs, axis=-1) if ord == math.inf else _min(rs, axis=-1)
    else:
        raise ValueError("Invalid norm order for matrices.")
    if keepdims and ord != "fro":
        r = _to_array(r).reshape(x.shape[:-2] + (1, 1))
    return r


def norm(x, ord=None, axis=None, keepdims=False):  # noqa: A002
    x = _to_array(x)
    if axis is None:
        if ord is None:
            return vector_norm(x.reshape(-1), ord=2) if not keepdims else \
                vector_norm(x, axis=tuple(range(x.ndim)), keepdims=True)
        if x.ndim == 2:
            return matrix_norm(x, ord=ord, keepdims=keepdims)
        if x.ndim == 1:
            return vector_norm(x, ord=ord, keepdims=keepdims)
        raise ValueError("Improper number of dimensions to norm.")
    if isinstance(axis, int) or (isinstance(axis, tuple) and len(axis) == 1):
        return vector_norm(x, axis=axis, keepdims=keepdims, ord=2 if ord is None else ord)
    if len(axis) == 2:
        if tuple(a % x.ndim for a in axis) != (x.ndim - 2, x.ndim - 1):
            raise NotImplementedError("norm over two axes supports the last two axes so far")
        return matrix_norm(x, ord="fro" if ord is None else ord, keepdims=keepdims)
    raise ValueError("Improper number of dimensions to norm.")


def diagonal(x, /, *, offset=0):
    """The diagonal `offset` of each matrix in the stack x (its last two axes)."""
    return _diagonal(_to_array(x), offset, -2, -1)


def trace(x, /, *, offset=0, dtype=None):
    """The sum of the diagonal `offset` of each matrix in the stack x (its last two axes)."""
    return _trace(_to_array(x), offset, -2, -1, dtype)


__all__ = ["LinAlgError", "det", "slogdet", "inv", "solve", "cholesky", "qr", "eigh", "eigvalsh", "svd", "svdvals",
           "matrix_rank", "pinv", "matrix_power", "norm", "vector_norm", "matrix_norm", "matmul", "matrix_transpose",
           "tensordot", "vecdot", "outer", "cross", "diagonal", "trace"]
