"""Differential cases written as one expression over `m` (gilfree, or NumPy on CPython).

``check("area", "m.binary_repr(-5, width=8)")`` evaluates the expression with ``m = numpy`` (recorded on
CPython, replayed on GraalPy: recorded.py) and with ``m = gilfree``, and asserts that both give the same
kind of result: the same exception type, or equal plain values, arrays of the same dtype/shape/values,
dtypes and scalar types of the same name. The expression is the case's key, so it names the case
completely. Floats compare within `ulps` ulps, or within a relative tolerance `rel` (for results of
decompositions, which take different but equally valid routes): of each element, or with `rel_to_largest` of
the largest magnitude in the array (least-squares fits, whose small coefficients carry the large ones' error)."""
import math
import warnings

import pytest

import gilfree as gf
from _ufunc_cases import ulp_close
from oracle import np
from recorded import answer

ERRORS = {"TypeError": TypeError, "ValueError": ValueError, "IndexError": IndexError, "AxisError": gf.AxisError,
          "OverflowError": OverflowError, "KeyError": KeyError, "LinAlgError": gf.linalg.LinAlgError,
          "AssertionError": AssertionError, "ZeroDivisionError": ZeroDivisionError, "RuntimeError": RuntimeError}


_CONSTANTS = {"nan": math.nan, "inf": math.inf, "pi": math.pi}


def _plain(r):
    """NumPy's result as plain data (recorded.py keeps nothing else)."""
    if r is None or isinstance(r, str):
        return {"py": r, "type": type(r).__name__}
    if isinstance(r, (tuple, list)):
        return {"seq": [_plain(x) for x in r], "type": type(r).__name__}
    if isinstance(r, np.dtype):
        return {"dtype_obj": r.name}
    if isinstance(r, type):
        return {"type_obj": r.__name__}
    if isinstance(r, (bool, int, float, complex)) and not isinstance(r, np.generic):
        return {"py": r, "type": type(r).__name__}
    kind = "array" if isinstance(r, np.ndarray) else "scalar"
    r = np.asarray(r)
    return {"kind": kind, "dtype": r.dtype.name, "shape": list(r.shape), "values": r.tolist()}


def numpy_answer(area, expr, env=None, fn=None, plain=_plain):
    """NumPy's result of the case as plain(result), or {"error": name} with the name of the ERRORS entry its
    exception is (a NumPy subclass such as UFuncTypeError counts as its builtin base)."""
    def compute():
        scope = {"m": np, **_CONSTANTS, **(env or {})}
        try:
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return plain(fn(np) if fn is not None else eval(expr, scope))
        except np.exceptions.AxisError:
            return {"error": "AxisError"}
        except np.linalg.LinAlgError:
            return {"error": "LinAlgError"}
        except tuple(v for k, v in ERRORS.items() if k not in ("AxisError", "LinAlgError")) as e:
            return {"error": type(e).__name__ if type(e).__name__ in ERRORS
                    else next(k for k, v in ERRORS.items() if isinstance(e, v))}
    return answer(f"{area} {expr}", compute)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _close(x, y, ulps, rel, f32, scale=None):
    if rel and not (math.isnan(y) or math.isinf(y)):
        return abs(x - y) <= rel * (max(1.0, abs(y)) if scale is None else scale)
    return ulp_close(x, y, ulps, f32)


def compare(got, want, ctx, ulps=0, rel=0.0, rel_to_largest=False):
    """Asserts gilfree's result `got` matches NumPy's plain answer `want`."""
    if "seq" in want:
        assert type(got).__name__ == want["type"] or isinstance(got, tuple) and want["type"] == "tuple", \
            f"{ctx}: {type(got).__name__} != {want['type']}"
        assert len(got) == len(want["seq"]), f"{ctx}: {got!r}"
        for g, w in zip(got, want["seq"]):
            compare(g, w, ctx, ulps, rel, rel_to_largest)
        return
    if "py" in want:
        assert type(got).__name__ == want["type"], f"{ctx}: {type(got).__name__} {got!r} != {want['py']!r}"
        if isinstance(got, float):
            assert _close(got, want["py"], ulps, rel, False), f"{ctx}: {got!r} != {want['py']!r}"
        else:
            assert got == want["py"], f"{ctx}: {got!r} != {want['py']!r}"
        return
    if "dtype_obj" in want:
        assert isinstance(got, gf.dtype) and got.name == want["dtype_obj"], f"{ctx}: {got!r}"
        return
    if "type_obj" in want:
        assert isinstance(got, type) and got.__name__ == want["type_obj"], f"{ctx}: {got!r}"
        return
    kind = "array" if isinstance(got, gf.ndarray) else "scalar"
    assert kind == want["kind"], f"{ctx}: gilfree gives a {kind}, numpy a {want['kind']}: {got!r}"
    assert isinstance(got, (gf.ndarray, gf.generic)), f"{ctx}: {type(got)}"
    got = gf.asarray(got)
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != numpy {want['shape']}"
    f32 = {"float32": True, "complex64": True, "float16": 16}.get(want["dtype"], False)  # ulp_close's width
    values = _flat(want["values"])
    scale = max([abs(y) for y in values if isinstance(y, (float, complex)) and not math.isnan(abs(y))] + [1e-300]) \
        if rel_to_largest else None
    for i, (x, y) in enumerate(zip(_flat(got.tolist()), values)):
        if isinstance(y, complex):
            assert _close(x.real, y.real, ulps, rel, f32, scale) and _close(x.imag, y.imag, ulps, rel, f32, scale), \
                f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
        elif isinstance(y, float):
            assert _close(x, y, ulps, rel, f32, scale), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
            if y == 0 and not math.isnan(x) and not rel:
                assert math.copysign(1, x) == math.copysign(1, y), f"{ctx} element {i}: sign of zero"
        else:
            assert x == y and type(x) is type(y), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def check(area, expr, ulps=0, rel=0.0, env=None, fn=None, rel_to_largest=False, plain=_plain, match=None):
    """`expr` gives the same result (or exception type) with m = gilfree as with m = numpy. With `fn`, the
    case is fn(m) and `expr` only names it (the key of the recorded answer). A suite with its own idea of
    agreement passes `plain` (NumPy's result as plain data) and `match(got, want, ctx)` (its assertions)."""
    want = numpy_answer(area, expr, env, fn, plain)
    scope = {"m": gf, **_CONSTANTS, **(env or {})}

    def run():
        return fn(gf) if fn is not None else eval(expr, scope)

    with gf.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "error" in want:
            with pytest.raises(ERRORS[want["error"]]):
                run()
            return
        got = run()
    if match is not None:
        match(got, want, expr)
    else:
        compare(got, want, expr, ulps, rel, rel_to_largest)


def check_all(area, exprs, **kw):
    """`check` for every expression of a table (or every name: fn of a dict) as one test (a pytest item
    costs ~50 ms on GraalPy); every failing case is reported, not only the first."""
    failures = []
    for expr in exprs:
        try:
            if isinstance(exprs, dict):
                check(area, expr, fn=exprs[expr], **kw)
            else:
                check(area, expr, **kw)
        except (AssertionError, pytest.fail.Exception) as e:
            failures.append(f"{expr}: {e}")
    assert not failures, f"{len(failures)} of {len(exprs)} cases differ from NumPy:\n" + "\n".join(failures)
