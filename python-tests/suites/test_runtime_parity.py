"""What used to differ between GraalPy and CPython/jep (found by running the Array API conformance suite on
both): float32 rounding through `struct` (CPython's native "f" format casts silently, GraalPy's raises
OverflowError), and DLPack, which went through NumPy even for gilfree's own arrays. Every test here runs on
both runtimes with the same expectations; NumPy is the oracle where it is importable."""
import contextlib
import math
import sys

import pytest

import gilfree as gf
from gilfree._float32 import round_float32
from oracle import HAVE_NUMPY, np, check, check_repr, check_text, raises_both

FMAX = 3.4028234663852886e38  # the largest float32
TINY = 1.401298464324817e-45  # the smallest float32 subnormal, 2**-149

# (double, the float32 nearest to it): overflow, the halfway point below 2**128, subnormals, ties to even,
# underflow keeping the sign of zero
ROUNDING = [
    (0.0, 0.0), (-0.0, -0.0), (math.inf, math.inf), (-math.inf, -math.inf),
    (1e39, math.inf), (-1e39, -math.inf), (FMAX, FMAX),
    (3.4028235677973362e38, FMAX), (3.4028235677973366e38, math.inf), (-3.4028235677973366e38, -math.inf),
    (3.4028235e38, FMAX),
    (0.1, 0.10000000149011612), (16777217.0, 16777216.0), (16777219.0, 16777220.0),
    (7.006492321624085e-46, 0.0), (7.006492321624087e-46, TINY), (-1e-46, -0.0), (1e-320, 0.0),
    (TINY * 1.5, 2 * TINY), (TINY * 2.5, 2 * TINY), (1.1754942e-38, 1.1754942106924411e-38),
]


def _same_float(a, b):
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1.0, a) == math.copysign(1.0, b))


@pytest.mark.parametrize("x, want", ROUNDING, ids=[repr(x) for x, _ in ROUNDING])
def test_round_float32_is_numpys_cast(x, want):
    got = round_float32(x)
    assert _same_float(got, want), f"round_float32({x!r}) = {got!r}, expected {want!r}"
    if HAVE_NUMPY:
        with np.errstate(over="ignore"):
            assert _same_float(float(np.float32(x)), want), "the hand-written expectation is not NumPy's"


def test_round_float32_keeps_nan():
    assert math.isnan(round_float32(math.nan))


def test_round_float32_agrees_with_numpy_on_many_doubles():
    """Pseudo-random doubles over the whole float32 range and beyond, the same on every run."""
    if not HAVE_NUMPY:
        pytest.skip("NumPy is the oracle for arbitrary values; the table above runs without it")
    seed = 12345
    bad = []
    with np.errstate(over="ignore"):
        for i in range(20000):
            seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
            x = math.ldexp((seed >> 11) / 2.0 ** 53 * (-1 if seed & 1 else 1), (seed >> 3) % 300 - 160)
            if not _same_float(round_float32(x), float(np.float32(x))):
                bad.append(x)
    assert not bad, f"{len(bad)} doubles round differently from NumPy, e.g. {bad[:5]!r}"


def test_arange_float32_overflows_to_inf():
    """NumPy casts the first two values to float32 (inf past the largest float32), then fills on."""
    with gf.errstate(over="ignore"), (np.errstate(over="ignore") if HAVE_NUMPY else contextlib.nullcontext()):
        check(lambda m: m.arange(3.4e38, 3.5e38, 1e37, dtype=m.float32), [3.3999999521443642e38, math.inf], "float32")
        check(lambda m: m.arange(1e38, 3.5e38, 1e38, dtype=m.float32),
              [9.999999680285692e37, 1.9999999360571385e38, 3.0000000054977558e38], "float32")
        check(lambda m: m.arange(-3.4e38, -3.5e38, -1e37, dtype=m.complex64),
              [-3.3999999521443642e38 + 0j, complex(-math.inf, 0)], "complex64")


def test_arange_float32_rounds_every_value():
    check(lambda m: m.arange(0.1, 0.5, 0.1, dtype=m.float32),
          [0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645], "float32")


def test_largest_float32_prints():
    """The shortest digits of 3.4028235e+38 are searched through 3.403e+38, which overflows float32."""
    check_repr(lambda m: m.asarray([FMAX, -FMAX, TINY], dtype=m.float32),
               "array([ 3.4028235e+38, -3.4028235e+38,  1.4012985e-45], dtype=float32)")
    check_repr(lambda m: m.asarray(FMAX, dtype=m.float32), "array(3.4028235e+38, dtype=float32)")
    check_text(lambda m: str(m.finfo(m.float32).max), "3.4028235e+38")


# ----- DLPack: gilfree arrays need no capsule, so from_dlpack works on every runtime -----

def test_from_dlpack_shares_memory():
    x = gf.asarray([1.0, 2.0, 3.0])
    for kw in ({}, {"copy": None}, {"copy": False}, {"device": "cpu"}):
        y = gf.from_dlpack(x, **kw)
        assert isinstance(y, gf.ndarray) and y is not x
        assert y.dtype == x.dtype and y.shape == x.shape and y.tolist() == x.tolist()
        x[0] = 10.0 + len(kw)
        assert y[0] == x[0], f"from_dlpack(x, **{kw}) did not share x's memory"


def test_from_dlpack_copy_true_copies():
    x = gf.asarray([[1, 2], [3, 4]], dtype=gf.int16)
    y = gf.from_dlpack(x, copy=True)
    x[0, 0] = 9
    assert y.tolist() == [[1, 2], [3, 4]] and y.dtype == gf.int16


def test_from_dlpack_keeps_read_only():
    def read_only(m):
        a = m.arange(3.0)
        a.flags.writeable = False
        return m.from_dlpack(a)
    y = check(read_only, [0.0, 1.0, 2.0], "float64")
    assert not y.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        y[0] = 1.0


def test_from_dlpack_of_a_view():
    check(lambda m: m.from_dlpack(m.arange(12).reshape(3, 4)[::2, 1::2]), [[1, 3], [9, 11]], "int64")


def test_from_dlpack_errors():
    raises_both(ValueError, lambda m: m.from_dlpack(m.arange(3), device="gpu"), match="Device not understood")
    raises_both(AttributeError, lambda m: m.from_dlpack(3), match="__dlpack__")
    raises_both(TypeError, lambda m: m.from_dlpack(x=m.arange(3)))  # x is positional-only, as NumPy's


def test_dlpack_device():
    assert gf.arange(3).__dlpack_device__() == (1, 0)  # kDLCPU, device 0


def test_dunder_dlpack():
    """With NumPy, a capsule over the same memory; without it (GraalPy) no capsule can be made, which DLPack
    reports as BufferError (not the ModuleNotFoundError the NumPy import used to leak)."""
    x = gf.arange(4.0)
    if HAVE_NUMPY:
        for kw in ({}, {"max_version": (1, 0)}, {"copy": False, "dl_device": (1, 0)}):
            assert type(x.__dlpack__(**kw)).__name__ == "PyCapsule"
        v = np.from_dlpack(x)
        x[1] = 7.0
        assert v[1] == 7.0
    else:
        assert "numpy" not in sys.modules
        with pytest.raises(BufferError, match="NumPy"):
            x.__dlpack__()


# ----- arange: integers past int64 (uint64), bool, NumPy's length rule -----

def test_arange_uint64_past_int64():
    """The engine takes Java longs: jep refused such ints with "int too big to convert", GraalPy with "invalid
    instantiation of foreign object" (both TypeError, both wrong: NumPy makes the array)."""
    check(lambda m: m.arange(2 ** 63, 2 ** 63 + 3, dtype=m.uint64),
          [9223372036854775808, 9223372036854775809, 9223372036854775810], "uint64")
    check(lambda m: m.arange(2 ** 64 - 1, 2 ** 64 - 4, -1, dtype=m.uint64),
          [18446744073709551615, 18446744073709551614, 18446744073709551613], "uint64")
    check(lambda m: m.arange(0, 2 ** 64 - 1, 2 ** 63, dtype=m.uint64), [0, 9223372036854775808], "uint64")
    check(lambda m: m.arange(1e19, 1.00000000001e19, 1e8, dtype=m.uint64), [10000000000000000000], "uint64")


def test_arange_length_is_the_ceiling_of_the_true_quotient():
    """(0 - (2**63 + 5)) / -2**62 rounds to 2.0 as a double: NumPy makes 2 values, not the exact ceiling's 3."""
    check(lambda m: m.arange(2 ** 63 + 5, 0, -2 ** 62, dtype=m.uint64),
          [9223372036854775813, 4611686018427387909], "uint64")


def test_arange_bool():
    check(lambda m: m.arange(2.0, dtype=m.bool), [False, True], "bool")
    check(lambda m: m.arange(0.5, 2.5, dtype=m.bool), [True, True], "bool")
    check(lambda m: m.arange(0.0, 0.3, 0.2, dtype=m.bool), [False, True], "bool")
    check(lambda m: m.arange(1, 3, dtype=m.bool), [True, True], "bool")
    for args in ((3,), (5.0,)):
        raises_both(TypeError, lambda m: m.arange(*args, dtype=m.bool), match="at most length 2")


def test_arange_refuses_arrays_with_dimensions():
    check(lambda m: m.arange(m.asarray(3)), [0, 1, 2], "int64")
    raises_both(TypeError, lambda m: m.arange(m.asarray([3])), match="0-dimensional")
