"""Bits: packbits/unpackbits (bits along an axis to and from uint8 bytes) and the integer spellings
binary_repr/base_repr."""
import builtins
import operator

from . import _ufuncs as _u
from ._creation import asarray, zeros
from ._manipulation import concatenate, moveaxis
from ._reductions import sum as _sum
from ._ufuncs import _normalize_axes, _to_array

_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _shifts(bitorder):
    """Where each of a byte's 8 bits sits (its shift), first bit first."""
    if bitorder not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    return [7 - k for k in range(8)] if bitorder == "big" else list(range(8))


def _along_last(a, axis):
    """a flattened (axis None) or with `axis` moved last; returns (array, axis to move back or None)."""
    if axis is None:
        return a.reshape(-1), None
    (ax,) = _normalize_axes(axis, a.ndim)
    return moveaxis(a, ax, -1), ax


def packbits(a, /, axis=None, bitorder="big"):
    """Each run of 8 elements along `axis` (zero-padded at the end) as one uint8, nonzero elements as 1 bits."""
    a = _to_array(a)
    if a.dtype.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    w = [1 << k for k in _shifts(bitorder)]
    if a.ndim == 0:
        a = a.reshape(1)
    b, ax = _along_last(a, axis)
    n = b.shape[-1]
    bits = _u.not_equal(b, 0).astype("uint8")
    if n % 8:
        bits = concatenate([bits, zeros(b.shape[:-1] + (8 - n % 8,), dtype="uint8")], axis=-1)
    bytes_ = bits.reshape(b.shape[:-1] + ((n + 7) // 8, 8))
    r = _sum(_u.multiply(bytes_, asarray(w, dtype="uint8")), axis=-1, dtype="uint8")
    return r if ax is None else moveaxis(r, -1, ax)


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    """The bits of a uint8 array as uint8 0/1 elements along `axis`; `count` keeps that many (negative: drops
    that many from the end; beyond the bits there are: pads zeros)."""
    a = _to_array(a)
    if a.dtype.name != "uint8":
        raise TypeError("Expected an input array of unsigned byte data type")
    shifts = asarray(_shifts(bitorder), dtype="uint8")
    if a.ndim == 0:
        a = a.reshape(1)
    b, ax = _along_last(a, axis)
    n = b.shape[-1] * 8
    bits = _u.bitwise_and(_u.right_shift(b.reshape(b.shape + (1,)), shifts), asarray(1, dtype="uint8"))
    bits = bits.reshape(b.shape[:-1] + (n,))
    if count is not None:
        count = operator.index(count)
        if count < 0:
            if -count > n:
                raise ValueError("-count larger than number of elements")
            count += n
        if count <= n:
            bits = bits[..., :count]
        else:
            bits = concatenate([bits, zeros(b.shape[:-1] + (count - n,), dtype="uint8")], axis=-1)
    return bits if ax is None else moveaxis(bits, -1, ax)


def binary_repr(num, width=None):
    """num in base 2; a negative num with a width is shown in two's complement of that many bits."""
    num = operator.index(num)
    if num >= 0:
        digits = format(num, "b") if num else ""
        need = len(digits)
        if width is not None and need > width:
            raise ValueError(f"Insufficient bit width={width} provided for binwidth={need}")
        return digits.rjust(width or builtins.max(need, 1), "0")
    if width is None:
        return "-" + format(-num, "b")
    # the fewest bits holding num in two's complement, then sign-extended to `width`
    bits = (-num - 1).bit_length() + 1
    digits = format(num + (1 << bits), "b").rjust(bits, "0")
    if bits > width:
        raise ValueError(f"Insufficient bit width={width} provided for binwidth={bits}")
    return digits.rjust(width, "1")


def base_repr(number, base=2, padding=0):
    """abs(number) in `base` (2..36, digits then capital letters) after `padding` zeros, with a '-' for a
    negative number."""
    if base > len(_DIGITS):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    n = builtins.abs(int(number))
    out = ""
    while n:
        n, d = divmod(n, base)
        out = _DIGITS[d] + out
    out = "0" * padding + (out or ("" if padding else "0"))
    return ("-" if number < 0 else "") + out
