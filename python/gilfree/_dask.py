"""gilfree arrays as Dask chunks (CPython runtime, where Dask is installed; GraalPy cannot load NumPy, so no Dask).

Imported by the package itself once Dask is loaded (see `hook_dask` in _numpy_protocols), never eagerly:
Dask costs a second to import. What it registers with Dask:
  - gf.ndarray as a chunk type: Dask arrays wrap it and defer to it in arithmetic and NumPy functions;
  - Dask's per-chunk-type dispatch hooks (concatenate, tensordot, einsum, empty, take, divide, percentile,
    numel/nannumel, to_numpy) with gilfree's own functions, so chunks stay gilfree arrays end to end;
  - the "gilfree" array backend: `dask.config.set({"array.backend": "gilfree"})` makes da.ones, da.zeros,
    da.arange, da.random ... create gilfree chunks;
  - sizeof (memory accounting) for gf.ndarray (its deterministic graph keys: ndarray.__dask_tokenize__);
  - with dask.distributed installed: zero-copy serialization of gf.ndarray. A chunk travels as one buffer
    (a memoryview of its off-heap memory, viewed by NumPy without a copy), and arrives as a gilfree array
    wrapping the received buffer, again without a copy.
"""
import sys

import dask
import dask.array as da
import numpy as np
from dask.array import chunk as _chunk
from dask.array.backends import ArrayBackendEntrypoint, array_creation_dispatch
from dask.array.chunk_types import register_chunk_type, is_valid_chunk_type
from dask.array.dispatch import (concatenate_lookup, divide_lookup, einsum_lookup, empty_lookup, nannumel_lookup,
                                 numel_lookup, percentile_lookup, take_lookup, tensordot_lookup, to_numpy_dispatch)
from dask.sizeof import sizeof
from dask.utils import Dispatch

gf = sys.modules["gilfree"]  # imported by now: this module is loaded from inside the package
ndarray = gf.ndarray

if not is_valid_chunk_type(ndarray):
    register_chunk_type(ndarray)

concatenate_lookup.register(ndarray, gf.concatenate)
tensordot_lookup.register(ndarray, gf.tensordot)
take_lookup.register(ndarray, gf.take)
divide_lookup.register(ndarray, gf.divide)
empty_lookup.register(ndarray, gf.empty)


@einsum_lookup.register(ndarray)
def _einsum(subscripts, *operands, dtype=None, casting="safe", optimize=False, **kwargs):
    # Dask passes NumPy's casting=; gilfree's einsum computes in the promoted dtype, which "safe" allows.
    return gf.einsum(subscripts, *operands, dtype=dtype, optimize=optimize, **kwargs)


@percentile_lookup.register(ndarray)
def _percentile(a, q, method="linear"):
    """Dask's per-chunk percentile contract: (percentiles of the chunk, its length); None for an empty chunk."""
    n = len(a)
    if not n:
        return None, n
    if a.dtype.kind not in "iufc":  # as Dask does for non-numbers: no interpolation between values
        method = "nearest"
    return gf.percentile(a, list(q), method=method), n


@numel_lookup.register(ndarray)
def _numel(x, axis=None, keepdims=False, dtype=None, **kwargs):
    """The count of elements a reduction over `axis` sees, as a gilfree array of the reduction's shape."""
    dtype = np.float64 if dtype is None else dtype
    axes = range(x.ndim) if axis is None else (axis,) if isinstance(axis, int) else axis
    axes = {a % x.ndim for a in axes} if x.ndim else set()
    count = 1
    for a in axes:
        count *= x.shape[a]
    if axis is None and not keepdims:
        return gf.asarray(count, dtype=dtype)[()]
    shape = tuple(1 if d in axes else n for d, n in enumerate(x.shape) if keepdims or d not in axes)
    return gf.full(shape, count, dtype=dtype)


@nannumel_lookup.register(ndarray)
def _nannumel(x, **kwargs):
    return _chunk.sum(~gf.isnan(x), **kwargs)


@to_numpy_dispatch.register(ndarray)
def _to_numpy(data, **kwargs):
    return np.asarray(data)  # a view of the gilfree memory, no copy


@sizeof.register(ndarray)
def _sizeof(x):
    return int(x.nbytes)


# ---- the "gilfree" array backend (dask.config "array.backend") ----
to_gilfree_dispatch = Dispatch("to_gilfree_dispatch")
to_gilfree_dispatch.register(ndarray, lambda data, **kwargs: data)
to_gilfree_dispatch.register(np.ndarray, lambda data, **kwargs: gf.asarray(data))


class GilfreeBackendEntrypoint(ArrayBackendEntrypoint):
    """Creation functions of dask.array making gilfree chunks; `Array.to_backend("gilfree")` converts."""

    @classmethod
    def to_backend_dispatch(cls):
        return to_gilfree_dispatch

    @classmethod
    def to_backend(cls, data, **kwargs):
        if isinstance(data._meta, ndarray):
            return data
        return data.map_blocks(to_gilfree_dispatch, **kwargs)

    @property
    def RandomState(self):
        return gf.random.RandomState

    @property
    def default_bit_generator(self):
        return gf.random.PCG64

    @staticmethod
    def ones(*args, **kwargs):
        return _with_gilfree_meta("ones", *args, **kwargs)

    @staticmethod
    def zeros(*args, **kwargs):
        return _with_gilfree_meta("zeros", *args, **kwargs)

    @staticmethod
    def empty(*args, **kwargs):
        return _with_gilfree_meta("empty", *args, **kwargs)

    @staticmethod
    def full(*args, **kwargs):
        return _with_gilfree_meta("full", *args, **kwargs)

    @staticmethod
    def arange(*args, like=None, **kwargs):
        with dask.config.set({"array.backend": "numpy"}):
            return da.arange(*args, like=_meta() if like is None else like, **kwargs)


def _with_gilfree_meta(name, *args, meta=None, **kwargs):
    """Dask's own creation function `name` with a gilfree meta: its chunks are then made by gilfree."""
    with dask.config.set({"array.backend": "numpy"}):
        return getattr(da, name)(*args, meta=_meta() if meta is None else meta, **kwargs)


def _meta():
    # 1-d, not 0-d: Dask indexes a 0-d meta with () and would get a scalar, which it turns into NumPy's array.
    return gf.empty((0,))


if "gilfree" not in array_creation_dispatch._lookup:
    array_creation_dispatch.register_backend("gilfree", GilfreeBackendEntrypoint())


# ---- dask.distributed: zero-copy serialization ----
try:  # installed with Dask in the CPython environment; optional elsewhere
    from distributed.protocol import dask_deserialize, dask_serialize
    from distributed.protocol.numpy import deserialize_numpy_ndarray, serialize_numpy_ndarray
except ImportError:
    dask_serialize = None

if dask_serialize is not None:
    @dask_serialize.register(ndarray)
    def _serialize(x, context=None):
        # np.asarray(x) views the off-heap memory (strides kept, no copy); NumPy's serializer then hands
        # distributed a memoryview of it, which is sent as it is.
        return serialize_numpy_ndarray(np.asarray(x), context)

    @dask_deserialize.register(ndarray)
    def _deserialize(header, frames):
        # NumPy's array over the received frame, wrapped by gilfree without a copy.
        return gf.asarray(deserialize_numpy_ndarray(header, frames))
