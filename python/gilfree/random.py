"""gf.random: NumPy's random API, the same numbers as NumPy 2.4 for the same seed.

    rng = gf.random.default_rng(42)
    rng.random(5); rng.integers(0, 10, size=3); rng.choice(10, 3, replace=False)

Generator over PCG64 (or PCG64DXSM, MT19937, Philox, SFC64) for new code; RandomState and the module-level functions
(seed, rand, randn, randint, ...) reproduce NumPy's legacy MT19937 stream. A generator shared by threads
serializes its draws (each call gets a complete block of the stream); see docs/thread-safety.md.
"""
from ._bitgen import SFC64, BitGenerator, MT19937, PCG64, PCG64DXSM, Philox
from ._generator import Generator, default_rng
from ._legacy_random import (RandomState, beta, binomial, bytes, chisquare, choice, exponential, f,  # noqa: A004
                             gamma, geometric, get_bit_generator, get_state, gumbel, laplace, logistic, lognormal,
                             noncentral_chisquare, noncentral_f, normal, pareto, permutation, poisson, power, rand,
                             randint, randn, random, random_sample, ranf, rayleigh, sample, seed, set_state, shuffle,
                             standard_cauchy, standard_exponential, standard_gamma, standard_normal, standard_t,
                             triangular, uniform, wald, weibull)
from ._seedseq import SeedSequence

__all__ = ["BitGenerator", "Generator", "MT19937", "PCG64", "PCG64DXSM", "Philox", "RandomState", "SFC64",
           "SeedSequence", "beta", "binomial", "bytes", "chisquare", "choice", "default_rng", "exponential", "f",
           "gamma", "geometric", "get_bit_generator", "get_state", "gumbel", "laplace", "logistic", "lognormal",
           "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation", "poisson", "power", "rand",
           "randint", "randn", "random", "random_sample", "ranf", "rayleigh", "sample", "seed", "set_state",
           "shuffle", "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal", "standard_t",
           "triangular", "uniform", "wald", "weibull"]
