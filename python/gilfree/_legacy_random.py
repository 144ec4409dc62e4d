"""gf.random.RandomState and the module-level legacy functions (np.random.rand, seed, ...): NumPy's
legacy stream over MT19937, bit-identical for the same seed (masked integers, polar-method normals with
the cached second value)."""
import builtins
import operator

from ._base import ArrayBase
from ._bitgen import MT19937, BitGenerator
from ._bridge import Random as _R, call as _call
from ._creation import arange, asarray, empty
from ._dtypes import dtype as _dtype
from ._generator import (_INT_RANGES, _NON_NEGATIVE, _Distributions, _affine, _binomial, _bounded, _choice_weighted,
                         _cont, _filled, _permutation, _poisson, _probabilities, _prod, _scalar_or_array, _shape,
                         _shuffle, _size, _with_replacement)
from ._manipulation import take
from ._ufuncs import isfinite


class RandomState(_Distributions):
    """NumPy's legacy RandomState: MT19937 seeded by an int in [0, 2**32) or an array of them (or any bit
    generator), with NumPy's legacy algorithms."""
    _prefix = "legacy_"

    def __init__(self, seed=None):
        if seed is None:
            bitgen = MT19937()
        elif not isinstance(seed, BitGenerator):
            bitgen = MT19937()
            bitgen._legacy_seeding(seed)
        else:
            bitgen = seed
        self._bit_generator = bitgen
        self._g = bitgen._g
        _call(_R.setGaussState, self._g, False, 0.0)

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __str__(self):
        return f"RandomState({type(self._bit_generator).__name__})"

    def seed(self, seed=None):
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        with self._bit_generator.lock:
            self._bit_generator._legacy_seeding(seed)
            self._g = self._bit_generator._g
            _call(_R.setGaussState, self._g, False, 0.0)

    def get_state(self, legacy=True):
        with self._bit_generator.lock:
            st = self._bit_generator.state
            has, gauss = _call(_R.gaussState, self._g)
        st["has_gauss"], st["gauss"] = int(has), float(gauss)
        if legacy:
            if not isinstance(self._bit_generator, MT19937):
                raise ValueError("legacy can only be True when the underlying bitgenerator is an instance of MT19937.")
            return ("MT19937", st["state"]["key"], st["state"]["pos"], st["has_gauss"], st["gauss"])
        return st

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"], st["gauss"] = state[3], state[4]
        with self._bit_generator.lock:
            self._bit_generator.state = st
            _call(_R.setGaussState, self._g, builtins.bool(st.get("has_gauss", 0)), float(st.get("gauss", 0.0)))

    # ------------------------------------------------------------------ floats

    def random_sample(self, size=None):
        return _filled("uniform", self._g, _size(size), "float64")

    def random(self, size=None):
        return self.random_sample(size=size)

    def rand(self, *args):
        return self.random_sample() if not args else self.random_sample(size=args)

    def standard_normal(self, size=None):
        return _filled("legacyGauss", self._g, _size(size), "float64")

    def randn(self, *args):
        return self.standard_normal() if not args else self.standard_normal(size=args)

    def normal(self, loc=0.0, scale=1.0, size=None):
        s, sc = _scalar_or_array(scale)
        if (sc < 0) if s else builtins.bool((sc < 0).any()):
            raise ValueError("scale < 0")
        return _affine(self.standard_normal, _size(size), loc, scale)

    def uniform(self, low=0.0, high=1.0, size=None):
        s_low, lo = _scalar_or_array(low)
        s_high, hi = _scalar_or_array(high)
        if s_low and s_high:
            rng = float(hi) - float(lo)
            if rng != rng or rng in (float("inf"), float("-inf")):
                raise OverflowError("Range exceeds valid bounds")
            return _affine(self.random_sample, _size(size), float(lo), rng)
        rng = asarray(hi, dtype="float64") - asarray(lo, dtype="float64")
        if not builtins.bool(isfinite(rng).all()):
            raise OverflowError("Range exceeds valid bounds")
        return _affine(self.random_sample, _size(size), asarray(lo, dtype="float64"), rng)

    def standard_exponential(self, size=None):
        return _cont(self._g, "legacy_standard_exponential", size)

    def exponential(self, scale=1.0, size=None):
        return _cont(self._g, "legacy_exponential", size, (scale, "scale", _NON_NEGATIVE))

    def standard_gamma(self, shape, size=None):
        return _cont(self._g, "legacy_standard_gamma", size, (shape, "shape", _NON_NEGATIVE))

    def gamma(self, shape, scale=1.0, size=None):
        return _cont(self._g, "legacy_gamma", size, (shape, "shape", _NON_NEGATIVE), (scale, "scale", _NON_NEGATIVE))

    # ------------------------------------------------------------------ integers

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            high, low = low, 0
        name = "int64" if dtype is int else _dtype(dtype).name
        if name not in _INT_RANGES:
            raise TypeError(f"Unsupported dtype {_dtype(dtype)!r} for randint")
        r = _bounded(self._g, low, high, _size(size), name, False, masked=True)
        if size is None and (dtype is int or dtype is builtins.bool) and not isinstance(r, ArrayBase):
            return dtype(r)
        return r

    def bytes(self, length):
        n = (length - 1) // 4 + 1
        words = self.randint(0, 4294967296, size=n, dtype="uint32").tolist()
        return b"".join(int(w).to_bytes(4, "little") for w in words)[:length]

    def poisson(self, lam=1.0, size=None):
        return _poisson(self._g, lam, _size(size), _LEGACY_POISSON_LAM_MAX)

    def binomial(self, n, p, size=None):
        return _binomial(self._g, n, p, _size(size), True)

    # ------------------------------------------------------------------ choice, shuffles

    def choice(self, a, size=None, replace=True, p=None):
        a = asarray(a)
        if a.ndim == 0:
            try:
                pop = operator.index(a.item())
            except TypeError:
                raise ValueError("a must be 1-dimensional or an integer") from None
            if pop <= 0 and _prod(size) != 0:
                raise ValueError("a must be greater than 0 unless no samples are taken")
        elif a.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        else:
            pop = a.shape[0]
            if pop == 0 and _prod(size) != 0:
                raise ValueError("'a' cannot be empty unless no samples are taken")
        if p is not None:
            p = _probabilities(p, pop, legacy=True)
        shape = () if size is None else _shape(size)
        n = _prod(shape)
        if replace:
            idx = _with_replacement(p, self.random_sample, lambda s: self.randint(0, pop, size=s), shape)
        else:
            if n > pop:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            if n < 0:
                raise ValueError("Negative dimensions are not allowed")
            if p is not None:
                idx = _choice_weighted(self.random_sample, p, n, shape, "Fewer non-zero entries in p than size")
            else:
                idx = self.permutation(pop)[:n].reshape(shape)
        if size is None and isinstance(idx, ArrayBase):
            idx = idx.item(0)
        if a.ndim == 0:
            return idx
        if size is not None and idx.ndim == 0:
            res = empty((), dtype=a.dtype)
            res[()] = a[idx]
            return res
        return a[idx]

    def shuffle(self, x):
        _shuffle(self._g, x, legacy=True)

    def permutation(self, x):
        if isinstance(x, int) or getattr(getattr(x, "dtype", None), "kind", "") in ("i", "u") and getattr(x, "ndim", 1) == 0:
            arr = arange(operator.index(x), dtype="int64")
            self.shuffle(arr)
            return arr
        arr = asarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        return take(arr, _permutation(self._g, arr.shape[0]), axis=0)


#: NumPy's legacy bound: C long max less 10 standard deviations (long is 64-bit on the platforms gilfree runs on)
_LEGACY_POISSON_LAM_MAX = float(2 ** 63 - 1) - (2 ** 63 - 1) ** 0.5 * 10

_rand = RandomState()


def seed(seed=None):
    """Re-seeds the module's global RandomState (NumPy's legacy np.random.seed)."""
    _rand.seed(seed)


def get_state(legacy=True):
    return _rand.get_state(legacy)


def set_state(state):
    _rand.set_state(state)


def rand(*args):
    return _rand.rand(*args)


def randn(*args):
    return _rand.randn(*args)


def randint(low, high=None, size=None, dtype=int):
    return _rand.randint(low, high, size, dtype)


def random(size=None):
    return _rand.random_sample(size)


def random_sample(size=None):
    return _rand.random_sample(size)


def ranf(*args, **kwargs):
    return _rand.random_sample(*args, **kwargs)


def sample(*args, **kwargs):
    return _rand.random_sample(*args, **kwargs)


def choice(a, size=None, replace=True, p=None):
    return _rand.choice(a, size, replace, p)


def shuffle(x):
    _rand.shuffle(x)


def permutation(x):
    return _rand.permutation(x)


def normal(loc=0.0, scale=1.0, size=None):
    return _rand.normal(loc, scale, size)


def standard_normal(size=None):
    return _rand.standard_normal(size)


def uniform(low=0.0, high=1.0, size=None):
    return _rand.uniform(low, high, size)


def bytes(length):  # noqa: A001 - NumPy's name
    return _rand.bytes(length)


def binomial(n, p, size=None):
    return _rand.binomial(n, p, size)


def poisson(lam=1.0, size=None):
    return _rand.poisson(lam, size)


def standard_exponential(size=None):
    return _rand.standard_exponential(size)


def exponential(scale=1.0, size=None):
    return _rand.exponential(scale, size)


def standard_gamma(shape, size=None):
    return _rand.standard_gamma(shape, size)


def gamma(shape, scale=1.0, size=None):
    return _rand.gamma(shape, scale, size)


def chisquare(df, size=None):
    return _rand.chisquare(df, size)


def beta(a, b, size=None):
    return _rand.beta(a, b, size)


def f(dfnum, dfden, size=None):
    return _rand.f(dfnum, dfden, size)


def standard_t(df, size=None):
    return _rand.standard_t(df, size)


def standard_cauchy(size=None):
    return _rand.standard_cauchy(size)


def wald(mean, scale, size=None):
    return _rand.wald(mean, scale, size)


def rayleigh(scale=1.0, size=None):
    return _rand.rayleigh(scale, size)


def pareto(a, size=None):
    return _rand.pareto(a, size)


def weibull(a, size=None):
    return _rand.weibull(a, size)


def power(a, size=None):
    return _rand.power(a, size)


def laplace(loc=0.0, scale=1.0, size=None):
    return _rand.laplace(loc, scale, size)


def gumbel(loc=0.0, scale=1.0, size=None):
    return _rand.gumbel(loc, scale, size)


def logistic(loc=0.0, scale=1.0, size=None):
    return _rand.logistic(loc, scale, size)


def lognormal(mean=0.0, sigma=1.0, size=None):
    return _rand.lognormal(mean, sigma, size)


def noncentral_chisquare(df, nonc, size=None):
    return _rand.noncentral_chisquare(df, nonc, size)


def noncentral_f(dfnum, dfden, nonc, size=None):
    return _rand.noncentral_f(dfnum, dfden, nonc, size)


def geometric(p, size=None):
    return _rand.geometric(p, size)


def triangular(left, mode, right, size=None):
    return _rand.triangular(left, mode, right, size)


def get_bit_generator():
    return _rand._bit_generator
