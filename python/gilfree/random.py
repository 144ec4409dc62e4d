"""gf.random: NumPy's random API, the same numbers as NumPy 2.4 for the same seed.

    rng = gf.random.default_rng(42)
    rng.random(5); rng.integers(0, 10, size=3); rng.choice(10, 3, replace=False)

Generator over PCG64 (or PCG64DXSM, MT19937) for new code; RandomState and the module-level functions
(seed, rand, randn, randint, ...) reproduce NumPy's legacy MT19937 stream. A generator shared by threads
serializes its draws (each call gets a complete block of the stream); see docs/thread-safety.md.
"""
from ._bitgen import BitGenerator, MT19937, PCG64, PCG64DXSM
from ._generator import Generator, default_rng
from ._legacy_random import (RandomState, binomial, bytes, choice, get_bit_generator, get_state,  # noqa: A004
                             normal, permutation, poisson, rand, randint, randn, random, random_sample, ranf, sample,
                             seed, set_state, shuffle, standard_normal, uniform)
from ._seedseq import SeedSequence

__all__ = ["BitGenerator", "Generator", "MT19937", "PCG64", "PCG64DXSM", "RandomState", "SeedSequence", "binomial",
           "bytes", "choice", "default_rng", "get_bit_generator", "get_state", "normal", "permutation", "poisson",
           "rand", "randint", "randn", "random", "random_sample", "ranf", "sample", "seed", "set_state", "shuffle",
           "standard_normal", "uniform"]
