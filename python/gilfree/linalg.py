"""gf.linalg: the Array API linear algebra extension plus NumPy's common numpy.linalg functions.

det, slogdet, inv, solve and cholesky run on LAPACK (OpenBLAS's) in the input's precision, float32 to complex128,
over stacks of matrices; the other decompositions run in the engine on float64 (float32 input gives float32
results). Signs of eigen-/singular vectors and of QR factors may differ from LAPACK's (any valid decomposition is
returned)."""
import builtins
import math
import warnings
from collections import namedtuple

from ._base import wrap as _wrap
from ._bridge import LinAlg as _LA, call as _call
from ._creation import asarray, eye as _eye, zeros
from ._reductions import any as _any, max as _max, min as _min, sum as _sum
from ._exceptions import LinAlgError, normalize_axis
from ._manipulation import broadcast_to, concatenate, expand_dims, moveaxis, stack
from ._errstate import errstate as _errstate
from ._linalg_impl import (matmul, matrix_transpose, tensordot, vecdot, outer,  # noqa: F401
                           dot as _dot)
from ._numeric_misc import cross as _cross
from ._promotion import result_type as _result_type
from ._scalars import int32 as _int32
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


def cross(x1, x2, /, *, axis=-1):
    """The Array API cross product: numpy.cross of 3-vectors only, along one shared axis (stacks broadcast)."""
    a, b = _to_array(x1), _to_array(x2)
    na, nb = a.shape[normalize_axis(axis, a.ndim)], b.shape[normalize_axis(axis, b.ndim)]
    if na != 3 or nb != 3:
        raise ValueError(f"Both input arrays must be (arrays of) 3-dimensional vectors, but they are {na} and {nb} "
                         f"dimensional instead.")
    return _cross(a, b, axis=axis)


def qr(a, mode="reduced"):
    if mode in ("full", "f"):
        warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\nFor backward compatibility let mode "
                      "default.", DeprecationWarning, stacklevel=2)
        mode = "reduced"
    if mode in ("raw", "economic", "e"):
        raise NotImplementedError(f"qr(mode={mode!r}) (LAPACK's Householder form) is not supported by gilfree")
    if mode not in ("reduced", "complete", "r"):
        raise ValueError(f"Unrecognized mode '{mode}'")
    a = _lapack(a)
    m, n = a.shape[-2:] if a.ndim >= 2 else (0, 0)
    if mode == "complete" and m > n:
        # Householder QR of [A | I] treats A's columns first, exactly as alone, and its Q is square (m x m);
        # R's first n columns are A's complete R.
        eye = broadcast_to(_eye(m, dtype=a.dtype), a.shape[:-2] + (m, m))
        q, r = _call(_LA.qr, concatenate([a, eye], axis=-1)._j)
        return QRResult(_wrap(q), _wrap(r)[..., :n])
    q, r = _call(_LA.qr, a._j)
    return _wrap(r) if mode == "r" else QRResult(_wrap(q), _wrap(r))


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
    if a.ndim > 2:  # a stack: each matrix on its own, with the same cut-off rule
        mats = a.reshape((-1,) + a.shape[-2:])
        shape = a.shape[:-2] + (a.shape[-1], a.shape[-2])
        if mats.shape[0] == 0:
            return zeros(shape, dtype=a.dtype)
        return stack([pinv(mats[i], rcond, hermitian, rtol=rtol) for i in range(mats.shape[0])]).reshape(shape)
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
        r, c = (normalize_axis(a, x.ndim) for a in axis)
        if r == c:
            raise ValueError("Duplicate axes given.")
        # the two axes become the last two (rows, columns), and come back as size-1 axes with keepdims
        res = matrix_norm(moveaxis(x, (r, c), (-2, -1)), ord="fro" if ord is None else ord)
        return expand_dims(res, (builtins.min(r, c), builtins.max(r, c))) if keepdims else res
    raise ValueError("Improper number of dimensions to norm.")


def diagonal(x, /, *, offset=0):
    """The diagonal `offset` of each matrix in the stack x (its last two axes)."""
    return _diagonal(_to_array(x), offset, -2, -1)


def trace(x, /, *, offset=0, dtype=None):
    """The sum of the diagonal `offset` of each matrix in the stack x (its last two axes)."""
    return _trace(_to_array(x), offset, -2, -1, dtype)


def _eps(dt):
    return 1.1920929e-07 if dt.name == "float32" else 2.220446049250313e-16


def _matrix_stack(a, what="array"):
    if a.ndim < 2:
        raise LinAlgError(f"{a.ndim}-dimensional {what} given. Array must be at least two-dimensional")


def cond(x, p=None):
    """The condition number of x (a matrix or a stack) in norm p: a ratio of singular values for
    p None/2/-2, else norm(x, p) * norm(inv(x), p); a singular matrix has condition inf."""
    x = _float(x)
    _matrix_stack(x)
    if p is None or p in (2, -2):
        s = svdvals(x)
        big, small = _max(s, axis=-1), _min(s, axis=-1)
        with _errstate(all="ignore"):
            r = _u.divide(big, small) if p != -2 else _u.divide(small, big)
    else:
        if x.shape[-1] != x.shape[-2]:
            raise LinAlgError("Last 2 dimensions of the array must be square")
        mats = x.reshape((-1,) + x.shape[-2:])
        out = []
        for k in range(mats.shape[0]):
            m = mats[k]
            try:
                v = float(matrix_norm(m, ord=p)) * float(matrix_norm(inv(m), ord=p))
            except LinAlgError:
                v = math.inf
            out.append(math.inf if math.isnan(v) else v)
        r = asarray(out, dtype=x.dtype).reshape(x.shape[:-2])
    # NaN from a singular matrix (not from NaN input) is reported as infinitely ill-conditioned, as NumPy does
    r = _to_array(r)
    nan_out = _u.isnan(r)
    if builtins.bool(_any(nan_out)):
        has_nan = _any(_u.isnan(x), axis=(-2, -1))
        r = _u.where(_u.logical_and(nan_out, _u.logical_not(has_nan)), math.inf, r)
    return _scalar_or(_to_array(r))


def lstsq(a, b, rcond=None):
    """The least-squares solution of a @ x = b through the SVD of a; singular values at or below
    rcond * max(s) count as zero (rcond None: machine epsilon times max(M, N), as NumPy 2).
    Returns (x, residuals, rank, s); residuals are empty unless a has full column rank and M > N."""
    a, b = _float(a), _float(b)
    if a.ndim != 2:
        raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    vec = b.ndim == 1
    if vec:
        b = b.reshape(b.shape + (1,))
    if b.ndim != 2:
        raise LinAlgError(f"{b.ndim}-dimensional array given. Array must be two-dimensional")
    m, n = a.shape
    if b.shape[0] != m:
        raise LinAlgError("Incompatible dimensions")
    dt = _result_type(a, b)
    a, b = a.astype(dt), b.astype(dt)
    if rcond is None:
        rcond = _eps(dt) * builtins.max(m, n)
    elif rcond < 0:  # LAPACK's convention: machine precision
        rcond = _eps(dt)
    u, s, vh = svd(a, full_matrices=False)
    sv = s.tolist()
    cut = rcond * builtins.max(sv) if sv else 0.0
    keep = [v > cut for v in sv]
    rank = builtins.sum(keep)
    inv_s = asarray([1.0 / v if k else 0.0 for v, k in zip(sv, keep)], dtype=dt).reshape(-1, 1)
    x = matmul(matrix_transpose(vh), _u.multiply(inv_s, matmul(matrix_transpose(u), b)))
    if rank == n and m > n:
        d = _u.subtract(matmul(a, x), b)
        resid = _sum(_u.multiply(d, d), axis=0)
    else:
        resid = zeros((0,), dtype=dt)
    if vec:
        x = x.reshape(x.shape[:-1])
    return x, resid, _int32(rank), s


def multi_dot(arrays, *, out=None):
    """The product of a chain of matrices in the cheapest order (fewest scalar multiplications); the first
    may be a 1-D row vector and the last a 1-D column vector."""
    arrays = [_to_array(x) for x in arrays]
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    if n == 2:
        return _dot(arrays[0], arrays[1], out=out)
    first_vec, last_vec = arrays[0].ndim == 1, arrays[-1].ndim == 1
    if first_vec:
        arrays[0] = arrays[0].reshape(1, -1)
    if last_vec:
        arrays[-1] = arrays[-1].reshape(-1, 1)
    for x in arrays:
        if x.ndim != 2:
            raise LinAlgError(f"{x.ndim}-dimensional array given. Array must be two-dimensional")
    dims = [arrays[0].shape[0]] + [x.shape[1] for x in arrays]
    # cost[i][j]: fewest multiplications for arrays[i..j]; split[i][j]: where that product splits
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = math.inf
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if c < cost[i][j]:
                    cost[i][j], split[i][j] = c, k

    def product(i, j):
        if i == j:
            return arrays[i]
        k = split[i][j]
        return _dot(product(i, k), product(k + 1, j))

    r = product(0, n - 1)
    if first_vec and last_vec:
        r = r[0, 0]
    elif first_vec:
        r = r.reshape(-1)
    elif last_vec:
        r = r.reshape(-1)
    if out is not None:
        out[...] = r
        return out
    return r


def tensorinv(a, ind=2):
    """The inverse of a with respect to tensordot over its first `ind` axes."""
    a = _to_array(a)
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    old = a.shape
    rows = math.prod(old[:ind])
    inverse = inv(a.reshape(rows, -1))
    return inverse.reshape(old[ind:] + old[:ind])


def tensorsolve(a, b, axes=None):
    """x with tensordot(a, x, axes=x.ndim) == b; `axes` names axes of a moved to the end first."""
    a, b = _to_array(a), _to_array(b)
    an = a.ndim
    if axes is not None:
        order = list(range(an))
        for k in axes:
            order.remove(k)
            order.insert(an, k)
        a = a.transpose(order)
    shape = a.shape[-(an - b.ndim):] if an > b.ndim else ()
    n = math.prod(shape)
    if a.size != n * n:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    return solve(a.reshape(n, n), b.reshape(-1)).reshape(shape)


__all__ = ["LinAlgError", "det", "slogdet", "inv", "solve", "cholesky", "qr", "eigh", "eigvalsh", "svd", "svdvals",
           "matrix_rank", "pinv", "matrix_power", "norm", "vector_norm", "matrix_norm", "matmul", "matrix_transpose",
           "tensordot", "vecdot", "outer", "cross", "diagonal", "trace", "cond", "lstsq", "multi_dot", "tensorinv",
           "tensorsolve"]
