"""Differential checks of gf.fft against numpy.fft: every transform with every norm, lengths 1..64 (primes and
composites), a few large lengths (Bluestein and mixed radix), n/s/axes/axis combinations, input dtypes and
the result precision (float32/complex64 stay single), out=, the helpers (fftfreq, rfftfreq, fftshift,
ifftshift) and the errors NumPy raises. Each case builds its inputs with the module it is given, so both
sides get the same call; NumPy's answer is recorded on CPython and replayed on GraalPy.

Transforms are compared as a whole, not element by element: an FFT's error is relative to the size of the
result, so every element must lie within eps * (4 + 2 log2 n) of the largest magnitude of NumPy's result
(eps of the result's precision). Helpers and shifts are exact."""
import math

import pytest

import gilfree as gf
from oracle import np
from exprcheck import check

pytestmark = pytest.mark.numpy_answers

NORMS = [None, "backward", "ortho", "forward"]
SINGLE = ("float32", "complex64")


def _plain(r):
    r = np.asarray(r)
    return {"dtype": r.dtype.name, "shape": list(r.shape), "values": r.ravel().tolist()}


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _check(got, want, ctx, exact):
    assert isinstance(got, gf.ndarray), f"{ctx}: {type(got)} is not a gilfree array"
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != numpy {want['shape']}"
    values = _flat(got.tolist())
    if exact:
        assert values == want["values"], f"{ctx}: gilfree {values} numpy {want['values']}"
        return
    n = max([d for d in want["shape"]] + [1])
    eps = 2.0 ** -23 if want["dtype"] in SINGLE else 2.0 ** -52
    scale = max([abs(y) for y in want["values"]] + [1e-300])
    tol = eps * (4 + 2 * math.log2(n)) * scale
    for i, (x, y) in enumerate(zip(values, want["values"])):
        assert abs(x - y) <= tol, f"{ctx} element {i}: gilfree {x!r} numpy {y!r} (tolerance {tol:.3g})"


def _case(key, build, exact=False):
    """build(xp) computes the case with xp = gilfree or NumPy; the results (or error types) must agree."""
    check("fft", key, fn=build, plain=_plain, match=lambda got, want, ctx: _check(got, want, ctx, exact))


def _reals(count, seed=1):
    """Deterministic values in [-2, 2) with no pattern an FFT would find special."""
    return [((i * 7919 + seed * 104729) % 1009) / 252.25 - 2 for i in range(count)]


def _complex(xp, shape, dtype="complex128", seed=1):
    size = math.prod(shape)
    re, im = _reals(size, seed), _reals(size, seed + 7)
    a = xp.asarray([complex(x, y) for x, y in zip(re, im)], dtype=dtype)
    return a.reshape(shape)


def _real(xp, shape, dtype="float64", seed=1):
    return xp.asarray(_reals(math.prod(shape), seed), dtype=dtype).reshape(shape)


LENGTHS = list(range(1, 65))
LARGE = [97, 127, 210, 243, 625, 1009, 2048]


@pytest.mark.parametrize("n", LENGTHS + LARGE)
def test_one_dimensional_transforms_match_numpy_at_every_length(n):
    _case(f"fft n={n}", lambda xp: xp.fft.fft(_complex(xp, (n,))))
    _case(f"ifft n={n}", lambda xp: xp.fft.ifft(_complex(xp, (n,), seed=3)))
    _case(f"rfft n={n}", lambda xp: xp.fft.rfft(_real(xp, (n,))))
    m = n // 2 + 1
    _case(f"irfft n={n}", lambda xp: xp.fft.irfft(_complex(xp, (m,), seed=5), n=n))
    if n <= 64:
        _case(f"hfft n={n}", lambda xp: xp.fft.hfft(_complex(xp, (m,), seed=6), n=n))
        _case(f"ihfft n={n}", lambda xp: xp.fft.ihfft(_real(xp, (n,), seed=4)))


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "complex64", "int64", "bool"])
def test_every_function_and_norm_match_numpy(norm, dt):
    def src(xp, shape, seed=1):
        if dt.startswith("complex"):
            return _complex(xp, shape, dt, seed)
        if dt == "bool":
            return xp.asarray([x > 0 for x in _reals(math.prod(shape), seed)]).reshape(shape)
        if dt == "int64":
            return xp.asarray([int(4 * x) for x in _reals(math.prod(shape), seed)], dtype=dt).reshape(shape)
        return _real(xp, shape, dt, seed)
    for name in ("fft", "ifft", "hfft", "irfft", "fft2", "ifft2", "fftn", "ifftn", "irfft2", "irfftn"):
        _case(f"{name} {dt} (4,6) norm={norm}", lambda xp: getattr(xp.fft, name)(src(xp, (4, 6)), norm=norm))
    if not dt.startswith("complex"):
        for name in ("rfft", "ihfft", "rfft2", "rfftn"):
            _case(f"{name} {dt} (4,6) norm={norm}", lambda xp: getattr(xp.fft, name)(src(xp, (4, 6)), norm=norm))
    else:
        _case(f"rfft {dt} complex input", lambda xp: xp.fft.rfft(src(xp, (5,))))


@pytest.mark.parametrize("norm", NORMS)
def test_round_trips_give_back_the_input(norm):
    x = _complex(gf, (3, 10))
    back = gf.fft.ifft(gf.fft.fft(x, norm=norm), norm=norm)
    assert float(gf.max(gf.abs(back - x))) < 1e-14
    r = _real(gf, (3, 9))
    back = gf.fft.irfft(gf.fft.rfft(r, norm=norm), n=9, norm=norm)
    assert float(gf.max(gf.abs(back - r))) < 1e-14


CALLS = [
    ("fft n shorter", lambda xp: xp.fft.fft(_complex(xp, (3, 8)), n=5)),
    ("fft n longer axis 0", lambda xp: xp.fft.fft(_complex(xp, (3, 8)), n=7, axis=0)),
    ("fft axis -2 of 3-d", lambda xp: xp.fft.fft(_complex(xp, (2, 5, 3)), axis=-2)),
    ("ifft n=1", lambda xp: xp.fft.ifft(_complex(xp, (4,)), n=1)),
    ("rfft n odd longer", lambda xp: xp.fft.rfft(_real(xp, (2, 6)), n=9)),
    ("rfft axis 0", lambda xp: xp.fft.rfft(_real(xp, (7, 3)), axis=0)),
    ("irfft default n", lambda xp: xp.fft.irfft(_complex(xp, (2, 6)))),
    ("irfft n odd", lambda xp: xp.fft.irfft(_complex(xp, (2, 6)), n=11)),
    ("irfft n short", lambda xp: xp.fft.irfft(_complex(xp, (6,)), n=4)),
    ("irfft axis 0", lambda xp: xp.fft.irfft(_complex(xp, (5, 2)), axis=0)),
    ("hfft default n", lambda xp: xp.fft.hfft(_complex(xp, (7,)))),
    ("ihfft n", lambda xp: xp.fft.ihfft(_real(xp, (7,)), n=10)),
    ("fft2 s", lambda xp: xp.fft.fft2(_complex(xp, (4, 6)), s=(3, 8))),
    ("fft2 axes", lambda xp: xp.fft.fft2(_complex(xp, (3, 4, 5)), axes=(0, 2))),
    ("fftn 3-d", lambda xp: xp.fft.fftn(_complex(xp, (3, 4, 5)))),
    ("fftn s only", lambda xp: xp.fft.fftn(_complex(xp, (3, 4, 5)), s=(2, 7))),
    ("fftn axes repeated", lambda xp: xp.fft.fftn(_complex(xp, (3, 3)), axes=(0, 0))),
    ("fftn s -1", lambda xp: xp.fft.fftn(_complex(xp, (3, 4)), s=(2, -1), axes=(0, 1))),
    ("ifftn axes", lambda xp: xp.fft.ifftn(_complex(xp, (3, 4, 5)), axes=(1,))),
    ("rfftn 3-d", lambda xp: xp.fft.rfftn(_real(xp, (3, 4, 5)))),
    ("rfftn s axes", lambda xp: xp.fft.rfftn(_real(xp, (3, 4, 5)), s=(5, 3), axes=(2, 0))),
    ("irfftn 3-d", lambda xp: xp.fft.irfftn(_complex(xp, (3, 4, 5)))),
    ("irfftn s -1 last", lambda xp: xp.fft.irfftn(_complex(xp, (3, 4)), s=(3, -1), axes=(0, 1))),
    ("irfftn s odd", lambda xp: xp.fft.irfftn(_complex(xp, (3, 4, 5)), s=(4, 9), axes=(0, 2))),
    ("rfft2 float32", lambda xp: xp.fft.rfft2(_real(xp, (6, 10), "float32"))),
    ("irfft2 s", lambda xp: xp.fft.irfft2(_complex(xp, (4, 6), "complex64"), s=(4, 9))),
    ("fft strided input", lambda xp: xp.fft.fft(_complex(xp, (6, 8))[::2, 1::3])),
    ("rfft strided input", lambda xp: xp.fft.rfft(_real(xp, (6, 8))[::-1, ::2], axis=0)),
    ("fft empty batch", lambda xp: xp.fft.fft(_complex(xp, (0, 4)))),
    ("fft list input", lambda xp: xp.fft.fft([1.0, 2.0, 3.0, 4.5])),
    ("fft int8", lambda xp: xp.fft.fft(xp.asarray([1, -2, 3, 4, 5], dtype="int8"))),
    ("fft uint8 2d", lambda xp: xp.fft.fft2(xp.asarray([[1, 2], [3, 250]], dtype="uint8"))),
]


@pytest.mark.parametrize("name", [c[0] for c in CALLS])
def test_lengths_axes_and_shapes_match_numpy(name):
    _case("call " + name, dict(CALLS)[name])


def test_large_lengths_match_numpy():
    # mixed radix 2^12 and a prime that goes through Bluestein, modest enough to record
    _case("fft 4096", lambda xp: xp.fft.fft(_complex(xp, (4096,))))
    _case("fft 4099 prime", lambda xp: xp.fft.fft(_complex(xp, (4099,))))
    _case("rfft 3001", lambda xp: xp.fft.rfft(_real(xp, (3001,))))
    _case("fft float32 1031 prime", lambda xp: xp.fft.fft(_real(xp, (1031,), "float32")))


def test_batched_rows_split_over_threads_match_single_rows():
    x = _complex(gf, (64, 4096))
    whole = gf.fft.fft(x)
    for r in (0, 17, 63):
        assert gf.array_equal(whole[r], gf.fft.fft(x[r]))


ERROR_CALLS = [
    ("n=0", lambda xp: xp.fft.fft(_complex(xp, (4,)), n=0)),
    ("n=-3", lambda xp: xp.fft.ifft(_complex(xp, (4,)), n=-3)),
    ("empty axis", lambda xp: xp.fft.fft(_complex(xp, (0,)))),
    ("bad norm", lambda xp: xp.fft.fft(_complex(xp, (4,)), norm="bad")),
    ("bad norm rfftn", lambda xp: xp.fft.rfftn(_real(xp, (4, 2)), norm="Ortho")),
    ("0-d", lambda xp: xp.fft.fft(xp.asarray(1.0))),
    ("axis out of range", lambda xp: xp.fft.fft(_complex(xp, (4,)), axis=2)),
    ("n float", lambda xp: xp.fft.fft(_complex(xp, (4,)), n=2.5)),
    ("irfft length 1", lambda xp: xp.fft.irfft(_complex(xp, (1,)))),
    ("s axes lengths", lambda xp: xp.fft.fftn(_complex(xp, (3, 3)), s=(2, 2), axes=(0,))),
    ("s too long", lambda xp: xp.fft.fftn(_complex(xp, (3, 3)), s=(2, 2, 2))),
    ("rfft complex", lambda xp: xp.fft.rfft(_complex(xp, (4,)))),
    ("fftfreq float n", lambda xp: xp.fft.fftfreq(4.0)),
    ("fftfreq 0", lambda xp: xp.fft.fftfreq(0)),
    ("rfftfreq float n", lambda xp: xp.fft.rfftfreq(4.5)),
]


@pytest.mark.parametrize("name", [c[0] for c in ERROR_CALLS])
def test_errors_match_numpy(name):
    _case("error " + name, dict(ERROR_CALLS)[name])


def test_error_messages_match_numpy():
    with pytest.raises(ValueError, match=r"Invalid number of FFT data points \(0\) specified."):
        gf.fft.fft(gf.ones(3), n=0)
    with pytest.raises(ValueError, match='Invalid norm value bad; should be "backward","ortho" or "forward".'):
        gf.fft.fft(gf.ones(3), norm="bad")
    with pytest.raises(ValueError, match="Shape and axes have different lengths."):
        gf.fft.fftn(gf.ones((3, 3)), s=(2, 2), axes=(0,))


@pytest.mark.parametrize("n", [1, 2, 5, 8, 9])
@pytest.mark.parametrize("d", [1.0, 0.1, 3])
def test_frequencies_match_numpy(n, d):
    _case(f"fftfreq {n} {d}", lambda xp: xp.fft.fftfreq(n, d), exact=True)
    _case(f"rfftfreq {n} {d}", lambda xp: xp.fft.rfftfreq(n, d), exact=True)


@pytest.mark.parametrize("axes", [None, 0, 1, -1, (0, 1), (1,)])
@pytest.mark.parametrize("shape", [(5,), (4, 7), (3, 4)])
def test_shifts_match_numpy(axes, shape):
    if len(shape) == 1 and axes not in (None, 0, -1):
        return
    def src(xp):
        return xp.arange(math.prod(shape)).reshape(shape)
    _case(f"fftshift {shape} {axes}", lambda xp: xp.fft.fftshift(src(xp), axes=axes), exact=True)
    _case(f"ifftshift {shape} {axes}", lambda xp: xp.fft.ifftshift(src(xp), axes=axes), exact=True)


def test_out_matches_numpy():
    def into(xp, dt):
        out = xp.zeros(6, dtype=dt)
        r = xp.fft.fft(_real(xp, (6,)), out=out)
        assert r is out
        return out
    _case("out complex128", lambda xp: into(xp, "complex128"))
    _case("out complex64 (same kind)", lambda xp: into(xp, "complex64"))
    _case("out float64 (cannot cast)", lambda xp: into(xp, "float64"))
    _case("out wrong shape", lambda xp: xp.fft.fft(_real(xp, (6,)), out=xp.zeros(5, dtype="complex128")))
    _case("irfft out", lambda xp: xp.fft.irfft(_complex(xp, (4,)), out=xp.zeros(6)))
