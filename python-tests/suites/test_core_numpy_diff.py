"""Differential tests of the array core against NumPy.

Random arrays of every dtype and shape (0-d and empty included), random index expressions, manipulation
calls with valid and invalid arguments: gilfree must give the same values, dtype and shape, or raise the
same (builtin base) exception type. On CPython through jep hypothesis draws the cases and NumPy answers
them; GraalPy replays the same cases against NumPy's recorded answers (recorded.py, `given_recorded`).
"""
import math
import warnings

import pytest
from hypothesis import HealthCheck, settings, strategies as st

import gilfree as gf
from core_support import DTYPES, arrays, differential, make, np, shapes
from recorded import answer, generated, given_recorded

pytestmark = pytest.mark.numpy_answers
FAST = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))

warnings.filterwarnings("ignore", category=DeprecationWarning)
if np is not None:
    warnings.filterwarnings("ignore", category=np.exceptions.ComplexWarning)
warnings.filterwarnings("ignore", category=gf.ComplexWarning)


# ----- dtypes, promotion, casting -----

CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
PY_SCALARS = (True, 1, 1.5, 1j)


def _tables(m, a):
    """Type promotion and casting of dtype `a` with every dtype and Python scalar kind, in module m."""
    return {"pairs": [(m.promote_types(a, b).name, m.result_type(a, b).name,
                       [m.can_cast(a, b, casting) for casting in CASTINGS]) for b in DTYPES],
            "scalars": [(m.result_type(m.dtype(a), s).name, m.result_type(m.zeros(2, a), s).name)
                        for s in PY_SCALARS]}


@pytest.mark.parametrize("a", DTYPES)
def test_promotion_and_casting_tables(a):
    want, got = answer(f"core promotion and casting {a}", lambda: _tables(np, a)), _tables(gf, a)
    for b, g, w in zip(DTYPES, got["pairs"], want["pairs"]):
        assert g == w, f"{a} with {b}: gilfree (promote_types, result_type, can_cast {CASTINGS}) {g}, numpy {w}"
    for s, g, w in zip(PY_SCALARS, got["scalars"], want["scalars"]):
        assert g == w, f"result_type({a} dtype and array, {s!r}): gilfree {g}, numpy {w}"


DTYPE_NAMES = DTYPES + ["i1", "u8", "f4", "c16", "int", "float", "complex", "bool_", "double", "single", "?"]
INTS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
INEXACT = ("float32", "float64", "complex64", "complex128")
BAD_NAMES = ("int7", "float16x", "i3")


def _dtype_info(m):
    def refused(name):
        try:
            m.dtype(name)
        except TypeError:
            return True
        return False
    return {"dtypes": [(m.dtype(n).name, m.dtype(n).itemsize, m.dtype(n).kind) for n in DTYPE_NAMES],
            "iinfo": [(int(m.iinfo(n).min), int(m.iinfo(n).max), m.iinfo(n).bits) for n in INTS],
            "finfo": [(float(f.eps), float(f.max), float(f.min), float(f.tiny), f.bits, f.dtype.name)
                      for f in map(m.finfo, INEXACT)],
            "refused": [refused(n) for n in BAD_NAMES]}


def test_dtype_names_and_info():
    want, got = answer("core dtype names and info", lambda: _dtype_info(np)), _dtype_info(gf)
    for part, names in (("dtypes", DTYPE_NAMES), ("iinfo", INTS), ("finfo", INEXACT), ("refused", BAD_NAMES)):
        for name, g, w in zip(names, got[part], want[part]):
            assert g == w, f"{part} of {name!r}: gilfree {g}, numpy {w}"
    assert all(want["refused"])
    with pytest.raises(TypeError):
        gf.dtype("object")  # numeric dtypes only (deviation)


@given_recorded(FAST, arrays(), st.sampled_from(DTYPES), st.sampled_from(CASTINGS), st.integers(0, 2))
def test_astype_creation_and_tolist(spec, to, casting, layout):
    differential(lambda m: make(m, spec, layout), f"{spec!r} layout {layout}")
    differential(lambda m: make(m, spec, layout).astype(to, casting=casting), f"{spec!r} layout {layout} astype {to} {casting}")


def _layout(m, spec, layout):
    a = make(m, spec, layout)
    copies = {}
    for order in "CFAK":
        c = a.copy(order=order)
        copies[order] = (c.strides if c.size else None, c.tolist(), bool(c.flags.owndata), bool(c.flags.c_contiguous))
    return {"strides": a.strides if a.size else None,  # empty arrays: NumPy's strides depend on how they were made
            "flags": [bool(a.flags[f]) for f in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE")],
            "base is None": a.base is None, "copies": copies,
            "contiguous strides": m.ascontiguousarray(a).strides if a.size else None,
            "sizes": (a.ndim, a.size, a.itemsize, a.nbytes, a.shape)}


@given_recorded(FAST, arrays(), st.integers(0, 2))
def test_layout_flags_strides_copy(spec, layout):
    want = generated(f"{spec!r} layout {layout}", lambda: _layout(np, spec, layout))
    got = _layout(gf, spec, layout)
    assert all(c[2] for c in got["copies"].values()), "a copy owns its data"
    for k in want:
        assert got[k] == want[k], f"{k}: gilfree {got[k]!r}, numpy {want[k]!r}"


# ----- indexing -----

@st.composite
def basic_index(draw, ndim):
    items = []
    n_idx = draw(st.integers(0, ndim + 1))
    for _ in range(n_idx):
        k = draw(st.integers(0, 9))
        if k < 3:
            items.append(draw(st.integers(-5, 5)))
        elif k < 7:
            items.append(slice(draw(st.none() | st.integers(-6, 6)), draw(st.none() | st.integers(-6, 6)),
                               draw(st.none() | st.integers(-3, 3).filter(lambda s: s != 0))))
        elif k < 8:
            items.append(None)
        else:
            items.append(Ellipsis)
    if draw(st.booleans()) and len(items) == 1:
        return items[0]
    return tuple(items)


@st.composite
def advanced_index(draw, shape):
    items = []
    for axis, n in enumerate(shape):
        k = draw(st.integers(0, 5))
        if k == 0:
            items.append(draw(st.lists(st.integers(-n - 1, n), min_size=0, max_size=3)) if n else [])
        elif k == 1:
            items.append(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
        elif k == 2:
            items.append(draw(st.integers(-n, max(n - 1, 0))) if n else slice(None))
        elif k == 3:
            items.append(slice(draw(st.none() | st.integers(-3, 3)), None, draw(st.sampled_from([None, 1, 2, -1]))))
        elif k == 4:
            items.append(None)
        else:
            break
    return tuple(items)


def _key(m, key):
    """Lists become index arrays of module m (bool lists boolean arrays)."""
    if isinstance(key, tuple):
        return tuple(m.asarray(k, dtype=bool if k and isinstance(k[0], bool) else "int64") if isinstance(k, list)
                     else k for k in key)
    return key


@given_recorded(FAST, st.data())
def test_basic_indexing_get_and_set(data):
    spec = data.draw(arrays())
    layout = data.draw(st.integers(0, 2))
    key = data.draw(basic_index(len(spec[1])))
    case = f"{spec!r} layout {layout} [{key!r}]"
    kind, res = differential(lambda m: make(m, spec, layout)[key], f"{case} get")
    if kind == "ok" and isinstance(res, gf.ndarray):
        assert res.base is not None, "basic indexing must return a view"
    value = data.draw(st.sampled_from([0, 1, 7, 2.5, "arr"]))

    def setter(m):
        a = make(m, spec, layout)
        if value == "arr":
            target_shape = m.asarray(make(m, spec, layout)[key]).shape
            v = m.arange(math.prod(target_shape)).reshape(target_shape).astype(spec[0])
        else:
            v = value
        try:
            a[key] = v
        except Exception:
            assert a.tolist() == make(m, spec, layout).tolist(), "array modified by a failed assignment"
            raise
        return a
    differential(setter, f"{case} = {value!r}")


@given_recorded(FAST, st.data())
def test_advanced_indexing_get_and_set(data):
    spec = data.draw(arrays())
    key = data.draw(advanced_index(spec[1]))
    differential(lambda m: make(m, spec)[_key(m, key)], f"{spec!r} [{key!r}] get")

    def setter(m):
        a = make(m, spec)
        before = a.tolist()
        try:
            a[_key(m, key)] = m.asarray(3).astype(spec[0])
        except Exception:
            assert a.tolist() == before
            raise
        return a
    differential(setter, f"{spec!r} [{key!r}] = 3")


@given_recorded(FAST, arrays(), st.data())
def test_take_put_nonzero_compress_iteration(spec, data):
    n = max(1, len(spec[1]))
    idx = data.draw(st.lists(st.integers(-7, 7), max_size=4))
    axis = data.draw(st.none() | st.integers(-n, n))
    mode = data.draw(st.sampled_from(["raise", "wrap", "clip"]))
    differential(lambda m: m.take(make(m, spec), idx, axis=axis, mode=mode), f"{spec!r} take {idx} {axis} {mode}")
    cond = data.draw(st.lists(st.booleans(), max_size=5))
    differential(lambda m: m.compress(cond, make(m, spec), axis=axis), f"{spec!r} compress {cond} {axis}")
    differential(lambda m: m.nonzero(make(m, spec)), f"{spec!r} nonzero")

    def putter(m):
        a = make(m, spec)
        m.put(a, idx, m.asarray([5, 6]).astype(spec[0]), mode=mode)
        return a
    differential(putter, f"{spec!r} put {idx} {mode}")
    differential(lambda m: [x for x in make(m, spec)], f"{spec!r} iteration")
    differential(lambda m: len(make(m, spec)), f"{spec!r} len")


# ----- manipulation -----

MANIP = ["reshape", "transpose", "swapaxes", "moveaxis", "expand_dims", "squeeze", "flip", "roll", "repeat",
         "tile", "pad", "split", "array_split", "concatenate", "stack", "vstack", "hstack", "broadcast_to",
         "broadcast_arrays", "ravel", "flatten", "permute_dims"]


@given_recorded(FAST, arrays(), st.sampled_from(MANIP), st.data())
def test_manipulation(spec, name, data):
    nd = len(spec[1])
    drawn = []

    def draw(strategy):  # every drawn parameter goes into the case's key
        drawn.append(data.draw(strategy))
        return drawn[-1]
    ax = st.integers(-nd - 1, nd)
    if name == "reshape":
        shape = draw(st.lists(st.integers(-1, 6), max_size=4))
        order = draw(st.sampled_from("CF"))
        fn = lambda m: m.reshape(make(m, spec, 1), shape, order=order)  # noqa: E731
    elif name in ("transpose", "permute_dims"):
        axes = draw(st.none() | st.permutations(range(nd)) | st.lists(st.integers(-nd, nd), max_size=nd + 1))
        fn = lambda m: getattr(m, name)(make(m, spec), axes)  # noqa: E731
    elif name == "swapaxes":
        a1, a2 = draw(ax), draw(ax)
        fn = lambda m: m.swapaxes(make(m, spec), a1, a2)  # noqa: E731
    elif name == "moveaxis":
        s, d = draw(st.lists(ax, max_size=2)), draw(st.lists(ax, max_size=2))
        fn = lambda m: m.moveaxis(make(m, spec), s, d)  # noqa: E731
    elif name == "expand_dims":
        a = draw(ax | st.lists(ax, max_size=2).map(tuple))
        fn = lambda m: m.expand_dims(make(m, spec), a)  # noqa: E731
    elif name == "squeeze":
        a = draw(st.none() | ax)
        fn = lambda m: m.squeeze(make(m, spec), a)  # noqa: E731
    elif name == "flip":
        a = draw(st.none() | ax)
        fn = lambda m: m.flip(make(m, spec, 2), a)  # noqa: E731
    elif name == "roll":
        sh, a = draw(st.integers(-7, 7)), draw(st.none() | ax)
        fn = lambda m: m.roll(make(m, spec), sh, a)  # noqa: E731
    elif name == "repeat":
        r, a = draw(st.integers(0, 3) | st.lists(st.integers(0, 2), max_size=4)), draw(st.none() | ax)
        fn = lambda m: m.repeat(make(m, spec), r, a)  # noqa: E731
    elif name == "tile":
        r = draw(st.integers(0, 3) | st.lists(st.integers(0, 2), max_size=3).map(tuple))
        fn = lambda m: m.tile(make(m, spec), r)  # noqa: E731
    elif name == "pad":
        pw = draw(st.integers(0, 2) | st.tuples(st.integers(0, 2), st.integers(0, 2)))
        cv = draw(st.integers(0, 5))
        fn = lambda m: m.pad(make(m, spec), pw, constant_values=cv)  # noqa: E731
    elif name in ("split", "array_split"):
        s = draw(st.integers(-1, 4) | st.lists(st.integers(0, 5), max_size=3))
        a = draw(ax)
        fn = lambda m: getattr(m, name)(make(m, spec), s, a)  # noqa: E731
    elif name in ("concatenate", "stack", "vstack", "hstack"):
        other = draw(arrays(shape=draw(st.sampled_from([spec[1], spec[1][1:], (2,) + spec[1][1:]]))))
        a = draw(st.none() | ax)
        if name in ("concatenate", "stack"):
            fn = lambda m: getattr(m, name)([make(m, spec), make(m, other)], axis=a)  # noqa: E731
        else:
            fn = lambda m: getattr(m, name)([make(m, spec), make(m, other)])  # noqa: E731
    elif name in ("broadcast_to", "broadcast_arrays"):
        shape = tuple(draw(st.lists(st.integers(0, 3), max_size=4)))
        if name == "broadcast_to":
            fn = lambda m: m.broadcast_to(make(m, spec), shape)  # noqa: E731
        else:
            fn = lambda m: m.broadcast_arrays(make(m, spec), m.zeros(shape, "int8"))  # noqa: E731
    elif name == "ravel":
        order = draw(st.sampled_from("CFAK"))
        fn = lambda m: m.ravel(make(m, spec, 1), order)  # noqa: E731
    else:
        order = draw(st.sampled_from("CF"))
        fn = lambda m: make(m, spec, 2).flatten(order)  # noqa: E731
    differential(fn, f"{spec!r} {name} {drawn!r}")


@given_recorded(FAST, st.lists(st.lists(st.integers(0, 4), max_size=3).map(tuple), min_size=1, max_size=3))
def test_broadcast_shapes(shapes):
    differential(lambda m: m.broadcast_shapes(*shapes), f"broadcast_shapes {shapes!r}")


# ----- creation -----

@given_recorded(FAST, st.sampled_from(DTYPES), st.lists(st.integers(0, 3), max_size=3).map(tuple), st.integers(-2, 2))
def test_filled_and_like_creation(dt, shape, k):
    for name, fn in (("zeros", lambda m: m.zeros(shape, dt)), ("ones", lambda m: m.ones(shape, dt)),
                     ("full", lambda m: m.full(shape, 3, dt)),
                     ("zeros_like", lambda m: m.zeros_like(m.ones(shape, dt))),
                     ("full_like", lambda m: m.full_like(m.ones(shape, dt), 2)),
                     ("ones_like", lambda m: m.ones_like(m.zeros(shape, dt), dtype="float32")),
                     ("empty", lambda m: m.empty(shape, dt).shape), ("eye", lambda m: m.eye(3, 4, k, dt)),
                     ("identity", lambda m: m.identity(2, dt)), ("tri", lambda m: m.tri(3, 2, k, dt)),
                     ("tril", lambda m: m.tril(m.ones((3, 4), dt), k)),
                     ("triu", lambda m: m.triu(m.ones((2, 3, 3), dt), k))):
        differential(fn, f"{name} {dt} {shape!r} k={k}")


@given_recorded(FAST, st.integers(-10, 10) | st.floats(-10, 10).map(lambda x: round(x, 1)),
                st.none() | st.integers(-10, 10), st.none() | st.sampled_from([1, 2, -1, -3, 0.5, -0.25]),
                st.none() | st.sampled_from(["int8", "int16", "int32", "int64", "float32", "float64"]))
def test_arange(start, stop, step, dt):
    differential(lambda m: m.arange(start, stop, step, dtype=dt), f"arange {start!r} {stop!r} {step!r} {dt}")


@given_recorded(FAST, st.integers(-5, 5), st.integers(-5, 5), st.integers(0, 9), st.booleans(),
                st.none() | st.sampled_from(["float32", "int64", "complex128"]))
def test_linspace_meshgrid(a, b, n, endpoint, dt):
    differential(lambda m: m.linspace(a, b, n, endpoint=endpoint, dtype=dt), f"linspace {a} {b} {n} {endpoint} {dt}")
    differential(lambda m: m.linspace(a, b, n, retstep=True)[1] if n > 1 else 0, f"linspace step {a} {b} {n}")
    differential(lambda m: m.meshgrid(m.arange(n), m.arange(3.0), indexing="ij" if endpoint else "xy"),
                 f"meshgrid {n} {endpoint}")


# ----- conversion and printing -----

PALETTE = {
    "f": [0.0, -0.0, 1.0, 0.5, -2.25, 1e-5, 123456789.0, 1e20, 3.14159265358979, float("nan"), float("inf"),
          -float("inf"), 0.1, 100.0, 1e-8],
    "c": [0j, 1 + 2j, -1.5j, 2.5 - 0.5j, complex(float("nan"), 1), 1e10 + 1j],
}


@given_recorded(FAST, st.sampled_from(DTYPES), shapes, st.data())
def test_repr_and_str(dt, shape, data):
    import math
    n = math.prod(shape)
    kind = gf.dtype(dt).kind
    if kind in "fc":
        pal = PALETTE[kind]
        sub = data.draw(st.lists(st.sampled_from(pal), min_size=1, max_size=3))
        flat = [sub[i % len(sub)] for i in range(n)]
    else:
        flat = [v % 120 if kind in "ub" else v % 120 - 60 for v in data.draw(st.lists(st.integers(0, 10 ** 4), min_size=n,
                                                                                  max_size=n))]
        if kind == "b":
            flat = [v % 2 == 0 for v in flat]
    from core_support import nest
    obj = nest(flat, shape) if shape else flat[0]

    def texts(m):
        a = m.asarray(obj, dtype=dt)
        return [repr(a), str(a)] + ([repr(a[()]), str(a[()])] if a.ndim == 0 else [])
    want, got = generated(f"{dt} {obj!r}", lambda: texts(np)), texts(gf)
    for g, w in zip(got, want):
        assert g == w, f"gilfree prints\n{g}\nnumpy\n{w}"
    assert len(got) == len(want)


@given_recorded(settings(max_examples=60, deadline=None), st.lists(st.integers(1, 12), min_size=1, max_size=4),
                st.sampled_from(["int64", "float64", "int8", "bool"]), st.integers(1, 4), st.integers(30, 90))
def test_summarised_printing_and_printoptions(shape, dt, edge, width):
    import math
    n = math.prod(shape)

    def texts(m):
        a = m.arange(n).astype(dt).reshape(shape)
        if dt == "float64":
            a = a / 7
        with m.printoptions(threshold=10, edgeitems=edge, linewidth=width, precision=3):
            return repr(a), str(a)
    want, got = generated(f"{shape!r} {dt} {edge} {width}", lambda: texts(np)), texts(gf)
    assert got[0] == want[0], f"gilfree repr\n{got[0]}\nnumpy\n{want[0]}"
    assert got[1] == want[1], f"gilfree str\n{got[1]}\nnumpy\n{want[1]}"
    assert gf.get_printoptions()["threshold"] == 1000


@given_recorded(FAST, arrays())
def test_scalar_conversions(spec):
    for name, conv in (("bool", bool), ("int", int), ("float", float), ("complex", complex),
                       ("__index__", lambda x: x.__index__()), ("item", lambda x: x.item()), ("len", len),
                       ("list", list)):
        differential(lambda m: conv(make(m, spec)), f"{name} {spec!r}")


_PY_SCALARS = st.one_of(st.booleans(), st.integers(-(1 << 63), (1 << 64) - 1), st.integers(-9, 9),
                        st.floats(allow_nan=True, allow_infinity=True, width=64),
                        st.complex_numbers(max_magnitude=1e6, allow_nan=False))


@given_recorded(FAST, st.lists(_PY_SCALARS, max_size=5), st.none() | st.sampled_from(DTYPES))
def test_asarray_of_python_scalars(values, dt):
    # discovery: each value has its own dtype; an explicit dtype converts (OverflowError/TypeError/ValueError as NumPy)
    if dt is None:
        differential(lambda m: m.asarray(values), f"asarray({values!r})")
    elif all(not isinstance(v, (float, complex)) or not isinstance(v, complex) and math.isfinite(v)
             and abs(v) < 100 for v in values):
        differential(lambda m: m.asarray(values, dtype=dt) if dt[0] != "u" or all(v >= 0 for v in values)
                     else m.asarray([abs(v) for v in values], dtype=dt), f"asarray({values!r}, {dt})")
