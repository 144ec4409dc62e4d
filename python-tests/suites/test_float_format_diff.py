"""format_float_positional and format_float_scientific against NumPy (recorded on CPython, replayed on GraalPy:
exprcheck.py), over values that exercise Dragon4's corners (ties, carries, exact values, subnormals, the
extremes) and every parameter: precision, unique, fractional, trim, sign, pad_left/pad_right, exp_digits,
min_digits, and the errors of bad arguments."""
import math

import pytest

import gilfree as gf
from exprcheck import check, check_all

pytestmark = pytest.mark.numpy_answers

VALUES = [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 0.15, 0.25, 2.675, 123.456, 0.00123456, 1e20, 1e-20, 99.96, 1.0001,
          0.0049, 0.0005, 9.99, 1.96, 5e-324, 1e300, 12345.0, 0.3, 2.5, 3.5, math.nan, math.inf, -math.inf,
          1.7976931348623157e308, 1.5e-323, 0.006, 0.95]

POSITIONAL = [{}, {"precision": 0}, {"precision": 1}, {"precision": 2}, {"precision": 3, "unique": False},
              {"precision": 17, "unique": False}, {"min_digits": 5}, {"min_digits": 20},
              {"precision": 2, "fractional": False}, {"precision": 4, "fractional": False, "unique": False},
              {"precision": 1, "fractional": False, "min_digits": 1}, {"min_digits": 6, "fractional": False},
              {"trim": "."}, {"trim": "0"}, {"trim": "-"}, {"precision": 3, "unique": False, "trim": "-"},
              {"precision": 3, "unique": False, "trim": "0"}, {"precision": 3, "unique": False, "trim": "."},
              {"sign": True}, {"pad_left": 4, "pad_right": 4}, {"trim": "-", "pad_right": 3},
              {"min_digits": 3, "trim": "-"}, {"precision": 2, "min_digits": 1}, {"precision": 0, "fractional": False}]

SCIENTIFIC = [{}, {"precision": 0}, {"precision": 1}, {"precision": 2}, {"precision": 3, "unique": False},
              {"precision": 6, "unique": False}, {"min_digits": 3}, {"min_digits": 20}, {"trim": "."}, {"trim": "0"},
              {"trim": "-"}, {"sign": True}, {"pad_left": 3}, {"exp_digits": 4}, {"exp_digits": 0},
              {"exp_digits": 1}, {"precision": 1, "unique": False}, {"precision": 0, "unique": False, "trim": "-"}]

ERRORS = [{"precision": -1}, {"precision": 1, "min_digits": 2}, {"unique": False}, {"trim": "x"},
          {"pad_left": -1}, {"pad_right": -1}, {"exp_digits": -1}]


def _all(fn, x, kwargs):
    out = []
    for kw in kwargs:
        try:
            out.append(fn(x, **kw))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__)
    return out


def _cases(kind, fn_name, values, kwargs, cast=None):
    def case(v):
        return lambda m: _all(getattr(m, fn_name), cast(m, v) if cast else v, kwargs)
    return {f"{kind} {v!r} {kwargs}": case(v) for v in values}


def test_positional_matches_numpy():
    check_all("float-format", _cases("positional", "format_float_positional", VALUES, POSITIONAL))


def test_scientific_matches_numpy():
    check_all("float-format", _cases("scientific", "format_float_scientific", VALUES, SCIENTIFIC))


def test_float32_values_use_float32_digits():
    kws = [{}, {"precision": 3}, {"min_digits": 12}, {"precision": 5, "unique": False}]
    values = [0.1, 3.14159, 16777217.0, 1e10, 1e-10, 0.5, 3e38, 1e-45]
    for name in ("format_float_positional", "format_float_scientific"):
        check_all("float-format", _cases(f"float32 {name}", name, values, kws, cast=lambda m, v: m.float32(v)))


def test_other_inputs_and_errors_match_numpy():
    check("float-format", f"inputs and errors {ERRORS}",
          fn=lambda m: [m.format_float_positional(3), m.format_float_positional(True), m.format_float_scientific(5),
                        m.format_float_positional(m.int64(3)), _all(m.format_float_positional, "1.0", [{}]),
                        _all(m.format_float_positional, 1.0, ERRORS), _all(m.format_float_scientific, 1.0, ERRORS)])


def test_format_float_needs_no_decimal_context_of_the_caller():
    import decimal
    with decimal.localcontext(decimal.Context(prec=3)):
        assert gf.format_float_positional(1e300, precision=1, unique=False).startswith("1000000000000000052504760")
