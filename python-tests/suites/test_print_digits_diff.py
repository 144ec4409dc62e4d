"""Shortest round-trip digits in array printing, against NumPy's text: every power of two of float64 and
float32 (where the rounding interval is narrower below than above), the subnormal boundary, the largest
finite values and hypothesis-drawn bit patterns, in every float mode. The 'unique' text must also read back
to the very value. NumPy's texts are recorded on CPython and replayed on GraalPy (recorded.py)."""
import math
import struct

import pytest
from hypothesis import HealthCheck, settings, strategies as st

import gilfree as gf
from oracle import np
from recorded import answer, generated, given_recorded

pytestmark = pytest.mark.numpy_answers
FAST = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

MODES = ("unique", "maxprec", "maxprec_equal", "fixed")
EXPONENTS = {"float64": range(-1074, 1024), "float32": range(-149, 128)}


def _powers(dt):
    """Every power of two the dtype holds, the odd exponents negated (both signs are printed)."""
    return [(-1.0 if e % 2 else 1.0) * 2.0 ** e for e in EXPONENTS[dt]]


def _edges(dt):
    fi = gf.finfo(dt)
    tiny, sub, mx = float(fi.tiny), float(fi.smallest_subnormal), float(fi.max)
    return [tiny, tiny - sub, tiny + sub, sub, 2 * sub, 3 * sub, mx, -mx, mx / 2, tiny * 2 - sub]


def _texts(m, dt, values, mode):
    with m.printoptions(floatmode=mode):
        return [repr(m.asarray([v], dtype=dt)) for v in values]


def _print(m, dt, values, mode):
    with m.printoptions(floatmode=mode):
        return repr(m.asarray(values, dtype=dt))


def _number(text):
    """The number in 'array([-6.310887241768095e-30])' or 'array([1.], dtype=float32)'."""
    return float(text[text.index("[") + 1:text.index("]")])


def _reads_back(text, v, dt):
    x = _number(text)
    if dt == "float32":
        x = float(gf.float32(x))
    return x == v


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("dt", sorted(EXPONENTS))
def test_every_power_of_two_prints_as_numpy(dt, mode):
    values = _powers(dt)
    want = answer(f"print digits powers of two {dt} {mode}", lambda: _texts(np, dt, values, mode))
    got = _texts(gf, dt, values, mode)
    diff = [(v, g, w) for v, g, w in zip(values, got, want) if g != w]
    assert not diff, f"{len(diff)} of {len(values)} powers of two differ from NumPy, e.g. {diff[:3]}"
    if mode == "unique":
        bad = [(v, g) for v, g in zip(values, got) if not _reads_back(g, v, dt)]
        assert not bad, f"{len(bad)} do not read back, e.g. {bad[:3]}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("dt", sorted(EXPONENTS))
def test_subnormal_boundary_and_largest_values_print_as_numpy(dt, mode):
    values = _edges(dt)
    want = answer(f"print digits edges {dt} {mode} {values!r}", lambda: _texts(np, dt, values, mode))
    assert _texts(gf, dt, values, mode) == want


@pytest.mark.parametrize("dt", sorted(EXPONENTS))
def test_scalars_print_powers_of_two_as_numpy(dt):
    values = _powers(dt)
    want = answer(f"print digits scalar powers of two {dt}",
                  lambda: [(repr(getattr(np, dt)(v)), str(getattr(np, dt)(v))) for v in values])
    got = [(repr(getattr(gf, dt)(v)), str(getattr(gf, dt)(v))) for v in values]
    assert got == want


def _from_bits(bits, dt):
    if dt == "float64":
        return struct.unpack("<d", bits.to_bytes(8, "little"))[0]
    return struct.unpack("<f", (bits & 0xFFFFFFFF).to_bytes(4, "little"))[0]


@given_recorded(FAST, st.sampled_from(sorted(EXPONENTS)), st.integers(0, 2 ** 64 - 1), st.integers(0, 2 ** 64 - 1),
                st.sampled_from(MODES))
def test_bit_patterns_print_as_numpy(dt, bits1, bits2, mode):
    """Two arbitrary values of the dtype side by side (so one's digits can set the other's column)."""
    values = [_from_bits(bits1, dt), _from_bits(bits2, dt)]
    want = generated(f"print bits {dt} {values!r} {mode}", lambda: _print(np, dt, values, mode))
    got = _print(gf, dt, values, mode)
    assert got == want, f"{values!r} in {mode}"
    if mode == "unique" and all(math.isfinite(v) for v in values):
        with gf.printoptions(floatmode=mode):
            singles = [repr(gf.asarray([v], dtype=dt)) for v in values]
        assert all(_reads_back(t, v, dt) for t, v in zip(singles, values)), singles
