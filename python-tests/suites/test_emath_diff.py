"""gf.emath against numpy.emath: complex results exactly where the input leaves the real domain, in NumPy's
dtypes (complex64 for float32 and the small integer types), for arrays, scalars and Python numbers. NumPy's
answers are recorded on CPython and replayed on GraalPy (recorded.py)."""
import math

import pytest

import gilfree as gf
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

INPUTS = {"negative floats": ([-4.0, 0.25, 9.0], "float64"), "positive floats": ([4.0, 0.25, 9.0], "float64"),
          "float32 negatives": ([-4.0, 2.0], "float32"), "int8 negatives": ([-4, 2], "int8"),
          "int64": ([-8, 2], "int64"), "beyond one": ([-2.0, 0.5, 3.0], "float64"), "inside one": ([-0.5, 0.5], "float64"),
          "complex": ([-4 + 0j, 1j], "complex128"), "uint16": ([4, 9], "uint16"), "uint8": ([4, 9], "uint8"),
          "float16 negatives": ([-4.0, 2.0], "float16")}
UNARY = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]


def _plain(r):
    r = np.asarray(r) if np is not None and not isinstance(r, gf.ndarray) and not isinstance(r, gf.generic) else r
    values = r.tolist()
    return {"dtype": r.dtype.name, "values": [[v.real, v.imag] if isinstance(v, complex) else v
                                              for v in (values if isinstance(values, list) else [values])]}


def _close(g, w):
    if isinstance(w, list):
        return all(_close(a, b) for a, b in zip(g if isinstance(g, list) else [g, 0.0], w))
    return (math.isnan(g) and math.isnan(w)) or g == w or abs(g - w) <= 4e-16 * max(abs(w), 1) or (
        abs(g - w) <= 2e-7 * max(abs(w), 1e-30))


@pytest.mark.parametrize("case", sorted(INPUTS))
@pytest.mark.parametrize("fn", UNARY)
def test_unary_functions_match_numpy(fn, case):
    values, dt = INPUTS[case]
    with gf.errstate(all="ignore"):
        want = answer(f"emath {fn} {case}", lambda: _plain(getattr(np.emath, fn)(np.asarray(values, dtype=dt))))
        got = _plain(getattr(gf.emath, fn)(gf.asarray(values, dtype=dt)))
    assert got["dtype"] == want["dtype"], f"{fn}({case})"
    for g, w in zip(got["values"], want["values"]):
        assert _close(g, w), f"{fn}({case}): {got['values']} vs {want['values']}"


@pytest.mark.parametrize("args", [(-2, 0.5), (2, -2), (4.0, 0.5), (-8.0, 1 / 3)])
def test_power_and_logn_match_numpy(args):
    x, p = args
    want = answer(f"emath power {args!r}", lambda: _plain(np.emath.power(x, p)))
    got = _plain(gf.emath.power(x, p))
    assert got["dtype"] == want["dtype"] and all(_close(g, w) for g, w in zip(got["values"], want["values"]))
    want = answer(f"emath logn 2 {x!r}", lambda: _plain(np.emath.logn(2, x)))
    got = _plain(gf.emath.logn(2, x))
    assert got["dtype"] == want["dtype"] and all(_close(g, w) for g, w in zip(got["values"], want["values"]))


def test_sqrt_of_minus_four_is_two_j_on_every_runtime():
    assert complex(gf.emath.sqrt(-4.0)) == 2j and gf.emath.sqrt(gf.float32(-4)).dtype == "complex64"
    assert gf.emath.sqrt(4) == 2.0 and gf.emath.sqrt(4).dtype == "float64"
