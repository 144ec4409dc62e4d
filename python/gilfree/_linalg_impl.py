"""matmul/@, dot, vdot, inner, outer, tensordot, einsum, matrix_transpose, vecdot, matvec, vecmat; the engine
computes (dev.gilfree.api.LinAlg), this module handles NumPy's shape rules."""
import builtins

from ._manipulation import transpose as _transpose
from ._base import ArrayBase, wrap as _wrap
from ._bridge import LinAlg as _LA, call as _call
from ._diagonals import diagonal, trace  # noqa: F401 - gf.trace, NumPy's (any pair of axes, any offset)
from ._reductions import sum as _sum
from ._exceptions import LinAlgError  # noqa: F401 - numpy.linalg.LinAlgError; the bridge raises it
from ._ufuncs import _copy_into, _normalize_axes, _to_array
from . import _ufuncs as _u



def _scalar_or(res):
    return res[()] if res.shape == () else res


def matmul(x1, x2, /, out=None):
    a, b = _to_array(x1), _to_array(x2)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature "
                         "(n?,k),(k,m?)->(n?,m?) requires 1)")
    a2 = a.reshape((1,) + a.shape) if a.ndim == 1 else a
    b2 = b.reshape(b.shape + (1,)) if b.ndim == 1 else b
    r = _wrap(_call(_LA.matmul, a2._j, b2._j))
    shape = r.shape
    if a.ndim == 1:
        shape = shape[:-2] + shape[-1:]
    if b.ndim == 1:
        shape = shape[:-1]
    if shape != r.shape:
        r = r.reshape(shape)
    if out is not None:
        return _copy_into(r, out)
    return _scalar_or(r)


def matrix_transpose(x, /):
    return _wrap(_call(_LA.matrixTranspose, _to_array(x)._j))


def dot(a, b, out=None):
    a, b = _to_array(a), _to_array(b)
    if a.ndim == 0 or b.ndim == 0:
        return _u.multiply(a, b, out=out)
    if b.ndim <= 2:
        return matmul(a, b, out=out)
    return tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 2]))


def vdot(a, b, /):
    a, b = _to_array(a).reshape(-1), _to_array(b).reshape(-1)
    if a.shape != b.shape:
        raise ValueError("cannot reshape array of size %d into shape (%d,)" % (b.size, a.size))
    return matmul(_u.conjugate(a) if a.dtype.kind == "c" else a, b)  # NumPy conjugates the first argument


def inner(a, b, /):
    a, b = _to_array(a), _to_array(b)
    if a.ndim == 0 or b.ndim == 0:
        return _u.multiply(a, b)
    return tensordot(a, b, axes=([a.ndim - 1], [b.ndim - 1]))


def outer(a, b, out=None):
    a, b = _to_array(a).reshape(-1), _to_array(b).reshape(-1)
    return _u.multiply(a.reshape((a.size, 1)), b.reshape((1, b.size)), out=out)


def tensordot(a, b, /, axes=2):
    a, b = _to_array(a), _to_array(b)
    if isinstance(axes, int):
        if axes < 0:
            raise ValueError("axes must be a non-negative integer")
        ax_a = list(range(a.ndim - axes, a.ndim))
        ax_b = list(range(axes))
    else:
        ax_a, ax_b = axes
        ax_a = [ax_a] if isinstance(ax_a, int) else list(ax_a)
        ax_b = [ax_b] if isinstance(ax_b, int) else list(ax_b)
    if len(ax_a) != len(ax_b):
        raise ValueError("shape-mismatch for sum")
    ax_a = [x % a.ndim for x in ax_a] if a.ndim else ax_a
    ax_b = [x % b.ndim for x in ax_b] if b.ndim else ax_b
    for x, y in zip(ax_a, ax_b):
        if a.shape[x] != b.shape[y]:
            raise ValueError("shape-mismatch for sum")
    free_a = [i for i in range(a.ndim) if i not in ax_a]
    free_b = [i for i in range(b.ndim) if i not in ax_b]
    k = 1
    for x in ax_a:
        k *= a.shape[x]
    na = 1
    for x in free_a:
        na *= a.shape[x]
    nb = 1
    for x in free_b:
        nb *= b.shape[x]
    at = _transpose(a, free_a + ax_a).reshape((na, k))
    bt = _transpose(b, ax_b + free_b).reshape((k, nb))
    r = _wrap(_call(_LA.matmul, at._j, bt._j))
    shape = tuple(a.shape[i] for i in free_a) + tuple(b.shape[i] for i in free_b)
    return _scalar_or(r.reshape(shape))


def vecdot(x1, x2, /, *, axis=-1):
    a, b = _to_array(x1), _to_array(x2)
    if a.dtype.kind == "c":  # NumPy and the Array API conjugate the first vector
        a = _u.conjugate(a)
    return _sum(_u.multiply(a, b), axis=axis)


def _gufunc_operands(name, signature, x1, x2, core1, core2):
    """x1, x2 as arrays with at least core1/core2 dimensions (NumPy's gufunc errors otherwise)."""
    a, b = _to_array(x1), _to_array(x2)
    for k, (x, core) in enumerate(((a, core1), (b, core2))):
        if x.ndim < core:
            raise ValueError(f"{name}: Input operand {k} does not have enough dimensions (has {x.ndim}, gufunc "
                             f"core with signature {signature} requires {core})")
    return a, b


def _core_mismatch(name, signature, dim, got, want):
    raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension {dim}, with gufunc signature "
                     f"{signature} (size {got} is different from {want})")


def matvec(x1, x2, /, out=None):
    """The matrix-vector products of stacks: x1[..., m, n] times x2[..., n] gives [..., m]."""
    sig = "(m,n),(n)->(m)"
    a, b = _gufunc_operands("matvec", sig, x1, x2, 2, 1)
    if b.shape[-1] != a.shape[-1]:
        _core_mismatch("matvec", sig, 0, b.shape[-1], a.shape[-1])
    r = matmul(a, b.reshape(b.shape + (1,)))
    r = _to_array(r)
    r = r.reshape(r.shape[:-1])
    return _copy_into(r, out) if out is not None else r


def vecmat(x1, x2, /, out=None):
    """The vector-matrix products of stacks, the vector conjugated: conj(x1[..., n]) times x2[..., n, m]."""
    sig = "(n),(n,m)->(m)"
    a, b = _gufunc_operands("vecmat", sig, x1, x2, 1, 2)
    if b.shape[-2] != a.shape[-1]:
        _core_mismatch("vecmat", sig, 0, b.shape[-2], a.shape[-1])
    if a.dtype.kind == "c":
        a = _u.conjugate(a)
    r = _to_array(matmul(a.reshape(a.shape[:-1] + (1,) + a.shape[-1:]), b))
    r = r.reshape(r.shape[:-2] + r.shape[-1:])
    return _copy_into(r, out) if out is not None else r


def einsum(subscripts, *operands, out=None, dtype=None, optimize=False):
    """einsum by broadcasting: each operand's axes are permuted into one global index order, multiplied, and the
    indices not in the output are summed. '...' stands for letters of its own (broadcast right-aligned) and an
    index repeated within one operand first takes that operand's diagonal. optimize= is accepted (one order)."""
    spec = subscripts.replace(" ", "")
    ins, outs = spec.split("->") if "->" in spec else (spec, None)
    terms = ins.split(",")
    if len(terms) != len(operands):
        raise ValueError("more operands provided to einstein sum function than specified in the subscripts string"
                         if len(operands) > len(terms) else
                         "fewer operands provided to einstein sum function than specified in the subscripts string")
    arrays = [_to_array(o) for o in operands]
    terms, ell = _expand_ellipsis(terms, arrays)
    if outs is None:
        letters = [c for c in "".join(terms) if c not in ell]
        outs = ell + "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    elif "..." in outs:
        outs = outs.replace("...", ell)
    elif ell:
        raise ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis "
                         "provided to broadcast the extra dimensions.")
    for c in outs:
        if outs.count(c) > 1:
            raise ValueError(f"einstein sum subscripts string includes output subscript '{c}' multiple times")
    pairs = [_diagonals(t, a) for t, a in zip(terms, arrays)]
    terms, arrays = [t for t, _ in pairs], [a for _, a in pairs]
    order = []
    for t in terms:
        for c in t:
            if c not in order:
                order.append(c)
    if len(arrays) == 2 and dtype is None:
        r = _einsum_pair(terms, outs, arrays)
        if r is not None:
            if out is not None:
                return _copy_into(r, out)
            return r
    sizes = {}
    for t, a in zip(terms, arrays):
        if len(t) != a.ndim:
            raise ValueError(f"operand has more dimensions than subscripts given in einstein sum, but no '...' "
                             f"ellipsis provided to broadcast the extra dimensions.")
        for c, d in zip(t, a.shape):
            if c in sizes and sizes[c] != d and d != 1 and sizes[c] != 1:
                raise ValueError(f"operands could not be broadcast together with remapped shapes")
            sizes[c] = builtins.max(sizes.get(c, 1), d)
    expanded = []
    for t, a in zip(terms, arrays):
        perm = sorted(range(len(t)), key=lambda i: order.index(t[i]))
        at = _transpose(a, perm) if perm != list(range(len(t))) else a
        shape = tuple(a.shape[t.index(c)] if c in t else 1 for c in order)
        expanded.append(at.reshape(shape))
    prod = expanded[0]
    for e in expanded[1:]:
        prod = _u.multiply(prod, e)
    if not isinstance(prod, ArrayBase):
        prod = _to_array(prod)
    summed = tuple(i for i, c in enumerate(order) if c not in outs)
    kept = [c for c in order if c in outs]
    r = _sum(prod, axis=summed, dtype=dtype) if summed else prod
    if not isinstance(r, ArrayBase):
        return r
    perm = [kept.index(c) for c in outs]
    if perm != list(range(len(perm))):
        r = _transpose(r, perm).copy()
    if out is not None:
        return _copy_into(r, out)
    return _scalar_or(r)  # a 0-d result is a scalar, as NumPy's


_ELL_LETTERS = "".join(chr(0x3b1 + i) for i in range(25))  # Greek letters: never in a subscripts string


def _expand_ellipsis(terms, arrays):
    """terms with each '...' replaced by letters of its own, right-aligned across operands (so they broadcast),
    and those letters in order (the output's leading ones in implicit mode)."""
    widths = []
    for t, a in zip(terms, arrays):
        if t.count("...") > 1 or t.replace("...", "").count("."):
            raise ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...')")
        widths.append(builtins.max(a.ndim - (len(t) - 3), 0) if "..." in t else 0)
        if "..." in t and len(t) - 3 > a.ndim:
            raise ValueError(f"operand has more dimensions than subscripts given in einstein sum, but no '...' "
                             f"ellipsis provided to broadcast the extra dimensions.")
    n = builtins.max(widths, default=0)
    ell = _ELL_LETTERS[:n]
    return [t.replace("...", ell[n - w:]) for t, w in zip(terms, widths)], ell


def _diagonals(t, a):
    """(term, array) with every index repeated in t replaced by the diagonal over its axes (moved last)."""
    while len(set(t)) != len(t):
        c = next(c for c in t if t.count(c) > 1)
        i = t.index(c)
        j = t.index(c, i + 1)
        if len(t) != a.ndim:
            break  # the caller reports the count mismatch
        if a.shape[i] != a.shape[j]:
            raise ValueError(f"dimensions in operand 0 for collapsing index '{c}' don't match "
                             f"({a.shape[i]} != {a.shape[j]})")
        a = diagonal(a, 0, i, j)
        t = t[:i] + t[i + 1:j] + t[j + 1:] + c
    return t, a


def _einsum_pair(terms, outs, arrays):
    """Two operands as one batched matrix product (BLAS for floats): indices in both operands and the output
    batch, in both but not the output contract, in one and the output stay free. None when that form does not
    fit (an index summed within one operand, sizes that would broadcast, an output index in neither)."""
    (ta, tb), (a, b) = terms, arrays
    if len(ta) != a.ndim or len(tb) != b.ndim or any(c not in ta and c not in tb for c in outs):
        return None
    dims = {}
    for t, x in ((ta, a), (tb, b)):
        for c, d in zip(t, x.shape):
            if dims.setdefault(c, d) != d:
                return None
    if any(c not in outs and c not in (tb if c in ta else ta) for c in ta + tb):
        return None
    batch = [c for c in outs if c in ta and c in tb]
    free_a = [c for c in outs if c in ta and c not in tb]
    free_b = [c for c in outs if c in tb and c not in ta]
    inner = [c for c in ta if c in tb and c not in outs]

    def size(cs):
        n = 1
        for c in cs:
            n *= dims[c]
        return n
    at = _transpose(a, [ta.index(c) for c in batch + free_a + inner]).reshape(
        tuple(dims[c] for c in batch) + (size(free_a), size(inner)))
    bt = _transpose(b, [tb.index(c) for c in batch + inner + free_b]).reshape(
        tuple(dims[c] for c in batch) + (size(inner), size(free_b)))
    r = _wrap(_call(_LA.matmul, at._j, bt._j)).reshape(tuple(dims[c] for c in batch + free_a + free_b))
    order = batch + free_a + free_b
    perm = [order.index(c) for c in outs]
    if perm != list(range(len(perm))):
        r = _transpose(r, perm).copy()
    return _scalar_or(r)
