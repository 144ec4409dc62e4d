"""NumPy's legacy polynomial API on coefficient arrays (highest power first): poly, polyadd, polysub, polymul,
polydiv, polyder, polyint, polyval, polyfit, roots and the poly1d class.

polyfit solves its least-squares problem with the engine's SVD (the minimum-norm solution, singular values below
rcond * largest dropped, as LAPACK's gelsd). roots are the eigenvalues of the companion matrix and poly of a
square matrix uses its eigenvalues, both from _eigvals_general (real matrices only)."""
import builtins
import re
import warnings

from ._creation import arange, asanyarray, asarray, ones, zeros, zeros_like
from ._array_edits import trim_zeros
from ._constructors import vander
from ._diagonals import diag
from ._eigvals_general import eigvals_real
from ._elementwise import allclose, imag, real
from ._exceptions import RankWarning
from ._linalg_impl import dot, matmul, matrix_transpose, outer
from ._manipulation import atleast_1d, concatenate, nonzero, ravel
from ._numeric_misc import convolve, iscomplex, isscalar
from ._promotion import finfo
from ._reductions import cumsum, sum as _sum
from ._sorting import sort, where
from . import _ufuncs as _u
from . import linalg as _linalg


def poly(seq_of_zeros):
    z = atleast_1d(seq_of_zeros)
    if z.ndim == 2 and z.shape[0] == z.shape[1] and z.shape[0] != 0:
        z = _eigenvalues(z)
    elif z.ndim != 1:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if z.dtype.kind not in "fc":  # NumPy's mintypecode: integers and bools become float64
        z = z.astype("float64")
    if len(z) == 0:
        return 1.0
    a = ones((1,), dtype=z.dtype)
    for zero in z:
        a = convolve(a, asarray([1, -zero], dtype=z.dtype), mode="full")
    if a.dtype.kind == "c":  # conjugate pairs of roots give real coefficients
        r = z.astype("complex128")
        if builtins.bool(_u.equal(sort(r), sort(_u.conjugate(r))).all()):
            a = real(a).copy()
    return a


def _eigenvalues(a):
    """Eigenvalues of the real square matrix a, in a's precision (float32 input: float32/complex64, as LAPACK's)."""
    if a.dtype.kind == "c":
        raise NotImplementedError("eigenvalues of complex matrices are not implemented yet")
    w = eigvals_real(a)
    if a.dtype.name == "float32":
        w = w.astype("complex64" if w.dtype.kind == "c" else "float32")
    return w


def roots(p):
    p = atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = nonzero(ravel(p))[0]
    if len(nz) == 0:
        return asarray([])
    trailing = len(p) - int(nz[-1]) - 1  # zero roots, split off before the eigenvalue problem
    p = p[int(nz[0]):int(nz[-1]) + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(float)
    n = len(p)
    if n > 1:
        a = diag(ones((n - 2,), p.dtype), -1)  # the companion matrix
        a[0, :] = -p[1:] / p[0]
        r = _eigenvalues(a)
    else:
        r = asarray([])
    return concatenate((r, zeros(trailing, r.dtype)))


def _padded(a1, a2):
    """The two coefficient arrays with the shorter one zero-padded at the front to the same length."""
    a1, a2 = atleast_1d(a1), atleast_1d(a2)
    d = len(a2) - len(a1)
    if d > 0:
        a1 = concatenate((zeros(d, a1.dtype), a1))
    elif d < 0:
        a2 = concatenate((zeros(-d, a2.dtype), a2))
    return a1, a2


def polyadd(a1, a2):
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    x, y = _padded(_coefs(a1), _coefs(a2))
    val = _u.add(x, y)
    return poly1d(val) if truepoly else val


def polysub(a1, a2):
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    x, y = _padded(_coefs(a1), _coefs(a2))
    val = _u.subtract(x, y)
    return poly1d(val) if truepoly else val


def polymul(a1, a2):
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    val = convolve(poly1d(a1).coeffs, poly1d(a2).coeffs)
    return poly1d(val) if truepoly else val


def polydiv(u, v):
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = atleast_1d(_coefs(u)) + 0.0
    v = atleast_1d(_coefs(v)) + 0.0
    w = u[0] + v[0]
    m, n = len(u) - 1, len(v) - 1
    scale = 1.0 / v[0]
    q = zeros((builtins.max(m - n + 1, 1),), w.dtype)
    r = u.astype(w.dtype)
    for k in range(m - n + 1):  # long division: one vectorised row update per quotient term
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] = r[k:k + n + 1] - d * v
    while allclose(r[0], 0, rtol=1e-14) and r.shape[-1] > 1:
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


def polyder(p, m=1):
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    truepoly = isinstance(p, poly1d)
    p = asarray(_coefs(p))
    val = p
    for _ in range(m):
        n = len(val) - 1
        val = val[:-1] * arange(n, 0, -1)
    return poly1d(val) if truepoly else val


def polyint(p, m=1, k=None):
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = zeros(m, float)
    k = atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    truepoly = isinstance(p, poly1d)
    val = asarray(_coefs(p))
    for i in range(m):
        val = concatenate((val / arange(len(val), 0, -1), k[i:i + 1]))
    return poly1d(val) if truepoly else val


def polyval(p, x):
    p = asarray(_coefs(p))
    if isinstance(x, poly1d):
        y = 0
    else:
        x = asanyarray(x)
        y = zeros_like(x)
    for pv in p:  # Horner's scheme, vectorised over x
        y = y * x + pv
    return y


def _lstsq(a, b, rcond):
    """Minimum-norm least squares through the SVD: (solution, residual sums, rank, singular values)."""
    u, s, vh = _linalg.svd(a, full_matrices=False)
    smax = float(s[0]) if s.size else 0.0
    keep = s > rcond * smax
    rank = _sum(keep).astype("int32")  # LAPACK's integer, as numpy.linalg.lstsq reports it
    inv_s = where(keep, 1.0 / where(keep, s, 1.0), 0.0)  # dropped singular values contribute nothing
    ub = matmul(matrix_transpose(u), b)
    coef = matmul(matrix_transpose(vh), ub * (inv_s if b.ndim == 1 else inv_s[:, None]))
    m, n = a.shape
    if rank == n and m > n:
        r = b - matmul(a, coef)
        resid = atleast_1d(_sum(r * r, axis=0))
    else:
        resid = zeros(0)
    return coef, resid, rank, s


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    order = int(deg) + 1
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = asarray(len(x) * float(finfo(x.dtype).eps))[()]  # a float64 scalar, as NumPy's
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, None]
        rhs = rhs * (w[:, None] if rhs.ndim == 2 else w)
    scale = _u.sqrt(_sum(lhs * lhs, axis=0))  # column scaling improves the conditioning
    lhs = lhs / scale
    c, resids, rank, s = _lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        vbase = _linalg.inv(dot(lhs.T, lhs)) / outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def _coefs(p):
    return p.coeffs if isinstance(p, poly1d) else p


_POWER = re.compile(r"\*\*([0-9]*)")


def _raise_power(text, wrap=70):
    """Writes each '**k' exponent on a line above its term, wrapping both lines at `wrap` columns."""
    n = 0
    top = bottom = ""
    out = " "
    while True:
        mat = _POWER.search(text, n)
        if mat is None:
            break
        start, end = mat.span()
        power = mat.group(1)
        part = text[n:start]
        n = end
        add_bottom = part + " " * (len(power) - 1)
        add_top = " " * (len(part) - 1) + power
        if len(bottom) + len(add_bottom) > wrap or len(top) + len(add_top) > wrap:
            out += top + "\n" + bottom + "\n "
            top, bottom = add_top, add_bottom
        else:
            bottom += add_bottom
            top += add_top
    return out + top + "\n" + bottom + text[n:]


def _fmt(q):
    s = f"{float(q):.4g}"
    return s.removesuffix(".0000")


class poly1d:
    """A one-variable polynomial: coefficients highest power first; arithmetic gives new poly1d objects."""

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._coeffs = c_or_r._coeffs
            self._variable = c_or_r._variable if variable is None else variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c = atleast_1d(c_or_r)
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c = trim_zeros(c, trim="f")
        if len(c) == 0:
            c = zeros(1, dtype=c.dtype)
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    @property
    def coeffs(self):
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    c = coef = coefficients = coeffs

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return len(self._coeffs) - 1

    o = order

    @property
    def roots(self):
        return roots(self._coeffs)

    r = roots

    def __repr__(self):
        return f"poly1d({repr(self.coeffs)[6:-1]})"

    def __len__(self):
        return self.order

    def __str__(self):
        var = self.variable
        c = self.coeffs
        coeffs = c[cumsum(_u.not_equal(c, 0)) > 0]  # drop leading zeros
        top = len(coeffs) - 1
        text = "0"
        for k, coeff in enumerate(coeffs):
            if not iscomplex(coeff):
                cs = _fmt(real(coeff))
            elif real(coeff) == 0:
                cs = f"{_fmt(imag(coeff))}j"
            else:
                cs = f"({_fmt(real(coeff))} + {_fmt(imag(coeff))}j)"
            power = top - k
            if power == 0:
                term = cs if cs != "0" else ("0" if k == 0 else "")
            elif cs == "0":
                term = ""
            elif power == 1:
                term = f"{cs} {var}"
            else:
                term = f"{cs} {var}**{power}"
            if k == 0:
                text = term
            elif term:
                text = f"{text} - {term[1:]}" if term.startswith("-") else f"{text} + {term}"
        return _raise_power(text)

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if isscalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __rmul__(self, other):
        if isscalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    __radd__ = __add__

    def __pow__(self, val):
        if not isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(val):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, poly1d(other).coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other).coeffs, self.coeffs))

    def __truediv__(self, other):
        if isscalar(other):
            return poly1d(self.coeffs / other)
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        if isscalar(other):
            return poly1d(other / self.coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return _u.equal(self.coeffs, other.coeffs).all()

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        if val > self.order or val < 0:
            return zeros((), dtype=self.coeffs.dtype)[()]
        return self.coeffs[self.order - val]

    def __setitem__(self, key, val):
        if key < 0:
            raise ValueError("Does not support negative powers.")
        ind = self.order - key
        if key > self.order:
            self._coeffs = concatenate((zeros(key - self.order, self.coeffs.dtype), self.coeffs))
            ind = 0
        self._coeffs[ind] = val

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self.coeffs, m=m))
