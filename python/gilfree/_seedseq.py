"""gf.random.SeedSequence: NumPy's entropy mixer (same pool, same generated words for the same entropy).

Pure Python: it hashes a handful of 32-bit words once per generator, so it never needs the engine.
"""
import operator
import re
import secrets

from ._creation import asarray

_MASK = 0xFFFFFFFF
_POOL_SIZE = 4
_INIT_A, _MULT_A = 0x43b0d7e5, 0x931e8875
_INIT_B, _MULT_B = 0x8b51f9dd, 0x58f38ded
_MIX_L, _MIX_R = 0xca01f9dd, 0x4973f715
_DECIMAL = re.compile(r"^\s*[0-9]+\s*$")


def _int_words(n):
    """A non-negative integer as 32-bit words, lowest first ([0] for 0)."""
    if n < 0:
        raise ValueError("expected non-negative integer")
    words = [] if n else [0]
    while n > 0:
        words.append(n & _MASK)
        n >>= 32
    return words


def _words(x):
    """NumPy's _coerce_to_uint32_array: an int, decimal/hex string, or flat sequence of them, as 32-bit words."""
    if isinstance(x, str):
        if x.startswith("0x"):
            x = int(x, base=16)
        elif _DECIMAL.match(x):
            x = int(x)
        else:
            raise ValueError("unrecognized seed string")
    if isinstance(x, float) or getattr(getattr(x, "dtype", None), "kind", "i") in ("f", "c") and not hasattr(x, "__len__"):
        raise TypeError("seed must be integer")
    if not hasattr(x, "__len__"):
        return _int_words(operator.index(x))
    if getattr(x, "dtype", None) is not None and str(x.dtype) == "uint32":
        return [int(v) for v in x.tolist()]
    out = []
    for v in (x.tolist() if hasattr(x, "tolist") else x):
        if hasattr(v, "__len__") and not isinstance(v, str):
            raise TypeError("SeedSequence does not accept nested sequences.")
        out += _words(v)
    return out


def _hashmix(value, hc):
    """One hashmix step; hc is a one-element list holding the running multiplier."""
    value ^= hc[0]
    hc[0] = (hc[0] * _MULT_A) & _MASK
    value = (value * hc[0]) & _MASK
    return value ^ (value >> 16)


def _mix(x, y):
    r = (_MIX_L * x - _MIX_R * y) & _MASK
    return r ^ (r >> 16)


class SeedSequence:
    """Mixes entropy (an int or a sequence of ints, random if None) and a spawn key into a pool of 32-bit
    words, from which `generate_state` draws seeds for bit generators; `spawn` makes independent children."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=_POOL_SIZE, n_children_spawned=0):
        if pool_size < _POOL_SIZE:
            raise ValueError(f"The size of the entropy pool should be at least {_POOL_SIZE}")
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not (isinstance(entropy, (int, list, tuple, range)) or hasattr(entropy, "__index__")
                  or hasattr(entropy, "dtype")):
            raise TypeError(f"SeedSequence expects int or sequence of ints for entropy not {entropy}")
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        self._pool = self._mix_entropy(self._assembled())

    @property
    def pool(self):
        return asarray(self._pool, dtype="uint32")

    def _assembled(self):
        run = _words(self.entropy)
        spawn = _words(self.spawn_key)
        if spawn and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))  # keeps spawn keys from aliasing short entropy (NumPy 1.19)
        return run + spawn

    def _mix_entropy(self, entropy):
        hc = [_INIT_A]
        n = self.pool_size
        pool = [_hashmix(entropy[i] if i < len(entropy) else 0, hc) for i in range(n)]
        for src in range(n):
            for dst in range(n):
                if src != dst:
                    pool[dst] = _mix(pool[dst], _hashmix(pool[src], hc))
        for src in range(n, len(entropy)):
            for dst in range(n):
                pool[dst] = _mix(pool[dst], _hashmix(entropy[src], hc))
        return pool

    def _words(self, n_words):
        """n_words 32-bit words of state, as Python ints."""
        hc = _INIT_B
        out = []
        for i in range(n_words):
            v = self._pool[i % self.pool_size] ^ hc
            hc = (hc * _MULT_B) & _MASK
            v = (v * hc) & _MASK
            out.append(v ^ (v >> 16))
        return out

    def _generate(self, n_words, dtype="uint32"):
        """generate_state as Python ints: uint32 words, or uint64 words made of little-endian word pairs."""
        name = _dtype_name(dtype)
        if name == "uint32":
            return self._words(n_words)
        if name == "uint64":
            w = self._words(2 * n_words)
            return [w[2 * i] | (w[2 * i + 1] << 32) for i in range(n_words)]
        raise ValueError("only support uint32 or uint64")

    def generate_state(self, n_words, dtype="uint32"):
        """n_words words (uint32, or uint64 from pairs of them) for seeding a bit generator."""
        return asarray(self._generate(n_words, dtype), dtype=_dtype_name(dtype))

    @property
    def state(self):
        return {k: getattr(self, k) for k in ("entropy", "spawn_key", "pool_size", "n_children_spawned")
                if getattr(self, k) is not None}

    def spawn(self, n_children):
        if n_children < 0:
            raise ValueError("n_children must be non-negative")
        kids = [type(self)(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size)
                for i in range(self.n_children_spawned, self.n_children_spawned + n_children)]
        self.n_children_spawned += n_children
        return kids

    def __repr__(self):
        lines = [f"{type(self).__name__}(", f"    entropy={self.entropy!r},"]
        if self.spawn_key:
            lines.append(f"    spawn_key={self.spawn_key!r},")
        if self.pool_size != _POOL_SIZE:
            lines.append(f"    pool_size={self.pool_size!r},")
        if self.n_children_spawned != 0:
            lines.append(f"    n_children_spawned={self.n_children_spawned!r},")
        lines.append(")")
        return "\n".join(lines)


def _dtype_name(dtype):
    if isinstance(dtype, str):
        return dtype
    name = getattr(dtype, "__name__", None) or getattr(dtype, "name", None)
    return str(name if name is not None else dtype)
