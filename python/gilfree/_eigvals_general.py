"""Eigenvalues of a small real general (non-symmetric) matrix, for polynomial roots and poly of a matrix.

The classic dense route: balance the matrix (diagonal similarity by powers of two, so rounding is exact),
reduce it to upper Hessenberg form with Householder reflections, then run Francis' implicitly double-shifted QR
iteration, deflating one real root or one 2x2 block (a real pair or a complex-conjugate pair) at a time. The
iteration is sequential scalar work on an n x n matrix; it runs on Python floats (O(n^3) for n = the degree)."""
import math

from ._creation import asarray
from ._exceptions import LinAlgError

_RADIX = 2.0
_MAX_SWEEPS = 30  # QR sweeps allowed per eigenvalue before giving up (exceptional shifts at 10 and 20)


def _balance(a, n):
    """Scales rows and columns (a -> D^-1 a D, D a power-of-two diagonal) until their off-diagonal norms match."""
    done = False
    while not done:
        done = True
        for i in range(n):
            c = sum(abs(a[j][i]) for j in range(n) if j != i)
            r = sum(abs(a[i][j]) for j in range(n) if j != i)
            if c == 0 or r == 0:
                continue
            g, f, s = r / _RADIX, 1.0, c + r
            while c < g:
                f *= _RADIX
                c *= _RADIX * _RADIX
            g = r * _RADIX
            while c > g:
                f /= _RADIX
                c /= _RADIX * _RADIX
            if (c + r) / f < 0.95 * s:
                done = False
                for j in range(n):
                    a[i][j] /= f
                    a[j][i] *= f


def _hessenberg(a, n):
    """Householder reduction to upper Hessenberg form in place (a similarity: eigenvalues unchanged)."""
    for k in range(n - 2):
        col = [a[i][k] for i in range(k + 1, n)]
        alpha = math.sqrt(sum(v * v for v in col))
        if alpha == 0 or all(v == 0 for v in col[1:]):
            continue
        if col[0] > 0:
            alpha = -alpha
        v = col[:]
        v[0] -= alpha
        vv = sum(x * x for x in v)
        for j in range(n):  # rows k+1..n-1: a <- (I - 2 v v^T / v^T v) a
            d = 2 * sum(v[i] * a[k + 1 + i][j] for i in range(len(v))) / vv
            for i in range(len(v)):
                a[k + 1 + i][j] -= d * v[i]
        for i in range(n):  # columns k+1..n-1: a <- a (I - 2 v v^T / v^T v)
            d = 2 * sum(a[i][k + 1 + j] * v[j] for j in range(len(v))) / vv
            for j in range(len(v)):
                a[i][k + 1 + j] -= d * v[j]
        for i in range(k + 2, n):
            a[i][k] = 0.0


def _small_subdiagonal(a, hi, norm):
    """The lowest row l <= hi whose subdiagonal entry is negligible (zeroing it), or 0."""
    for l in range(hi, 0, -1):
        s = abs(a[l - 1][l - 1]) + abs(a[l][l])
        if s == 0:
            s = norm
        if abs(a[l][l - 1]) + s == s:
            a[l][l - 1] = 0.0
            return l
    return 0


def _hessenberg_eigenvalues(a, n):
    """Francis double-shift QR on the upper Hessenberg a (destroyed); returns the eigenvalues' (re, im) lists."""
    wr, wi = [0.0] * n, [0.0] * n
    norm = sum(abs(a[i][j]) for i in range(n) for j in range(max(i - 1, 0), n))
    hi, shift = n - 1, 0.0
    while hi >= 0:
        sweeps = 0
        while True:
            l = _small_subdiagonal(a, hi, norm)
            x = a[hi][hi]
            if l == hi:  # a 1x1 block: one real eigenvalue
                wr[hi] = x + shift
                hi -= 1
                break
            y = a[hi - 1][hi - 1]
            w = a[hi][hi - 1] * a[hi - 1][hi]
            if l == hi - 1:  # a 2x2 block: two real eigenvalues or a conjugate pair
                p = 0.5 * (y - x)
                q = p * p + w
                z = math.sqrt(abs(q))
                x += shift
                if q >= 0:
                    z = p + math.copysign(z, p)
                    wr[hi - 1] = wr[hi] = x + z
                    if z:
                        wr[hi] = x - w / z
                else:
                    wr[hi - 1] = wr[hi] = x + p
                    wi[hi - 1], wi[hi] = z, -z
                hi -= 2
                break
            if sweeps == _MAX_SWEEPS:
                raise LinAlgError("Eigenvalues did not converge")
            if sweeps in (10, 20):  # an exceptional shift breaks cycles
                shift += x
                for i in range(hi + 1):
                    a[i][i] -= x
                s = abs(a[hi][hi - 1]) + abs(a[hi - 1][hi - 2])
                x = y = 0.75 * s
                w = -0.4375 * s * s
            sweeps += 1
            _francis_sweep(a, l, hi, x, y, w)
    return wr, wi


def _francis_sweep(a, l, hi, x, y, w):
    """One implicit double-shift QR sweep on the active block rows/columns l..hi, starting where two consecutive
    subdiagonal entries are small enough (row m)."""
    m = hi - 2
    while True:
        z = a[m][m]
        r, s = x - z, y - z
        p = (r * s - w) / a[m + 1][m] + a[m][m + 1]
        q = a[m + 1][m + 1] - z - r - s
        r = a[m + 2][m + 1]
        s = abs(p) + abs(q) + abs(r)
        p, q, r = p / s, q / s, r / s
        if m == l:
            break
        u = abs(a[m][m - 1]) * (abs(q) + abs(r))
        v = abs(p) * (abs(a[m - 1][m - 1]) + abs(z) + abs(a[m + 1][m + 1]))
        if u + v == v:
            break
        m -= 1
    for i in range(m + 2, hi + 1):
        a[i][i - 2] = 0.0
        if i != m + 2:
            a[i][i - 3] = 0.0
    for k in range(m, hi):
        last = k == hi - 1
        if k != m:  # the bulge left by the previous reflection
            p, q = a[k][k - 1], a[k + 1][k - 1]
            r = 0.0 if last else a[k + 2][k - 1]
            x = abs(p) + abs(q) + abs(r)
            if x == 0:
                continue
            p, q, r = p / x, q / x, r / x
        s = math.copysign(math.sqrt(p * p + q * q + r * r), p)
        if s == 0:
            continue
        if k == m:
            if l != m:
                a[k][k - 1] = -a[k][k - 1]
        else:
            a[k][k - 1] = -s * x
        p += s
        x, y, z = p / s, q / s, r / s
        q, r = q / p, r / p
        for j in range(k, hi + 1):  # reflect rows k..k+2
            p = a[k][j] + q * a[k + 1][j]
            if not last:
                p += r * a[k + 2][j]
                a[k + 2][j] -= p * z
            a[k + 1][j] -= p * y
            a[k][j] -= p * x
        for i in range(l, min(hi, k + 3) + 1):  # reflect columns k..k+2
            p = x * a[i][k] + y * a[i][k + 1]
            if not last:
                p += z * a[i][k + 2]
                a[i][k + 2] -= p * r
            a[i][k + 1] -= p * q
            a[i][k] -= p


def eigvals_real(m):
    """The eigenvalues of the real square 2-D array m: float64 if all are real, else complex128."""
    a = [[float(v) for v in row] for row in asarray(m, dtype="float64").tolist()]
    n = len(a)
    if any(not math.isfinite(v) for row in a for v in row):
        raise LinAlgError("Array must not contain infs or NaNs")
    _balance(a, n)
    _hessenberg(a, n)
    wr, wi = _hessenberg_eigenvalues(a, n)
    if any(wi):
        return asarray([complex(r, i) for r, i in zip(wr, wi)], dtype="complex128")
    return asarray(wr, dtype="float64")
