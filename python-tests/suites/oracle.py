"""NumPy as the oracle when it is importable, hand-written expectations always.

The suites run on GraalPy (no NumPy) and on CPython through jep (NumPy present). So that every test asserts
something on both runtimes, a test states its expected result by hand *and*, where NumPy is importable,
the same operation is run through NumPy:

    check(lambda m: m.arange(3) + 1.5, [1.5, 2.5, 3.5], "float64")

runs the lambda with ``m = gilfree`` and (when present) with ``m = numpy``, then asserts that

1. NumPy's result equals the hand-written expectation (else ``OracleDisagrees``: the *test* is wrong, or
   the NumPy in use behaves differently from the NumPy 2.x the expectation was written against);
2. gilfree's result equals NumPy's result (``assert_same``);
3. gilfree's result equals the hand-written expectation (the only check left on GraalPy).

"Equal" means: same kind of result (array vs scalar), same shape, same dtype name, and the same
``tolist()`` value, element by element, including the Python type of each element (int vs float vs bool),
NaN equal to NaN and the sign of zero. Floats compare exactly unless a relative tolerance is given.

``OracleDisagrees`` is deliberately not an ``AssertionError``: a test marked
``xfail(strict=True, raises=AssertionError)`` for a known gilfree bug still fails loudly if its
hand-written expectation stops matching NumPy.
"""
import math

import pytest

try:
    import numpy as np
except ImportError:  # GraalPy: hand-written expectations only
    np = None

HAVE_NUMPY = np is not None
NUMPY_VERSION = np.__version__ if HAVE_NUMPY else None

import gilfree as gf  # noqa: E402 - after the NumPy probe so a failing import names gilfree, not numpy


class OracleDisagrees(Exception):
    """NumPy's result differs from a test's hand-written expectation (the test needs fixing)."""


_MISSING = object()


# ----- describing results -----

def is_array(x):
    return isinstance(x, gf.ndarray) or (HAVE_NUMPY and isinstance(x, np.ndarray))


def describe(x):
    """(kind, shape, dtype name, value) of a gilfree/NumPy array or scalar; kind is 'array' or 'scalar'."""
    if is_array(x):
        return "array", tuple(x.shape), x.dtype.name, x.tolist()
    dt = getattr(x, "dtype", None)
    if dt is None:
        raise AssertionError(f"expected an array or a NumPy-style scalar with a dtype, got {type(x).__name__}: {x!r}")
    return "scalar", (), dt.name, x.item()


def _shape_of(value):
    shape = []
    while isinstance(value, list):
        shape.append(len(value))
        if not value:
            break
        value = value[0]
    return tuple(shape)


def expected(value, dtype, shape=_MISSING):
    """A hand-written result: a nested list is an array (shape inferred unless given, e.g. for empty
    arrays); anything else is a scalar, unless ``shape=()`` asks for a 0-d array."""
    if isinstance(value, list):
        return "array", (_shape_of(value) if shape is _MISSING else tuple(shape)), dtype, value
    if shape is _MISSING:
        return "scalar", (), dtype, value
    return "array", tuple(shape), dtype, value


def values_equal(a, b, rel=0.0):
    """Nested lists/tuples of Python numbers equal element by element: same Python types, NaN == NaN,
    the sign of zero counts; floats within relative tolerance `rel` when it is not 0."""
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (type(a) is type(b) and len(a) == len(b)
                and all(values_equal(x, y, rel) for x, y in zip(a, b)))
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if rel:
            return math.isclose(a, b, rel_tol=rel, abs_tol=0.0)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def _compare(got, want, rel, what):
    """None when the described results `got` and `want` agree, else a message."""
    names = ("kind", "shape", "dtype")
    for name, g, w in zip(names, got[:3], want[:3]):
        if g != w:
            return f"{what}: {name} differs: {g!r} != {w!r} (values {got[3]!r} vs {want[3]!r})"
    if not values_equal(got[3], want[3], rel):
        tol = f" (rel={rel})" if rel else ""
        return f"{what}: values differ{tol}:\n  {got[3]!r}\n  {want[3]!r}"
    return None


# ----- the checks tests use -----

def assert_same(gf_result, np_result, rel=0.0):
    """gilfree's result matches NumPy's: kind, shape, dtype name and tolist() values (types included)."""
    msg = _compare(describe(gf_result), describe(np_result), rel, "gilfree vs numpy")
    assert msg is None, msg


def assert_expected(gf_result, value, dtype, shape=_MISSING, rel=0.0):
    """gilfree's result matches a hand-written expectation (see `expected`)."""
    msg = _compare(describe(gf_result), expected(value, dtype, shape), rel, "gilfree vs expected")
    assert msg is None, msg


def check(fn, value, dtype, shape=_MISSING, rel=0.0):
    """Runs ``fn(gilfree)`` and, with NumPy, ``fn(numpy)``; asserts both give the hand-written result.
    Returns gilfree's result for further checks."""
    want = expected(value, dtype, shape)
    if HAVE_NUMPY:
        np_result = fn(np)
        msg = _compare(describe(np_result), want, rel, f"numpy {NUMPY_VERSION} vs expected")
        if msg is not None:
            raise OracleDisagrees(msg)
    gf_result = fn(gf)
    if HAVE_NUMPY:
        assert_same(gf_result, np_result, rel)
    msg = _compare(describe(gf_result), want, rel, "gilfree vs expected")
    assert msg is None, msg
    return gf_result


def check_text(fn, text):
    """``fn(m)`` returns a string (a repr, a str); NumPy's (when present) and gilfree's must equal `text`."""
    if HAVE_NUMPY:
        np_text = fn(np)
        if np_text != text:
            raise OracleDisagrees(f"numpy {NUMPY_VERSION} gives\n{np_text}\nnot the expected\n{text}")
    gf_text = fn(gf)
    assert gf_text == text, f"gilfree gives\n{gf_text}\nexpected (NumPy's)\n{text}"


def check_repr(fn, text):
    """repr(fn(m)) is `text` for gilfree and for NumPy."""
    check_text(lambda m: repr(fn(m)), text)


def raises_same(exc_type, fn_gf, fn_np=None, match=None):
    """``fn_gf()`` raises `exc_type` (message matching the regex `match`, if given); with NumPy, so does
    ``fn_np()`` (a NumPy subclass such as UFuncTypeError counts). Returns gilfree's ExceptionInfo."""
    if HAVE_NUMPY and fn_np is not None:
        try:
            fn_np()
        except exc_type as e:
            if match is not None:
                import re
                if not re.search(match, str(e)):
                    raise OracleDisagrees(f"numpy's {type(e).__name__} message {str(e)!r} does not match {match!r}")
        except Exception as e:  # noqa: BLE001 - reported as a wrong expectation
            raise OracleDisagrees(f"numpy raised {type(e).__name__}: {e}, not {exc_type.__name__}") from e
        else:
            raise OracleDisagrees(f"numpy raised nothing, expected {exc_type.__name__}")
    with pytest.raises(exc_type, match=match) as info:
        fn_gf()
    return info


def raises_both(exc_type, fn, match=None):
    """`raises_same` for a test written once over the module: ``fn(m)`` with m = gilfree, numpy."""
    return raises_same(exc_type, lambda: fn(gf), (lambda: fn(np)) if HAVE_NUMPY else None, match=match)


# ----- table-driven tests -----

def _case_label(k, case):
    parts = []
    for x in case if isinstance(case, tuple) else (case,):
        code = getattr(x, "__code__", None)
        parts.append(f"<line {code.co_firstlineno}>" if code is not None else repr(x))
    label = f"case {k} (" + ", ".join(parts) + ")"
    return label if len(label) <= 160 else label[:157] + "..."


def each(cases, fn):
    """Runs ``fn(*case)`` for every case of a table as one pytest item (on GraalPy each item costs
    ~50 ms of pytest overhead), and reports every failing case, not only the first."""
    failures, disagreements = [], []
    for k, case in enumerate(cases):
        try:
            fn(*case) if isinstance(case, tuple) else fn(case)
        except OracleDisagrees as e:
            disagreements.append(f"{_case_label(k, case)}: {e}")
        except (AssertionError, pytest.fail.Exception) as e:
            failures.append(f"{_case_label(k, case)}: {e}")
        except Exception as e:  # noqa: BLE001 - an unexpected error in one case must not hide the others
            failures.append(f"{_case_label(k, case)}: unexpected {type(e).__name__}: {e}")
    if disagreements:
        raise OracleDisagrees(f"{len(disagreements)} of {len(cases)} cases disagree with numpy:\n"
                              + "\n".join(disagreements))
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(failures)
