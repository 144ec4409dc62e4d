"""Differential checks of the window functions (bartlett, blackman, hamming, hanning, kaiser) and i0 against
NumPy, recorded on CPython and replayed on GraalPy (exprcheck.py). i0 must agree within a few ulps."""
import pytest

from exprcheck import check

pytestmark = pytest.mark.numpy_answers

WINDOWS = []
for name in ("bartlett", "blackman", "hamming", "hanning"):
    WINDOWS += [f"m.{name}({M})" for M in (-3, 0, 1, 2, 3, 5, 8, 51, 3.5, "'a'", "m.int8(4)", "m.asarray(6)")]
for M in (-2, 0, 1, 2, 5, 12, 4.5):
    for beta in (0, 0.5, 5, 14, 60, -3):
        WINDOWS.append(f"m.kaiser({M}, {beta})")
WINDOWS += ["m.kaiser(6, 'x')", "m.kaiser('x', 3)"]

I0 = ["m.i0(0.0)", "m.i0(1.0)", "m.i0(-7.5)", "m.i0(m.float32(2.5))", "m.i0(3)", "m.i0(True)",
      "m.i0([0, 1, 2, 8, 9, 30])", "m.i0(m.linspace(-40, 40, 161))", "m.i0(m.linspace(7.9, 8.1, 21))",
      "m.i0(m.asarray([0.5, 3, 8, 20], dtype='float32'))", "m.i0(m.asarray([1, 2], dtype='int8'))",
      "m.i0([1 + 1j])", "m.i0(m.asarray([], dtype='float32'))", "m.i0([nan, inf, -inf])", "m.i0([700.0, 720.0])",
      "m.i0(m.arange(12.0).reshape(3, 4) - 6)", "m.i0(m.asarray([[1e-300, -0.0]]))"]


@pytest.mark.parametrize("expr", WINDOWS)
def test_window(expr):
    check("windows", expr, ulps=4)


@pytest.mark.parametrize("expr", I0)
def test_i0(expr):
    check("windows", expr, ulps=4)
