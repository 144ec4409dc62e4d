"""gf.testing: NumPy's numpy.testing assertions for gilfree arrays.

    import gilfree as gf
    gf.testing.assert_allclose(gf.sqrt(gf.asarray([4.0, 9.0])), [2, 3])

The functions take gilfree arrays and scalars, Python numbers, nested lists (and NumPy arrays when NumPy is
installed), compute with gilfree, and fail with AssertionError and NumPy's message text: the header, the
mismatch counts, the first mismatching indices, the largest differences and the ACTUAL/DESIRED reprs."""
import contextlib
import difflib
import gc
import math
import numbers
import operator
import re
import struct
import unittest
import warnings

from ._bridge import RUNTIME as _RUNTIME
from ._creation import asarray
from ._dtypes import generic
from ._errstate import errstate
from ._manipulation import broadcast_to
from ._ndarray import ndarray
from ._printing import array2string, array_repr
from ._printoptions import printoptions
from ._promotion import result_type
from ._reductions import all as _all, any as _any, max as _max, sum as _sum
from ._elementwise import isclose
from ._sorting import argwhere
from ._ufuncs import (absolute as _abs, isinf, isnan, logical_and, logical_not, minimum, spacing, subtract,
                      not_equal, less_equal)

__all__ = ["assert_allclose", "assert_array_equal", "assert_array_almost_equal", "assert_almost_equal",
           "assert_approx_equal", "assert_equal", "assert_array_less", "assert_array_max_ulp",
           "assert_array_almost_equal_nulp", "nulp_diff", "assert_raises", "assert_raises_regex", "assert_warns",
           "assert_no_warnings", "assert_string_equal", "build_err_msg", "assert_array_compare",
           "suppress_warnings", "assert_", "assert_no_gc_cycles"]


def _is_numpy_array(x):
    """A NumPy ndarray, told apart without importing NumPy."""
    t = type(x)
    return any(c.__name__ == "ndarray" and c.__module__ == "numpy" for c in t.__mro__)


def _is_array(x):
    return isinstance(x, ndarray) or _is_numpy_array(x)


def _arr(x):
    return x if isinstance(x, ndarray) else asarray(x)


def _repr(a, precision):
    if isinstance(a, ndarray):
        with printoptions(precision=precision):
            return array_repr(a)
    return repr(a)


def build_err_msg(arrays, err_msg, header="Items are not equal:", verbose=True, names=("ACTUAL", "DESIRED"),
                  precision=8):
    """The failure message: the header (with a short err_msg on the same line) and each object's repr."""
    lines = ["\n" + header]
    err_msg = str(err_msg)
    if err_msg:
        if "\n" not in err_msg and len(err_msg) < 79 - len(header):
            lines[0] += " " + err_msg
        else:
            lines.append(err_msg)
    if verbose:
        for name, a in zip(names, arrays):
            try:
                r = _repr(a, precision)
            except Exception as exc:  # noqa: BLE001 - as NumPy: a failing repr must not hide the failure
                r = f"[repr failed for <{type(a).__name__}>: {exc}]"
            if r.count("\n") > 3:
                r = "\n".join(r.splitlines()[:3]) + "..."
            lines.append(f" {name}: {r}")
    return "\n".join(lines)


def _mask(a, m):
    """a[m] for a boolean mask m of a's shape; a 0-d a with a 0-d mask gives a 1-d result as NumPy."""
    a, m = _arr(a), _arr(m)
    if a.ndim == 0:
        return a.reshape((1,))[m.reshape((1,))]
    return a[m]


def _element(a, index):
    """One element as NumPy's f-string shows it: float16/float32/complex64 widened to Python's float/complex, a 0-d
    array and the other scalars as their str."""
    v = a if a.ndim == 0 else a[index]
    if a.dtype.name in ("float16", "float32", "complex64"):
        return str(asarray(v).item())
    return str(v)


def _numeric(a):
    return a.dtype.kind in "biufc"


def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="", precision=6, equal_nan=True,
                         equal_inf=True, *, strict=False, names=("ACTUAL", "DESIRED")):
    """The engine of the array assertions: fails unless comparison(x, y) holds everywhere (NaN and inf
    positions are checked to agree and then left out, as NumPy does)."""
    __tracebackhide__ = True
    x, y = _arr(x), _arr(y)
    ox, oy = x, y

    def fail(reason):
        raise AssertionError(build_err_msg([x, y], err_msg + reason, verbose=verbose, header=header,
                                           names=names, precision=precision))

    def same_positions(fx, fy, what):
        if not bool(_all(fx == fy)):
            fail(f"\n{what} location mismatch:")
        if fx.ndim == 0:
            return fx
        if fy.ndim == 0:
            return fy
        return fy

    if strict:
        ok = x.shape == y.shape and x.dtype == y.dtype
    else:
        ok = x.shape == () or y.shape == () or x.shape == y.shape
    if not ok:
        if x.shape != y.shape:
            fail(f"\n(shapes {x.shape}, {y.shape} mismatch)")
        fail(f"\n(dtypes {x.dtype}, {y.dtype} mismatch)")

    flagged = asarray(False)
    if _numeric(x) and _numeric(y):
        if equal_nan:
            flagged = same_positions(isnan(x), isnan(y), "nan")
        if equal_inf:
            not_flagged = logical_not(flagged)
            infs = same_positions(logical_and(isinf(x), not_flagged), logical_and(isinf(y), not_flagged), "inf")
            if bool(_any(infs)):
                if x.ndim > 0 and y.ndim > 0:
                    xi, yi = x[infs], y[infs]
                else:
                    xi, yi = x, y
                if not bool(_all(xi == yi)):
                    raise AssertionError(build_err_msg([xi, yi], err_msg + "\ninf values mismatch:",
                                                       verbose=verbose, header=header, names=names,
                                                       precision=precision))
            flagged = asarray(flagged | infs)

    if flagged.ndim > 0:
        keep = logical_not(flagged)
        x, y = x[keep], y[keep]
        if x.size == 0:
            return
    elif bool(flagged):
        return

    val = _arr(comparison(x, y))
    if bool(_all(val)):
        return
    invalids = logical_not(val)
    reduced = val.ravel()
    n_mismatch = reduced.size - int(_sum(reduced))
    n_elements = flagged.size if flagged.ndim != 0 else reduced.size
    remarks = [f"Mismatched elements: {n_mismatch} / {n_elements} ({100 * n_mismatch / n_elements:.3g}%)"]
    if invalids.ndim != 0:
        positions = argwhere(logical_not(flagged))[invalids] if flagged.ndim > 0 else argwhere(invalids)
        rows = [tuple(p) for p in positions.tolist()]
        # str() spelled out: GraalPy's format() of a float subclass skips the subclass's __str__
        shown = "\n".join(f" {list(p)}: {_element(ox, p)} ({names[0]}), {_element(oy, p)} ({names[1]})"
                           for p in rows[:5])
        if len(rows) == 1:
            remarks.append(f"Mismatch at index:\n{shown}")
        elif len(rows) <= 5:
            remarks.append(f"Mismatch at indices:\n{shown}")
        else:
            remarks.append(f"First 5 mismatches are at indices:\n{shown}")
    if not (x.dtype.kind == "b" and y.dtype.kind == "b"):  # NumPy cannot subtract booleans: no differences
        with errstate(all="ignore"):
            error = _arr(_abs(subtract(x, y)))
            if x.dtype.kind == "u":
                error = minimum(error, _abs(subtract(y, x)))
            remarks.append("Max absolute difference among violations: "
                           + array2string(asarray(_max(_mask(error, invalids)))))
            nonzero_invalid = logical_and(invalids, not_equal(y, 0))
            if not bool(_any(nonzero_invalid)):
                rel = asarray(float("inf"))
            else:
                ys = broadcast_to(y, error.shape)
                rel = asarray(_max(_mask(error, nonzero_invalid) / _abs(_mask(ys, nonzero_invalid))))
            remarks.append("Max relative difference among violations: " + array2string(rel))
    raise AssertionError(build_err_msg([ox, oy], str(err_msg) + "\n" + "\n".join(remarks), verbose=verbose,
                                       header=header, names=names, precision=precision))


def assert_allclose(actual, desired, rtol=1e-7, atol=0, equal_nan=True, err_msg="", verbose=True, *,
                    strict=False):
    """Fails unless |actual - desired| <= atol + rtol * |desired| everywhere (NaNs equal if equal_nan)."""
    __tracebackhide__ = True

    def compare(x, y):
        return isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan)

    assert_array_compare(compare, _arr(actual), _arr(desired), err_msg=str(err_msg), verbose=verbose,
                         header=f"Not equal to tolerance rtol={rtol:g}, atol={atol:g}", equal_nan=equal_nan,
                         strict=strict)


def assert_array_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Fails unless the arrays are equal element by element (NaNs in the same places are equal)."""
    __tracebackhide__ = True
    assert_array_compare(operator.eq, actual, desired, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not equal", strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg="", verbose=True):
    """Fails unless abs(desired - actual) < 1.5 * 10**(-decimal) element by element."""
    __tracebackhide__ = True

    def compare(x, y):
        y = asarray(y, dtype=result_type(y, 1.0))
        return _abs(subtract(x, y)) < 1.5 * 10.0 ** (-decimal)

    assert_array_compare(compare, actual, desired, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not almost equal to %d decimals" % decimal, precision=decimal)


def assert_array_less(x, y, err_msg="", verbose=True, *, strict=False):
    """Fails unless x < y element by element."""
    __tracebackhide__ = True
    assert_array_compare(operator.lt, x, y, err_msg=err_msg, verbose=verbose,
                         header="Arrays are not strictly ordered `x < y`", equal_inf=False, strict=strict,
                         names=("x", "y"))


def _is_complex(x):
    if _is_array(x):
        return x.dtype.kind == "c"
    return isinstance(x, complex) or getattr(getattr(x, "dtype", None), "kind", None) == "c"


def _parts(x):
    if _is_complex(x):
        return x.real, x.imag
    return x, 0


def _isscalar(x):
    if isinstance(x, (generic, numbers.Number, str, bytes)):
        return True
    t = type(x)
    return t.__module__ == "numpy" and hasattr(x, "dtype") and not _is_numpy_array(x)


def _isnan(x):
    """math.isnan for numbers; TypeError for anything else (strings included)."""
    if isinstance(x, (str, bytes)):
        raise TypeError("not a number")
    if _is_complex(x):
        return math.isnan(x.real) or math.isnan(x.imag)
    return math.isnan(x)


def _isfinite(x):
    if isinstance(x, (str, bytes)):
        raise TypeError("not a number")
    return math.isfinite(x)


def assert_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Fails unless actual equals desired: dicts, lists and tuples item by item, arrays element by element,
    NaN equal to NaN, and a zero's sign must match."""
    __tracebackhide__ = True
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in desired:
            if k not in actual:
                raise AssertionError(repr(k))
            assert_equal(actual[k], desired[k], f"key={k!r}\n{err_msg}", verbose)
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in range(len(desired)):
            assert_equal(actual[k], desired[k], f"item={k!r}\n{err_msg}", verbose)
        return
    if _is_array(actual) or _is_array(desired):
        assert_array_equal(actual, desired, err_msg, verbose, strict=strict)
        return
    msg = build_err_msg([actual, desired], err_msg, verbose=verbose)
    if _is_complex(actual) or _is_complex(desired):
        (ar, ai), (dr, di) = _parts(actual), _parts(desired)
        try:
            assert_equal(ar, dr)
            assert_equal(ai, di)
        except AssertionError:
            raise AssertionError(msg) from None
    if _isscalar(desired) != _isscalar(actual):
        raise AssertionError(msg)
    try:
        if _isnan(desired) and _isnan(actual):
            return
        if desired == 0 and actual == 0:
            if math.copysign(1.0, desired) != math.copysign(1.0, actual):
                raise AssertionError(msg)
    except (TypeError, ValueError, OverflowError):
        pass
    if not (desired == actual):
        raise AssertionError(msg)


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """Fails unless abs(desired - actual) < 1.5 * 10**(-decimal); arrays and lists go to
    assert_array_almost_equal."""
    __tracebackhide__ = True

    def message():
        return build_err_msg([actual, desired], err_msg, verbose=verbose,
                             header=f"Arrays are not almost equal to {decimal} decimals")

    if _is_complex(actual) or _is_complex(desired):
        (ar, ai), (dr, di) = _parts(actual), _parts(desired)
        try:
            assert_almost_equal(ar, dr, decimal=decimal)
            assert_almost_equal(ai, di, decimal=decimal)
        except AssertionError:
            raise AssertionError(message()) from None
    if _is_array(actual) or _is_array(desired) or isinstance(actual, (tuple, list)) \
            or isinstance(desired, (tuple, list)):
        assert_array_almost_equal(actual, desired, decimal, err_msg)
        return
    try:
        if not (_isfinite(desired) and _isfinite(actual)):
            if _isnan(desired) or _isnan(actual):
                if not (_isnan(desired) and _isnan(actual)):
                    raise AssertionError(message())
            elif not desired == actual:
                raise AssertionError(message())
            return
    except TypeError:
        pass
    if abs(desired - actual) >= 1.5 * 10.0 ** (-decimal):
        raise AssertionError(message())


def assert_approx_equal(actual, desired, significant=7, err_msg="", verbose=True):
    """Fails unless actual and desired agree to `significant` significant digits."""
    __tracebackhide__ = True
    actual, desired = float(actual), float(desired)
    if desired == actual:
        return
    scale = 0.5 * (abs(desired) + abs(actual))
    if scale > 0 and math.isfinite(scale):
        scale = 10.0 ** math.floor(math.log10(scale))
    elif scale == 0:
        scale = 0.0
    sc_desired = desired / scale if scale != 0 else 0.0
    sc_actual = actual / scale if scale != 0 else 0.0
    msg = build_err_msg([actual, desired], err_msg, header=f"Items are not equal to {significant} significant digits:",
                        verbose=verbose)
    if not (math.isfinite(desired) and math.isfinite(actual)):
        if math.isnan(desired) or math.isnan(actual):
            if not (math.isnan(desired) and math.isnan(actual)):
                raise AssertionError(msg)
        elif not desired == actual:
            raise AssertionError(msg)
        return
    if abs(sc_desired - sc_actual) >= 10.0 ** (-(significant - 1)):
        raise AssertionError(msg)


# ---- units in the last place -------------------------------------------------------------------------

_FLOATS = {"float16": ("<e", "<h", 16), "float32": ("<f", "<i", 32), "float64": ("<d", "<q", 64)}


def _common_float(x, y):
    """NumPy's common_type: the wider of two float16/float32 arrays, else float64."""
    kinds = {x.dtype.kind, y.dtype.kind}
    if "c" in kinds:
        raise NotImplementedError("_nulp not implemented for complex array")
    names = {x.dtype.name, y.dtype.name}
    if names <= {"float16", "float32"}:
        return "float32" if "float32" in names else "float16"
    return "float64"


def _ordered_int(v, fmt, ifmt, bits):
    """The float's bits as a sign-magnitude integer (NaNs made canonical), as NumPy's integer_repr."""
    if math.isnan(v):
        v = float("nan")
    r = struct.unpack(ifmt, struct.pack(fmt, v))[0]
    if r < 0:
        r = -(1 << (bits - 1)) - r
    return r


def _wrap_int(v, bits):
    m = 1 << bits
    v %= m
    return v - m if v >= m >> 1 else v


def nulp_diff(x, y, dtype=None):
    """The distance between x and y in units in the last place (float64, float32 or float16), element by element."""
    x = asarray(x, dtype=dtype) if dtype else _arr(x)
    y = asarray(y, dtype=dtype) if dtype else _arr(y)
    t = _common_float(x, y)
    x, y = x.astype(t), y.astype(t)
    if x.shape != y.shape:
        raise ValueError(f"Arrays do not have the same shape: {(1,) + x.shape} - {(1,) + y.shape}")
    fmt, ifmt, bits = _FLOATS[t]
    xs, ys = x.ravel().tolist(), y.ravel().tolist()
    out = []
    for a, b in zip(xs, ys):
        d = abs(_wrap_int(_ordered_int(a, fmt, ifmt, bits) - _ordered_int(b, fmt, ifmt, bits), bits))
        out.append(float(d))
    return asarray(out, dtype=t).reshape((1,) + x.shape)


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Fails unless a and b differ by at most maxulp units in the last place; returns the differences."""
    __tracebackhide__ = True
    ret = nulp_diff(a, b, dtype)
    if not bool(_all(less_equal(ret, maxulp))):
        raise AssertionError("Arrays are not almost equal up to %g ULP (max difference is %g ULP)"
                             % (maxulp, float(_max(ret))))
    return ret


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """Fails unless |x - y| <= nulp * spacing(max(|x|, |y|)) element by element."""
    __tracebackhide__ = True
    x, y = _arr(x), _arr(y)
    ax, ay = _abs(x), _abs(y)
    bigger = asarray(ax > ay)
    ref = nulp * spacing(_where(bigger, ax, ay))
    if not bool(_all(less_equal(_abs(subtract(x, y)), ref))):
        if x.dtype.kind == "c" or y.dtype.kind == "c":
            msg = f"Arrays are not equal to {nulp} ULP"
        else:
            msg = f"Arrays are not equal to {nulp} ULP (max is {float(_max(nulp_diff(x, y))):g})"
        raise AssertionError(msg)


def _where(c, a, b):
    return a * c + b * logical_not(c)


# ---- exceptions, warnings, strings ---------------------------------------------------------------------

class _Dummy(unittest.TestCase):
    def nop(self):
        pass


_d = _Dummy("nop")


def assert_raises(*args, **kwargs):
    """assert_raises(E, f, *args, **kwargs) calls f and fails unless it raises E; assert_raises(E) is a
    context manager (unittest's assertRaises)."""
    __tracebackhide__ = True
    return _d.assertRaises(*args, **kwargs)


def assert_raises_regex(exception_class, expected_regexp, *args, **kwargs):
    """As assert_raises, and the message must match the regular expression (re.search)."""
    __tracebackhide__ = True
    return _d.assertRaisesRegex(exception_class, expected_regexp, *args, **kwargs)


@contextlib.contextmanager
def _warns(warning_class, name=None):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    matched = [w for w in caught if issubclass(w.category, warning_class)]
    for w in caught:  # the others are not ours to swallow
        if not issubclass(w.category, warning_class):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if not matched:
        raise AssertionError("No warning raised" + (f" when calling {name}" if name is not None else ""))


def assert_warns(warning_class, *args, **kwargs):
    """assert_warns(W, f, *args, **kwargs) calls f and fails unless it warns W; returns f's result.
    assert_warns(W) is a context manager."""
    __tracebackhide__ = True
    if not args and not kwargs:
        return _warns(warning_class)
    if not args:
        if "match" in kwargs:
            raise RuntimeError("assert_warns does not use 'match' kwarg, use pytest.warns instead")
        raise RuntimeError("assert_warns(...) needs at least one arg")
    func, args = args[0], args[1:]
    with _warns(warning_class, name=func.__name__):
        return func(*args, **kwargs)


@contextlib.contextmanager
def _no_warnings(name=None):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    if caught:
        raise AssertionError(f"Got warnings{f' when calling {name}' if name is not None else ''}: {caught}")


def assert_no_warnings(*args, **kwargs):
    """assert_no_warnings(f, *args, **kwargs) calls f and fails if it warns; without arguments a context
    manager."""
    __tracebackhide__ = True
    if not args:
        return _no_warnings()
    func, args = args[0], args[1:]
    with _no_warnings(name=func.__name__):
        return func(*args, **kwargs)


def assert_string_equal(actual, desired):
    """Fails unless the strings are equal; the message shows the differing lines (difflib)."""
    __tracebackhide__ = True
    if not isinstance(actual, str):
        raise AssertionError(repr(type(actual)))
    if not isinstance(desired, str):
        raise AssertionError(repr(type(desired)))
    if desired == actual:
        return
    diff = list(difflib.Differ().compare(actual.splitlines(True), desired.splitlines(True)))
    out = []
    i = 0
    while i < len(diff):
        d1 = diff[i]
        i += 1
        if d1.startswith("  "):
            continue
        if not d1.startswith("- "):
            raise AssertionError(repr(d1))
        group = [d1]
        d2 = diff[i]
        i += 1
        if d2.startswith("? "):
            group.append(d2)
            d2 = diff[i]
            i += 1
        if not d2.startswith("+ "):
            raise AssertionError(repr(d2))
        group.append(d2)
        if i < len(diff) and diff[i].startswith("? "):
            group.append(diff[i])
            i += 1
        if d2[2:] != d1[2:]:
            out.extend(group)
    if out:
        raise AssertionError("Differences in strings:\n" + "".join(out).rstrip())


class suppress_warnings:
    """A small numpy.testing.suppress_warnings: a context manager that silences the warnings named with
    filter() and keeps those named with record() (a list, returned by record())."""

    def __init__(self, forwarding_rule="always"):
        self._filters = []  # (category, compiled message regex or None, record list or None)
        self._cm = None
        self.log = []

    def filter(self, category=Warning, message="", module=None):
        self._filters.append((category, re.compile(message, re.I) if message else None, None))

    def record(self, category=Warning, message="", module=None):
        log = []
        self._filters.append((category, re.compile(message, re.I) if message else None, log))
        return log

    def __enter__(self):
        self._cm = warnings.catch_warnings()
        self._cm.__enter__()
        self._forward = warnings.showwarning
        warnings.simplefilter("always")
        warnings.showwarning = self._show
        return self

    def _show(self, message, category, filename, lineno, file=None, line=None):
        for cat, rx, log in self._filters:
            if issubclass(category, cat) and (rx is None or rx.match(str(message))):
                if log is not None:
                    w = warnings.WarningMessage(message, category, filename, lineno, file, line)
                    log.append(w)
                    self.log.append(w)
                return
        self._forward(message, category, filename, lineno, file, line)

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)

    def __call__(self, func):
        def wrapped(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapped


def assert_(val, msg=""):
    """Fails with `msg` (called first when it is callable) unless val is true; unlike `assert`, it runs
    under python -O too."""
    __tracebackhide__ = True
    if not val:
        try:
            smsg = msg()
        except TypeError:
            smsg = msg
        raise AssertionError(smsg)


# Only a reference-counting runtime frees acyclic garbage at once, so only there does an object found by
# the cycle collector prove a cycle; elsewhere (GraalPy) the check is skipped, as NumPy skips it on PyPy.
_HAS_REFCOUNT = _RUNTIME == "cpython"


@contextlib.contextmanager
def _no_gc_cycles(name=None):
    if not _HAS_REFCOUNT:
        yield
        return
    if not gc.isenabled():
        raise AssertionError("the garbage collector must be enabled to look for reference cycles")
    gc.disable()
    debug = gc.get_debug()
    try:
        for _ in range(100):  # old garbage first: what is left after this is the block's
            if gc.collect() == 0:
                break
        else:
            raise RuntimeError("Unable to fully collect garbage - perhaps a __del__ method is "
                               "creating more reference cycles?")
        gc.set_debug(gc.DEBUG_SAVEALL)
        yield
        found = gc.collect()
        objects = gc.garbage[:]
    finally:
        del gc.garbage[:]
        gc.set_debug(debug)
        gc.enable()
    if found:
        shown = "".join(f"\n  {type(o).__name__} object with id={id(o)}:\n    {_short_repr(o)}"
                        for o in objects)
        raise AssertionError(f"Reference cycles were found{f' when calling {name}' if name else ''}: "
                             f"{found} objects were collected, of which {len(objects)} are shown below:{shown}")


def _short_repr(o):
    r = repr(o)
    return r if len(r) <= 100 else r[:97] + "..."


def assert_no_gc_cycles(*args, **kwargs):
    """assert_no_gc_cycles(f, *args, **kwargs) calls f and fails if it left reference cycles behind (objects
    only the cycle collector frees); without arguments a context manager. Returns None, as NumPy's."""
    __tracebackhide__ = True
    if not args:
        return _no_gc_cycles()
    func, args = args[0], args[1:]
    with _no_gc_cycles(name=func.__name__):
        func(*args, **kwargs)
