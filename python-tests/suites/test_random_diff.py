"""gf.random against NumPy 2.4: the same seed gives the same numbers, bit for bit.

Each case draws with the module it is given (gilfree or NumPy) from a fresh seed; NumPy's answer is recorded
on CPython and replayed on GraalPy, and gilfree's must equal it exactly: values, dtypes, shapes, Python
scalar types, generator states. Errors compare by type and message. The thread tests check gilfree's own
promise (NumPy makes none): a generator shared by threads hands each call a distinct, complete block of the
serial stream."""
import threading

import pytest

import gilfree as gf
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers


def _plain(x):
    """A result as plain data: arrays and scalars keep their dtype, Python values their type."""
    if isinstance(x, (list, tuple)):
        return {"seq": [_plain(v) for v in x]}
    if isinstance(x, dict):
        return {"dict": {k: _plain(v) for k, v in sorted(x.items())}}
    if isinstance(x, bytes):
        return {"bytes": x.hex()}
    if hasattr(x, "dtype") and hasattr(x, "shape") and hasattr(x, "ndim") and not _is_scalar(x):
        return {"dtype": x.dtype.name, "shape": list(x.shape), "values": x.tolist()}
    if hasattr(x, "dtype"):
        return {"scalar": x.dtype.name, "value": x.item()}
    return {"py": type(x).__name__, "value": x}


def _is_scalar(x):
    return isinstance(x, gf.generic) or (np is not None and isinstance(x, np.generic))


def _run(case, xp):
    try:
        return _plain(case(xp))
    except (ValueError, TypeError, OverflowError, IndexError) as e:
        return {"error": type(e).__name__, "message": str(e)}


def _check(name, case):
    want = answer(f"random {name}", lambda: _run(case, np))
    got = _run(case, gf)
    assert got == want, f"{name}: gilfree {str(got)[:400]} != numpy {str(want)[:400]}"


INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"]


def _rng(xp, seed=12345):
    return xp.random.default_rng(seed)


def _shuffled(xp, make, seed=3):
    r = _rng(xp, seed)
    x = make(xp)
    r.shuffle(x)
    return x


def _legacy_state_roundtrip(xp):
    rs = xp.random.RandomState([1, 2, 3])
    a = rs.randn(3)  # leaves a cached second normal
    st = rs.get_state()
    b = rs.randn(3)
    rs.set_state(st)
    return [a, b, rs.randn(3), st[3], st[4], st[2]]


def _bitgen_state_roundtrip(xp):
    r = _rng(xp, 9)
    r.random(3, dtype="float32")  # leaves a buffered 32-bit half word
    st = r.bit_generator.state
    a = r.integers(0, 10, 5, dtype="uint8")
    r.bit_generator.state = st
    return [st, a, r.integers(0, 10, 5, dtype="uint8")]


CASES = {
    # SeedSequence
    "seedseq int": lambda xp: [xp.random.SeedSequence(0).generate_state(8), xp.random.SeedSequence(2 ** 100).pool],
    "seedseq list": lambda xp: xp.random.SeedSequence([1, 2, 3, 2 ** 40]).generate_state(3, "uint64"),
    "seedseq spawn": lambda xp: [s.generate_state(2) for s in xp.random.SeedSequence(7).spawn(3)]
    + [xp.random.SeedSequence(7, spawn_key=(1, 2)).generate_state(2)],
    "seedseq state": lambda xp: [xp.random.SeedSequence(5, spawn_key=(3,)).state],
    "seedseq float": lambda xp: xp.random.SeedSequence(1.5),
    # PCG64 and friends
    "pcg64 state": lambda xp: [_rng(xp, s).bit_generator.state for s in (0, 42, [1, 2], 2 ** 80)],
    "pcg64 raw": lambda xp: xp.random.PCG64(3).random_raw(6),
    "pcg64 advance": lambda xp: [xp.random.PCG64(3).advance(10 ** 30).state, xp.random.PCG64(3).advance(5).random_raw(3)],
    "pcg64 jumped": lambda xp: [xp.random.PCG64(3).jumped().state, xp.random.PCG64(3).jumped(3).random_raw(2)],
    "pcg64 state roundtrip": _bitgen_state_roundtrip,
    "pcg64 bad state": lambda xp: setattr(xp.random.PCG64(1), "state", {"bit_generator": "MT19937"}),
    "pcg64dxsm": lambda xp: [xp.random.PCG64DXSM(5).state, xp.random.Generator(xp.random.PCG64DXSM(5)).random(4),
                             xp.random.PCG64DXSM(5).advance(7).random_raw(2)],
    "mt19937 generator": lambda xp: [xp.random.Generator(xp.random.MT19937(5)).random(4),
                                     xp.random.Generator(xp.random.MT19937(5)).integers(0, 1000, 6),
                                     xp.random.MT19937(5).state["state"]["pos"]],
    "spawn": lambda xp: [g.random(2) for g in _rng(xp).spawn(3)] + [b.random_raw(1) for b in xp.random.PCG64(1).spawn(2)],
    "default_rng seeds": lambda xp: [xp.random.default_rng(s).random(2) for s in (0, [3, 4], xp.random.SeedSequence(8))]
    + [xp.random.default_rng(xp.random.PCG64(2)).random(), xp.random.default_rng(_rng(xp)).random()],
    # Generator: floats
    "random": lambda xp: [_rng(xp).random(5), _rng(xp).random(), _rng(xp).random((2, 3)), _rng(xp).random(size=())],
    "random float32": lambda xp: [_rng(xp).random(7, dtype="float32"), _rng(xp).random(dtype="float32")],
    "random bad dtype": lambda xp: _rng(xp).random(dtype="int32"),
    "uniform": lambda xp: [_rng(xp).uniform(-2, 3, 6), _rng(xp).uniform(), _rng(xp).uniform([0, 1], [2, 5]),
                           _rng(xp).uniform(0, [[1], [2]], (2, 3))],
    "uniform overflow": lambda xp: _rng(xp).uniform(-1e308, 1e308),
    "uniform overflow arrays": lambda xp: _rng(xp).uniform([-1e308], [1e308]),
    "uniform reversed": lambda xp: _rng(xp).uniform(2, 1),
    "standard_exponential": lambda xp: [_rng(xp).standard_exponential(500), _rng(xp).standard_exponential()],
    "standard_exponential float32": lambda xp: _rng(xp).standard_exponential(500, dtype="float32"),
    "standard_exponential inv": lambda xp: _rng(xp).standard_exponential(10, method="inv"),
    "exponential": lambda xp: [_rng(xp).exponential(2.5, 5), _rng(xp).exponential(), _rng(xp).exponential([1, 2, 3])],
    "exponential negative": lambda xp: _rng(xp).exponential(-1.0),
    # Generator: integers (Lemire, buffered 8/16-bit and bool draws)
    **{f"integers {d}": (lambda d: lambda xp: [
        _rng(xp).integers(0, 2 if d == "bool" else 100, size=20, dtype=d),
        _rng(xp).integers(2 if d == "bool" else 7, dtype=d),
        _rng(xp).integers(0, 1 if d == "bool" else 5, size=9, dtype=d, endpoint=True),
        _rng(xp).integers(xp.iinfo(d).min if d != "bool" else 0, xp.iinfo(d).max if d != "bool" else 1,
                          size=12, dtype=d, endpoint=True)])(d) for d in INT_DTYPES},
    "integers python int": lambda xp: [_rng(xp).integers(5, dtype=int), _rng(xp).integers(2, dtype=bool)],
    "integers wide": lambda xp: [_rng(xp).integers(0, 2 ** 40, 6), _rng(xp).integers(-2 ** 63, 2 ** 63 - 1, 4),
                                 _rng(xp).integers(0, 2 ** 64 - 1, 4, dtype="uint64")],
    "integers arrays": lambda xp: [_rng(xp).integers([0, 10, 100], [5, 20, 1000]),
                                   _rng(xp).integers([0, 10, 100], [5, 20, 200], dtype="uint8"),
                                   _rng(xp).integers(0, [[3], [300]], size=(2, 3), dtype="int16")],
    "integers empty": lambda xp: _rng(xp).integers(0, 5, size=(0, 3)),
    "integers low >= high": lambda xp: _rng(xp).integers(5, 3),
    "integers high <= 0": lambda xp: _rng(xp).integers(0),
    "integers out of bounds": lambda xp: _rng(xp).integers(0, 300, dtype="uint8"),
    "integers low out of bounds": lambda xp: _rng(xp).integers(-1, 3, dtype="uint16"),
    "integers bad dtype": lambda xp: _rng(xp).integers(0, 3, dtype="float64"),
    "poisson": lambda xp: [_rng(xp).poisson(3.5, 300), _rng(xp).poisson(), _rng(xp).poisson(40.0, 300),
                           _rng(xp).poisson([0, 1, 20, 3000]), _rng(xp).poisson(1e6, 3), _rng(xp).poisson(2.0, (2, 2)),
                           xp.random.RandomState(5).poisson(12.5, 50), xp.random.RandomState(5).poisson()],
    "poisson negative": lambda xp: _rng(xp).poisson(-1.0),
    "poisson nan array": lambda xp: _rng(xp).poisson([1.0, float("nan")]),
    "poisson too large": lambda xp: xp.random.RandomState(1).poisson(1e19),
    "binomial": lambda xp: [_rng(xp).binomial(10, 0.3, 200), _rng(xp).binomial(1000, 0.6, 300),
                            _rng(xp).binomial(10 ** 6, 0.001, 300), _rng(xp).binomial(5, 0.5),
                            _rng(xp).binomial([0, 5, 40, 300], [0.5, 0.0, 0.9, 0.5]), _rng(xp).binomial(7, 1.0, 3)],
    "binomial legacy": lambda xp: [(rs := xp.random.RandomState(4)).binomial(10, 0.3, 200),
                                   rs.binomial(1000, 0.6, 300), rs.binomial(0, 0.5), rs.rand(),
                                   rs.binomial([3, 500], [0.2, 0.45]), xp.random.seed(9), xp.random.binomial(4, 0.5, 5),
                                   xp.random.poisson(2.0, 3)],
    "binomial bad p": lambda xp: _rng(xp).binomial(-1, 1.5),
    "binomial bad n": lambda xp: xp.random.RandomState(1).binomial([-1, 2], 0.5),
    "bytes": lambda xp: [_rng(xp).bytes(13), _rng(xp).bytes(1)],
    # choice, permutations
    "choice": lambda xp: [_rng(xp).choice(10, 5), _rng(xp).choice(7), _rng(xp).choice([1.5, 2, 3], (2, 2)),
                          _rng(xp).choice([1.5, 2, 3])],
    "choice no replace": lambda xp: [_rng(xp).choice(10, 5, replace=False),
                                     _rng(xp).choice(10, 4, replace=False, shuffle=False),
                                     _rng(xp).choice(20000, 30, replace=False)],
    "choice no replace big": lambda xp: _rng(xp).choice(20000, 1000, replace=False)[::50],
    "choice p": lambda xp: [_rng(xp).choice(5, 6, p=[0.1, 0.2, 0.3, 0.2, 0.2]),
                            _rng(xp).choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])],
    "choice axis": lambda xp: [_rng(xp).choice(xp.arange(12).reshape(3, 4), 2, axis=1),
                               _rng(xp).choice(xp.arange(12).reshape(3, 4), 2, replace=False)],
    "choice too many": lambda xp: _rng(xp).choice(5, 6, replace=False),
    "choice bad p": lambda xp: _rng(xp).choice(3, p=[0.5, 0.6, 0.1]),
    "choice negative p": lambda xp: _rng(xp).choice(3, p=[1.5, -0.5, 0.0]),
    "choice empty": lambda xp: _rng(xp).choice([], 2),
    # the bulk fill loops (state kept in locals): long runs, both PCG variants, checked at spread-out positions
    "bulk random": lambda xp: [_rng(xp).random(200_003)[::9973], _rng(xp).random(100_001, dtype="float32")[::7919],
                               xp.random.Generator(xp.random.PCG64DXSM(3)).random(100_003)[::4999]],
    "bulk random then state": lambda xp: [(g := _rng(xp)).random(3, dtype="float32"), g.random(70_001)[-3:],
                                          g.random(3, dtype="float32"), g.bit_generator.state],
    "bulk integers": lambda xp: [_rng(xp).integers(-5, 1000, 100_000)[::997],
                                 _rng(xp).integers(0, 10 ** 12, 100_000)[::997],
                                 _rng(xp).integers(-7, 99, 100_000, dtype="int32")[::997],
                                 _rng(xp).integers(0, 2 ** 32 - 1, 50_000, dtype="uint32", endpoint=True)[::997],
                                 xp.random.Generator(xp.random.PCG64DXSM(1)).integers(0, 2 ** 40, 50_000)[::997]],
    "bulk permutation": lambda xp: [_rng(xp).permutation(100_000)[::997], _rng(xp).permutation(0),
                                    _rng(xp).permutation(1), _rng(xp).choice(100_000, 50_000, replace=False)[::997]],
    "bulk randomstate": lambda xp: [xp.random.RandomState(3).random_sample(100_000)[::997],
                                    xp.random.RandomState(3).randint(0, 1000, 100_000)[::997]],
    "permutation": lambda xp: [_rng(xp).permutation(10), _rng(xp).permutation(xp.arange(12).reshape(4, 3)),
                               _rng(xp).permutation(xp.arange(12).reshape(4, 3), axis=1)],
    "shuffle": lambda xp: [_shuffled(xp, lambda m: m.arange(10)), _shuffled(xp, lambda m: m.arange(12).reshape(3, 4)),
                           _shuffled(xp, lambda m: list(range(6)))],
    "permuted": lambda xp: [_rng(xp).permuted(xp.arange(12).reshape(3, 4)),
                            _rng(xp).permuted(xp.arange(24).reshape(2, 3, 4), axis=1),
                            _rng(xp).permuted(xp.arange(24).reshape(2, 3, 4), axis=0)],
    # legacy RandomState and the module functions
    "randomstate": lambda xp: [(rs := xp.random.RandomState(7)).rand(5), rs.randn(7), rs.randint(0, 100, 10),
                               rs.randint(5), rs.randint(-5, 5, size=8, dtype="int8"), rs.normal(2, 3, 5),
                               rs.uniform(1, 2, 4), rs.random_sample(2), rs.standard_normal(3), rs.bytes(5)],
    "randomstate choice": lambda xp: [(rs := xp.random.RandomState(1)).choice(10, 5), rs.choice(10, 5, replace=False),
                                      rs.choice(5, 3, p=[0.1, 0.2, 0.3, 0.2, 0.2]), rs.choice([3.5, 4.5]),
                                      rs.permutation(8), rs.permutation(xp.arange(6).reshape(3, 2))],
    "randomstate shuffle": lambda xp: [(rs := xp.random.RandomState(2)).shuffle(x := xp.arange(10)), x],
    "randomstate array seed": lambda xp: xp.random.RandomState([1, 2, 3, 2 ** 32 - 1]).rand(3),
    "randomstate state": _legacy_state_roundtrip,
    "randomstate get_state": lambda xp: [list(xp.random.RandomState(3).get_state()[1][:4]),
                                         xp.random.RandomState(3).get_state(legacy=False)["state"]["pos"]],
    "randomstate bad seed": lambda xp: xp.random.RandomState(-1),
    "randomstate big seed": lambda xp: xp.random.RandomState(2 ** 32),
    "module functions": lambda xp: [xp.random.seed(3), xp.random.rand(3), xp.random.randn(2, 2),
                                    xp.random.randint(10, size=4), xp.random.random(2), xp.random.random_sample(2),
                                    xp.random.ranf(2), xp.random.sample(2), xp.random.choice(5, 2),
                                    xp.random.permutation(5), xp.random.normal(size=2), xp.random.uniform(size=2),
                                    xp.random.standard_normal(2), xp.random.get_state()[2]],
}


#: cases that draw from the module's global RandomState: one thread at a time (pytest-run-parallel)
_GLOBAL = {"module functions", "binomial legacy"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.thread_unsafe(reason="the global RandomState"))
                                  if n in _GLOBAL else n for n in sorted(CASES)])
def test_same_numbers_as_numpy(name):
    _check(name, CASES[name])


def test_large_uniform_fill_is_the_serial_stream():
    """A draw large enough to be filled on several cores equals the serial stream (NumPy's values too)."""
    n = 300_000
    big = gf.random.default_rng(5).random(n)
    serial = gf.random.default_rng(5)
    parts = [serial.random(30_000) for _ in range(10)]
    assert big.tolist() == gf.concatenate(parts).tolist()
    after_big = gf.random.default_rng(5)
    after_big.random(n)
    assert after_big.bit_generator.state == serial.bit_generator.state
    picks = [0, 1, 65535, 65536, 131071, 131072, 200001, n - 1]
    want = answer("random large fill picks", lambda: [float(np.random.default_rng(5).random(n)[i]) for i in picks])
    assert [big[i].item() for i in picks] == want


def _concurrent_blocks(draw, threads=4, calls=25):
    """Blocks drawn by `threads` threads, `calls` each, from one shared generator."""
    blocks, lock = [], threading.Lock()
    start = threading.Barrier(threads)

    def work():
        start.wait()
        mine = [draw() for _ in range(calls)]
        with lock:
            blocks.extend(mine)

    ts = [threading.Thread(target=work) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return blocks


@pytest.mark.parametrize("kind", ["random", "integers", "randomstate"])
def test_a_shared_generator_serializes_draws(kind):
    """Concurrent draws from one generator are, as a multiset, the serial stream split into the same blocks."""
    size = 500
    if kind == "randomstate":
        shared, serial = gf.random.RandomState(11), gf.random.RandomState(11)
        draw = lambda g: tuple(g.randn(size).tolist())  # noqa: E731 - includes the cached second normal
    elif kind == "integers":
        shared, serial = gf.random.default_rng(11), gf.random.default_rng(11)
        draw = lambda g: tuple(g.integers(0, 200, size, dtype="uint8").tolist())  # noqa: E731 - buffered bytes
    else:
        shared, serial = gf.random.default_rng(11), gf.random.default_rng(11)
        draw = lambda g: tuple(g.random(size).tolist())  # noqa: E731
    blocks = _concurrent_blocks(lambda: draw(shared))
    expected = [draw(serial) for _ in range(len(blocks))]
    assert sorted(blocks) == sorted(expected)
    assert len(set(blocks)) == len(blocks)


def test_spawned_generators_per_thread_are_reproducible():
    """The per-thread pattern: each thread its own child generator gives the same numbers however threads run."""
    def run():
        kids = gf.random.default_rng(21).spawn(4)
        out = [None] * 4

        def work(i):
            out[i] = kids[i].random(1000).tolist()
        ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return out
    first, second = run(), run()
    assert first == second
    assert len({tuple(x) for x in first}) == 4
    want = answer("random spawn children", lambda: [c.random(3).tolist() for c in np.random.default_rng(21).spawn(4)])
    assert [x[:3] for x in first] == want
