"""gf.random's bit generators: PCG64, PCG64DXSM, MT19937, Philox and SFC64, their streams in the engine.

Each wraps an engine generator (`_g`) whose lock every draw holds for its whole block; `lock` is a Python
RLock for draws made of several engine calls (choice with p=, state get/set), so they too are one block.
"""
import operator
import threading

from ._bridge import Random as _R, call as _call
from ._base import wrap as _wrap
from ._creation import asarray
from ._seedseq import SeedSequence

_U64 = (1 << 64) - 1


def _signed64(v):
    """A 64-bit word as Java's long."""
    v &= _U64
    return v - (1 << 64) if v >> 63 else v


def _shape(size):
    return (operator.index(size),) if not isinstance(size, (tuple, list)) else tuple(operator.index(s) for s in size)


class BitGenerator:
    """Base class of the bit generators: seeding through a SeedSequence, spawning, raw draws."""

    def __init__(self, seed=None):
        if type(self) is BitGenerator:
            raise NotImplementedError("BitGenerator is a base class and cannot be instantized")
        self.lock = threading.RLock()
        if not isinstance(seed, SeedSequence):
            seed = SeedSequence(seed)
        self._seed_seq = seed

    @property
    def seed_seq(self):
        return self._seed_seq

    def spawn(self, n_children):
        if n_children < 0:
            raise ValueError("n_children must be non-negative")
        if not isinstance(self._seed_seq, SeedSequence):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(seed=s) for s in self._seed_seq.spawn(n_children)]

    def random_raw(self, size=None, output=True):
        """Raw 64-bit words of the stream (uint64)."""
        dims = [] if size is None else list(_shape(size))
        with self.lock:
            out = _wrap(_call(_R.raw, self._g, dims), tuple(dims))
        if not output:
            return None
        return out[()] if size is None else out

    def __repr__(self):
        return f"{type(self).__name__}"

    def _check_state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != type(self).__name__:
            raise ValueError(f"state must be for a {type(self).__name__} RNG")


class PCG64(BitGenerator):
    """O'Neill's PCG64 (XSL-RR output of a 128-bit LCG): NumPy's default bit generator, same stream."""
    _dxsm = False
    _JUMP = 0x9e3779b97f4a7c15f39cc0605cedc835

    def __init__(self, seed=None):
        super().__init__(seed)
        w = self._seed_seq._generate(4, "uint64")
        self._g = _call(_R.pcg64, self._dxsm, [_signed64(v) for v in w])

    @property
    def state(self):
        with self.lock:
            s = [int(v) & _U64 for v in _call(_R.pcg64State, self._g)]
        return {"bit_generator": type(self).__name__,
                "state": {"state": (s[0] << 64) | s[1], "inc": (s[2] << 64) | s[3]},
                "has_uint32": s[4], "uinteger": s[5]}

    @state.setter
    def state(self, value):
        self._check_state(value)
        st, inc = int(value["state"]["state"]), int(value["state"]["inc"])
        words = [st >> 64, st, inc >> 64, inc, int(value["has_uint32"]), int(value["uinteger"])]
        with self.lock:
            _call(_R.setPcg64State, self._g, [_signed64(v) for v in words])

    def advance(self, delta):
        """Moves the stream delta 64-bit words ahead (modulo 2**128); drops a buffered 32-bit half word."""
        delta = operator.index(delta) % (1 << 128)
        with self.lock:
            _call(_R.advance, self._g, _signed64(delta >> 64), _signed64(delta))
        return self

    def jumped(self, jumps=1):
        """A new generator whose stream starts jumps * 0x9e37...c835 words ahead of this one's."""
        g = type(self)(self._seed_seq)
        g.state = self.state
        g.advance(self._JUMP * int(jumps))
        return g


class PCG64DXSM(PCG64):
    """PCG64 with the DXSM output function and a 64-bit multiplier (NumPy's PCG64DXSM)."""
    _dxsm = True


class MT19937(BitGenerator):
    """The Mersenne Twister: seeded through a SeedSequence here (as NumPy's MT19937), or by RandomState's
    legacy rules (`_legacy_seeding`)."""

    def __init__(self, seed=None):
        super().__init__(seed)
        key = self._seed_seq._generate(624, "uint32")
        key[0] = 0x80000000
        self._g = _call(_R.mt19937, key, 623)

    def _legacy_seeding(self, seed):
        """RandomState(seed): an int in [0, 2**32) by Knuth's seeding, an array by init_by_array."""
        with self.lock:
            if seed is None:
                key = SeedSequence()._generate(624, "uint32")
                key[0] = 0x80000000
                _call(_R.setMt19937State, self._g, key, 624)
            else:
                if hasattr(seed, "squeeze"):
                    seed = seed.squeeze()
                try:
                    idx = operator.index(seed)
                except TypeError:
                    self._g = _call(_R.mt19937ByArray, _seed_words(seed))
                else:
                    if idx > 2 ** 32 - 1 or idx < 0:
                        raise ValueError("Seed must be between 0 and 2**32 - 1")
                    self._g = _call(_R.mt19937Seeded, idx)
            self._seed_seq = None

    @property
    def state(self):
        with self.lock:
            s = [int(v) for v in _call(_R.mt19937State, self._g)]
        return {"bit_generator": "MT19937", "state": {"key": asarray(s[:624], dtype="uint32"), "pos": s[624]}}

    @state.setter
    def state(self, value):
        if isinstance(value, (tuple, list)):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        self._check_state(value)
        key = value["state"]["key"]
        key = [int(v) for v in (key.tolist() if hasattr(key, "tolist") else key)]
        with self.lock:
            _call(_R.setMt19937State, self._g, key, operator.index(value["state"]["pos"]))


def _words(value, name, bits):
    """NumPy's int_to_array: an int in [0, 2**bits) or a sequence as 64-bit words, low word first."""
    n = bits // 64
    if isinstance(value, (list, tuple)) or getattr(value, "ndim", 0):
        vals = [int(v) & _U64 for v in (value.tolist() if hasattr(value, "tolist") else value)]
        if len(vals) != n:
            raise ValueError(f"{name} must have {n} elements when using array form")
        return vals
    value = operator.index(value)
    if value < 0 or value >= 1 << bits:
        raise ValueError(f"{name} must be positive and less than 2**{bits}.")
    return [(value >> (64 * i)) & _U64 for i in range(n)]


class Philox(BitGenerator):
    """Philox4x64-10, NumPy's counter-based bit generator: a 256-bit counter encrypted under a 128-bit key."""

    def __init__(self, seed=None, counter=None, key=None):
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot be both used")
        super().__init__(seed)
        if key is not None:
            words = _words(key, "key", 128)
            self._seed_seq = None
        else:
            words = [int(v) for v in self._seed_seq._generate(2, "uint64")]
        ctr = _words(0 if counter is None else counter, "counter", 256)
        self._g = _call(_R.philox, [_signed64(v) for v in words], [_signed64(v) for v in ctr])

    @property
    def state(self):
        with self.lock:
            s = [int(v) & _U64 for v in _call(_R.philoxState, self._g)]
        return {"bit_generator": "Philox",
                "state": {"counter": asarray(s[0:4], dtype="uint64"), "key": asarray(s[4:6], dtype="uint64")},
                "buffer": asarray(s[6:10], dtype="uint64"), "buffer_pos": s[10], "has_uint32": s[11], "uinteger": s[12]}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != "Philox":
            raise ValueError("state must be for a Philox PRNG")
        st = value["state"]
        words = [*_seq(st["counter"]), *_seq(st["key"]), *_seq(value["buffer"]), int(value["buffer_pos"]),
                 int(value["has_uint32"]), int(value["uinteger"])]
        with self.lock:
            _call(_R.setPhiloxState, self._g, [_signed64(v) for v in words])

    def advance(self, delta):
        """Moves the counter delta blocks ahead (modulo 2**256); drops the buffered words."""
        step = _words(operator.index(delta) % (1 << 256), "step", 256)
        with self.lock:
            _call(_R.philoxAdvance, self._g, [_signed64(v) for v in step])
        return self

    def jumped(self, jumps=1):
        """A new generator whose counter is jumps * 2**128 blocks ahead of this one's."""
        g = type(self)()
        g.state = self.state
        g.advance(int(jumps) * (1 << 128))
        return g


class SFC64(BitGenerator):
    """Chris Doty-Humphrey's Small Fast Chaotic generator, NumPy's SFC64."""

    def __init__(self, seed=None):
        super().__init__(seed)
        self._g = _call(_R.sfc64, [_signed64(int(v)) for v in self._seed_seq._generate(3, "uint64")])

    @property
    def state(self):
        with self.lock:
            s = [int(v) & _U64 for v in _call(_R.sfc64State, self._g)]
        return {"bit_generator": "SFC64", "state": {"state": asarray(s[:4], dtype="uint64")},
                "has_uint32": s[4], "uinteger": s[5]}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator", "") != "SFC64":
            raise ValueError("state must be for a {self.__class__.__name__} RNG")  # NumPy's message, braces and all
        words = [*_seq(value["state"]["state"]), int(value["has_uint32"]), int(value["uinteger"])]
        with self.lock:
            _call(_R.setSfc64State, self._g, [_signed64(v) for v in words])


def _seq(x):
    return [int(v) for v in (x.tolist() if hasattr(x, "tolist") else x)]


def _seed_words(seed):
    """A legacy array seed as 32-bit words (NumPy's checks and messages)."""
    vals = seed.tolist() if hasattr(seed, "tolist") else list(seed) if hasattr(seed, "__len__") else None
    if vals is None:
        raise TypeError(f"Cannot cast seed {seed!r} to an integer array")
    if len(vals) == 0:
        raise ValueError("Seed must be non-empty")
    if any(isinstance(v, (list, tuple)) for v in vals):
        raise ValueError("Seed array must be 1-d")
    try:
        vals = [operator.index(v) for v in vals]
    except TypeError:
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'") from None
    if any(v > 2 ** 32 - 1 or v < 0 for v in vals):
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    return vals


def bit_stream(bitgen):
    """The engine generator of a bit generator (for the Generator and RandomState draws)."""
    return bitgen._g

