"""One-expression differential cases (the pattern of test_misc_functions_diff.py) extended to results that are
strings or contain strings (poly1d's str/repr): `check(expr)` evaluates expr with `m` = NumPy (recorded on
CPython, replayed on GraalPy) and `m` = gilfree and compares kind, dtype, shape and values (floats within `ulps`,
or within `rel` of the largest magnitude in each array).
The expression is the case's key, so it names the case completely."""
import math
import warnings

import pytest

import gilfree as gf
from oracle import np
from recorded import answer
from test_misc_functions_diff import ERRORS, _check, _plain

ERRORS = dict(ERRORS, ZeroDivisionError=ZeroDivisionError, LinAlgError=gf.linalg.LinAlgError)


def _plain_ext(r):
    if isinstance(r, str):
        return {"str": r}
    if isinstance(r, (tuple, list)):
        return {"seq": [_plain_ext(x) for x in r], "type": type(r).__name__}
    return _plain(r)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _close(got, want, ctx, rel):
    """An array or scalar whose float values agree with NumPy's within rel times the largest magnitude among
    them (for least-squares results, whose last digits depend on the factorisation used)."""
    assert isinstance(got, (gf.ndarray, gf.generic)), f"{ctx}: {type(got)}"
    got = gf.asarray(got)
    assert got.dtype.name == want["dtype"] and list(got.shape) == want["shape"], f"{ctx}: {got.dtype} {got.shape}"
    w = _flat(want["values"])
    scale = max([abs(y) for y in w] + [1e-300])
    for x, y in zip(_flat(got.tolist()), w):
        assert abs(x - y) <= rel * scale, f"{ctx}: gilfree {x!r} numpy {y!r}"


def _check_ext(got, want, ctx, ulps, rel=None):
    if rel is not None and "values" in want and want["dtype"].startswith(("float", "complex")):
        _close(got, want, ctx, rel)
    elif "str" in want:
        assert got == want["str"], f"{ctx}: gilfree {got!r} numpy {want['str']!r}"
    elif "seq" in want:
        assert type(got).__name__ == want["type"] and len(got) == len(want["seq"]), f"{ctx}: {got!r}"
        for g, w in zip(got, want["seq"]):
            _check_ext(g, w, ctx, ulps, rel)
    else:
        _check(got, want, ctx, ulps)


def _env(m):
    return {"m": m, "nan": math.nan, "inf": math.inf, "pi": math.pi}


def numpy_answer(prefix, expr):
    def compute():
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return _plain_ext(eval(expr, _env(np)))
        except np.exceptions.AxisError:
            return {"error": "AxisError"}
        except np.linalg.LinAlgError:
            return {"error": "LinAlgError"}
        except tuple(e for n, e in ERRORS.items() if n not in ("AxisError", "LinAlgError")) as e:
            return {"error": type(e).__name__}
    return answer(f"{prefix} {expr}", compute)


def check(prefix, expr, ulps=0, rel=None):
    want = numpy_answer(prefix, expr)
    with gf.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "error" in want:
            with pytest.raises(ERRORS[want["error"]]):
                eval(expr, _env(gf))
            return
        got = eval(expr, _env(gf))
    _check_ext(got, want, expr, ulps, rel)
