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
    "philox": lambda xp: [xp.random.Philox(5).state, xp.random.Generator(xp.random.Philox(5)).random(5),
                          xp.random.Philox(5).random_raw(6), xp.random.Philox(key=7).random_raw(3),
                          xp.random.Philox(counter=2 ** 200 - 1, key=[1, 2]).random_raw(5),
                          xp.random.Philox(5).advance(10 ** 40).state, xp.random.Philox(5).jumped(2).state,
                          xp.random.Generator(xp.random.Philox(3)).integers(0, 10, 7, dtype="uint8"),
                          xp.random.Generator(xp.random.Philox(3)).standard_normal(300)[::7]],
    "philox state roundtrip": lambda xp: [(p := xp.random.Philox(9)).random_raw(3), st := p.state, p.random_raw(2),
                                          setattr(p, "state", st), p.random_raw(2), p.state],
    "philox seed and key": lambda xp: xp.random.Philox(1, key=2),
    "philox bad key": lambda xp: xp.random.Philox(key=2 ** 128),
    "philox bad state": lambda xp: setattr(xp.random.Philox(1), "state", {"bit_generator": "PCG64"}),
    "sfc64": lambda xp: [xp.random.SFC64(5).state, xp.random.Generator(xp.random.SFC64(5)).random(5),
                         xp.random.SFC64(5).random_raw(4), xp.random.SFC64([1, 2]).state,
                         xp.random.Generator(xp.random.SFC64(1)).standard_normal(7, dtype="float32"),
                         [b.random_raw(1) for b in xp.random.SFC64(4).spawn(2)]],
    "sfc64 state roundtrip": lambda xp: [(q := xp.random.SFC64(9)).random_raw(3), st := q.state,
                                         xp.random.Generator(q).random(1, dtype="float32"), q.state,
                                         setattr(q, "state", st), q.random_raw(2)],
    "sfc64 bad state": lambda xp: setattr(xp.random.SFC64(1), "state", {"bit_generator": "PCG64"}),
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
    # Generator: normals (NumPy's ziggurat) and gammas (Marsaglia-Tsang over it)
    "standard_normal": lambda xp: [_rng(xp).standard_normal(1000), _rng(xp).standard_normal(),
                                   _rng(xp).standard_normal((2, 3)), _rng(xp).standard_normal(size=())],
    "standard_normal float32": lambda xp: [_rng(xp).standard_normal(1000, dtype="float32"),
                                           _rng(xp).standard_normal(dtype="float32")],
    "standard_normal out": lambda xp: [_rng(xp).standard_normal(out=xp.empty((3, 4))),
                                       _rng(xp).standard_normal(out=xp.empty(5, dtype="float32")),
                                       _rng(xp).standard_normal(size=(2, 2), out=xp.empty((2, 2)))],
    "standard_normal out mismatch": lambda xp: _rng(xp).standard_normal(size=3, out=xp.empty(4)),
    "standard_normal out dtype": lambda xp: _rng(xp).standard_normal(out=xp.empty(4, dtype="float32")),
    "standard_normal bad dtype": lambda xp: _rng(xp).standard_normal(3, dtype="int64"),
    "normal": lambda xp: [_rng(xp).normal(2, 3, 5), _rng(xp).normal(), _rng(xp).normal([0, 10], [1, 2]),
                          _rng(xp).normal(0, [[1], [2]], (2, 3)), _rng(xp).normal(size=4), _rng(xp).normal(-1.5, 0.0, 2),
                          _rng(xp).normal(xp.arange(3.0), 2.0)],
    "normal negative scale": lambda xp: _rng(xp).normal(0, -1),
    "normal negative zero scale": lambda xp: _rng(xp).normal(0, [1.0, -0.0]),
    "normal shape mismatch": lambda xp: _rng(xp).normal([1, 2, 3], 1, size=(2,)),
    "standard_gamma": lambda xp: [_rng(xp).standard_gamma(s, 200) for s in (1.0, 2.5, 40.0)]
    + [_rng(xp).standard_gamma(0.0, 3), _rng(xp).standard_gamma(3.0), _rng(xp).standard_gamma([1.3, 1, 4]),
       _rng(xp).standard_gamma([[1.5], [7.0]], size=(2, 3))],
    "standard_gamma float32": lambda xp: [_rng(xp).standard_gamma(s, 200, dtype="float32") for s in (1.0, 2.5)]
    + [_rng(xp).standard_gamma(2.0, out=xp.empty(4, dtype="float32"))],
    "standard_gamma out": lambda xp: [_rng(xp).standard_gamma(1.7, out=xp.empty((2, 3))),
                                      _rng(xp).standard_gamma([1.5, 3.0], out=xp.empty((2, 2)))],
    "standard_gamma negative": lambda xp: _rng(xp).standard_gamma(-0.5),
    "gamma": lambda xp: [_rng(xp).gamma(2, 3, 10), _rng(xp).gamma(1.7), _rng(xp).gamma([1, 2], [3, 4]),
                         _rng(xp).gamma(1.2, size=(2, 2)), _rng(xp).gamma(5.0, [[1.0], [0.5]])],
    "gamma negative scale": lambda xp: _rng(xp).gamma(1.0, -2.0),
    "chisquare": lambda xp: [_rng(xp).chisquare(3, 100), _rng(xp).chisquare([2, 5]), _rng(xp).chisquare(2.5),
                             _rng(xp).chisquare(4.5, (2, 2))],
    "chisquare zero": lambda xp: _rng(xp).chisquare(0),
    "bulk normal": lambda xp: [_rng(xp, s).standard_normal(200_003)[::997] for s in (0, 1, 2 ** 70)]
    + [_rng(xp, s).standard_normal(200_003, dtype="float32")[::997] for s in (0, 1)]
    + [xp.random.Generator(xp.random.MT19937(4)).standard_normal(50_000)[::499],
       xp.random.Generator(xp.random.PCG64DXSM(4)).standard_normal(50_000, dtype="float32")[::499]],
    "bulk normal tails": lambda xp: (z := _rng(xp, 8).standard_normal(400_000))[abs(z) > 3.5],
    "bulk gamma": lambda xp: [_rng(xp, s).standard_gamma(k, 50_000)[::497] for s in (0, 5) for k in (1.7, 9.0)]
    + [_rng(xp, 2).standard_gamma(4.0, 50_000, dtype="float32")[::497]],
    "beta": lambda xp: [_rng(xp).beta(2, 3, 50), _rng(xp).beta(1.5, 7.0), _rng(xp).beta([1.5, 4], 2.5),
                        _rng(xp).beta(3.0, [[1.0], [9.0]], (2, 2))],
    "beta bad": lambda xp: _rng(xp).beta(0, 1),
    "f": lambda xp: [_rng(xp).f(3, 7, 50), _rng(xp).f(2.0, 30.0), _rng(xp).f([4, 8], [6, 2])],
    "f bad": lambda xp: _rng(xp).f(3, [1.0, -2.0]),
    "standard_t": lambda xp: [_rng(xp).standard_t(4, 50), _rng(xp).standard_t(2.5), _rng(xp).standard_t([3, 30], (3, 2))],
    "standard_t bad": lambda xp: _rng(xp).standard_t(0),
    "standard_cauchy": lambda xp: [_rng(xp).standard_cauchy(50), _rng(xp).standard_cauchy()],
    "wald": lambda xp: [_rng(xp).wald(1, 2, 50), _rng(xp).wald(3.0, 0.5), _rng(xp).wald([1, 2], [[1], [4]])],
    "wald bad": lambda xp: _rng(xp).wald(1, 0),
    "rayleigh": lambda xp: [_rng(xp).rayleigh(2, 50), _rng(xp).rayleigh(), _rng(xp).rayleigh([1, 3])],
    "rayleigh bad": lambda xp: _rng(xp).rayleigh(-1),
    "triangular": lambda xp: [_rng(xp).triangular(-1, 0.5, 3, 50), _rng(xp).triangular(0, 0, 1),
                              _rng(xp).triangular([0, 1], 2, [[3], [4]])],
    "triangular bad": lambda xp: [_rng(xp).triangular(2, 1, 3)],
    "triangular bad arrays": lambda xp: [_rng(xp).triangular([0, 1], 1, [2, 1])],
    "geometric": lambda xp: [_rng(xp).geometric(0.5, 50), _rng(xp).geometric(0.01, 200), _rng(xp).geometric(0.2),
                             _rng(xp).geometric([0.9, 1e-9, 1.0])],
    "geometric bad": lambda xp: _rng(xp).geometric([0.5, 0.0]),
    "dirichlet": lambda xp: [_rng(xp).dirichlet([1.5, 2.0, 3.5], 20), _rng(xp).dirichlet([2.0, 1.0]),
                             _rng(xp).dirichlet([1.0, 4.0], (2, 2)), _rng(xp).dirichlet([1.0, 0.0, 2.0], 2),
                             _rng(xp).dirichlet([0.0, 0.0], 2), _rng(xp).dirichlet([], 2)],
    "dirichlet negative": lambda xp: _rng(xp).dirichlet([1.0, -1.0]),
    "randomstate distribution errors": lambda xp: [_run(c, xp) for c in (
        lambda m: m.random.RandomState(1).standard_gamma(-1), lambda m: m.random.RandomState(1).beta(0, 1),
        lambda m: m.random.RandomState(1).wald(1, -1), lambda m: m.random.RandomState(1).exponential(-1),
        lambda m: m.random.RandomState(1).triangular(3, 1, 2), lambda m: m.random.RandomState(1).chisquare(0))],
    "noncentral": lambda xp: [_rng(xp).noncentral_chisquare(3, 2, 30), _rng(xp).noncentral_chisquare(4, 0.0, 3),
                              _rng(xp).noncentral_f(3, 5, 1.5, 30), _rng(xp).noncentral_chisquare([2, 6], [1, 3])],
    "noncentral bad": lambda xp: _rng(xp).noncentral_f(3, 5, -1),
    "weibull bad": lambda xp: _rng(xp).weibull(-0.0),
    "pareto bad": lambda xp: _rng(xp).pareto(0),
    "laplace bad": lambda xp: _rng(xp).laplace(0, [-1.0]),
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


#: draws whose value comes out of log, exp or pow: the JVM's functions and the C library's may round a result
#: differently in the last bit, so these agree with NumPy to a few ulps (same shapes, dtypes, stream positions)
LIBM_CASES = {
    "gamma small shape": lambda xp: [(r := _rng(xp)).standard_gamma(0.05, 300), r.standard_gamma(0.5, 300),
                                     r.standard_gamma(0.3, 300, dtype="float32"), r.random(2)],
    "beta small": lambda xp: [(r := _rng(xp)).beta(0.5, 0.5, 300), r.beta(0.3, 2.0, 100), r.random(2)],
    "chisquare small df": lambda xp: [(r := _rng(xp)).chisquare(1.0, 300), r.chisquare([0.5, 1.0]), r.random(2)],
    "dirichlet small alpha": lambda xp: [(r := _rng(xp)).dirichlet([0.05, 0.02, 0.08], 50), r.random(2)],
    "randomstate distributions": lambda xp: [
        (rs := xp.random.RandomState(6)).standard_exponential(5), rs.exponential(2, 5), rs.standard_gamma(2.5, 50),
        rs.standard_gamma(0.4, 20), rs.gamma(3, 2, 20), rs.gamma([1.0, 2.0], 0.5), rs.chisquare(4, 10),
        rs.beta(2, 3, 10), rs.beta(0.5, 0.4, 10), rs.f(3, 7, 5), rs.standard_t(4, 5), rs.standard_cauchy(5),
        rs.wald(1, 2, 5), rs.rayleigh(2, 5), rs.triangular(0, 1, 3, 5), rs.lognormal(1, 0.5, 5), rs.pareto(2, 5),
        rs.weibull(1.5, 5), rs.power(2, 5), rs.laplace(size=3), rs.gumbel(size=3), rs.logistic(size=3),
        rs.standard_gamma(1.0), rs.randn(2)],
    "module distributions": lambda xp: [
        xp.random.seed(12), xp.random.standard_exponential(3), xp.random.exponential(size=2),
        xp.random.standard_gamma(3.0, 2), xp.random.gamma(2.0, 3.0, 2), xp.random.chisquare(3, 2),
        xp.random.beta(2, 2, 2), xp.random.f(2, 3, 2), xp.random.standard_t(3, 2), xp.random.standard_cauchy(2),
        xp.random.wald(1, 1, 2), xp.random.rayleigh(1, 2), xp.random.pareto(1, 2), xp.random.weibull(1, 2),
        xp.random.power(1, 2), xp.random.laplace(0, 1, 2), xp.random.gumbel(0, 1, 2), xp.random.logistic(0, 1, 2),
        xp.random.lognormal(0, 1, 2), xp.random.triangular(0, 1, 2, 2), xp.random.rand()],
    "float32 normal tails": lambda xp: [(w := (r := _rng(xp, 8)).standard_normal(400_000, dtype="float32"))[abs(w) > 3.5],
                                        r.random(2)],
    "noncentral small df": lambda xp: [(r := _rng(xp)).noncentral_chisquare(0.5, 2, 50), r.random(2)],
    "legacy geometric and noncentral": lambda xp: [(rs := xp.random.RandomState(3)).geometric(0.5, 20),
                                                   rs.geometric(0.05, 20), rs.geometric([0.9, 0.01]),
                                                   rs.noncentral_chisquare(3, 2, 10), rs.noncentral_chisquare(0.5, 2, 10),
                                                   rs.noncentral_f(3, 5, 1.5, 10), rs.rand(2)],
    "log based": lambda xp: [(r := _rng(xp)).laplace(1, 2, 300), r.gumbel(1, 2, 300), r.logistic(1, 2, 300),
                             r.lognormal(0.5, 1.5, 300), r.pareto(3, 300), r.weibull(1.5, 300), r.power(2.5, 300),
                             r.laplace(), r.weibull(0.0, 2), r.gumbel([0, 1], [1, 2]), r.random(2)],
}


def _close(got, want):
    """Equal structure and non-float leaves; floats within a few ulps of NumPy's (1e-13 of max(1, |value|),
    1e-6 for float32: enough for a last-bit difference that a cancellation like gumbel's loc - scale * log
    magnifies, far too little for a different draw)."""
    if isinstance(want, dict):
        if "dtype" in want and "values" in want:
            tol = 1e-6 if want["dtype"] == "float32" else 1e-13
            return (got.get("dtype"), got.get("shape")) == (want["dtype"], want["shape"]) and \
                _close_values(got["values"], want["values"], tol)
        return isinstance(got, dict) and got.keys() == want.keys() and all(_close(got[k], want[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_close(g, w) for g, w in zip(got, want))
    if isinstance(want, float):
        return _close_values(got, want, 1e-13)
    return got == want


def _close_values(got, want, tol):
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_close_values(g, w, tol) for g, w in zip(got, want))
    if isinstance(want, float) and isinstance(got, float):
        return got == want or abs(got - want) <= tol * max(1.0, abs(want))
    return got == want


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.thread_unsafe(reason="the global RandomState"))
                                  if n == "module distributions" else n for n in sorted(LIBM_CASES)])
def test_libm_based_draws_match_numpy_to_the_last_bits(name):
    want = answer(f"random libm {name}", lambda: _run(LIBM_CASES[name], np))
    got = _run(LIBM_CASES[name], gf)
    assert _close(got, want), f"{name}: gilfree {str(got)[:400]} != numpy {str(want)[:400]}"


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
