"""Shared inputs for the differential suites: dtypes, edge values, generated samples (no NumPy needed)."""
import math
import random
import zlib

import gilfree as gf

REAL = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]
COMPLEX = ["complex64", "complex128"]
INT_RANGE = {"int8": (-128, 127), "int16": (-32768, 32767), "int32": (-(1 << 31), (1 << 31) - 1),
             "int64": (-(1 << 63), (1 << 63) - 1), "uint8": (0, 255), "uint16": (0, 65535),
             "uint32": (0, (1 << 32) - 1), "uint64": (0, (1 << 63) - 1)}
FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.75, 7.0, -7.0, 1e300, -1e300, math.inf, -math.inf, math.nan,
               1e-310, 100.0, 2.0, 0.1]
F32_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.75, 7.0, -7.0, 3e38, -3e38, math.inf, -math.inf, math.nan,
             1e-40, 100.0, 2.0, 0.1]


def values(dt, n=24, seed=0):
    """Edge values of dtype `dt` followed by seeded random ones: n values in all."""
    # A stable seed (str hashes change per process): the same values on every run and runtime, so NumPy's
    # answers recorded on CPython apply on GraalPy (recorded.py).
    rnd = random.Random(zlib.crc32(f"{dt}:{seed}".encode()))
    if dt == "bool":
        v = [False, True] + [rnd.random() < 0.5 for _ in range(n)]
    elif dt.startswith("float"):
        edges = FLOAT_EDGES if dt == "float64" else F32_EDGES
        v = edges + [rnd.uniform(-50, 50) for _ in range(n)]
    elif dt.startswith("complex"):  # each edge value once as a real and once as an imaginary part
        edges = FLOAT_EDGES if dt == "complex128" else F32_EDGES
        v = [complex(e, edges[(5 * i + 3) % len(edges)]) for i, e in enumerate(edges)] + \
            [complex(rnd.uniform(-50, 50), rnd.uniform(-50, 50)) for _ in range(n)]
    else:
        lo, hi = INT_RANGE[dt]
        small = [x for x in (0, 1, -1, 2, -2, 3, 7, -7, 13, 100, -100) if lo <= x <= hi]
        v = small + [lo, hi, lo + 1, hi - 1] + [rnd.randint(lo, hi) for _ in range(n // 2)] + \
            [rnd.randint(max(lo, -20), min(hi, 20)) for _ in range(n // 2)]
    return v[:n] if len(v) >= n else (v * (n // len(v) + 1))[:n]


def complex_close(got, want, ulps, f32=False):
    """True when got and want (complex) agree part by part: NaN with NaN, infinities and zeros exactly (signs
    included), other values within `ulps` ulps of the larger finite part (a complex result's accuracy)."""
    finite = [abs(p) for p in (want.real, want.imag) if math.isfinite(p)]
    big = max(finite) if finite else 0.0
    unit = (max(math.ulp(big) * 2 ** 29, 2 ** -149) if f32 else math.ulp(big)) if big else 0.0
    for g, w in ((got.real, want.real), (got.imag, want.imag)):
        if math.isnan(w) or math.isnan(g):
            if not (math.isnan(w) and math.isnan(g)):
                return False
        elif math.isinf(w) or math.isinf(g) or (w == 0 and abs(g) > ulps * unit):
            if g != w or math.copysign(1, g) != math.copysign(1, w):
                return False
        elif abs(g - w) > ulps * unit:
            return False
    return True


def ulp_close(got, want, ulps, f32=False):
    """True when got and want (floats) agree: both NaN, equal (including infinities), or within `ulps` ulps."""
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    if math.isinf(want) or math.isinf(got):
        return got == want
    if got == want:
        return True
    # f32: True for float32 ulps, 16 for float16's
    unit = (math.ulp(want) if not f32 else max(math.ulp(want) * 2 ** 42, 2 ** -24) if f32 == 16
            else max(math.ulp(want) * 2 ** 29, 2 ** -149))
    return abs(got - want) <= ulps * unit


class Input:
    """An input array as data: its values, dtype and shape. gilfree's array is built on every runtime,
    NumPy's only where NumPy runs (its answers are recorded there, recorded.py)."""
    def __init__(self, vs, dt, shape):
        self.vs, self.dt, self.shape = vs, dt, tuple(shape)

    def gf(self):
        return gf.asarray(self.vs, dtype=self.dt).reshape(self.shape)

    def np(self):
        import numpy
        return numpy.asarray(self.vs, dtype=self.dt).reshape(self.shape)

    def key(self):
        return f"{self.dt}{list(self.shape)}:{self.vs!r}"
