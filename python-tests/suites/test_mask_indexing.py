"""a[mask] and a[mask] = v with a bool mask of a's own shape: the one-pass engine path (Indexing.maskSelect /
maskAssign) against plain-Python expectations, so the same checks run on both runtimes. Layouts: C order,
a transposed view and a reversed one; every dtype; a value count that does not match."""
import pytest

import gilfree as gf

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64",
          "complex64", "complex128"]
ROWS, COLS = 5, 7


def _grid(dt):
    vals = [(i * 7 + 3) % 11 for i in range(ROWS * COLS)]
    return gf.asarray(vals, dtype=dt).reshape((ROWS, COLS)), vals


def _mask():
    bits = [(i * 5) % 3 == 0 for i in range(ROWS * COLS)]
    return gf.asarray(bits).reshape((ROWS, COLS)), bits


def _flat(x):
    return [v for row in x.tolist() for v in row] if x.ndim == 2 else x.tolist()


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("layout", ["c", "transposed", "reversed"])
def test_select_gives_the_masked_elements_in_c_order(dt, layout):
    a, _ = _grid(dt)
    m, _ = _mask()
    if layout == "transposed":
        a, m = a.T, m.T
    elif layout == "reversed":
        a, m = a[::-1, ::-2], m[::-1, ::-2]
    want = [x for x, keep in zip(_flat(a), _flat(m)) if keep]
    got = a[m]
    assert got.dtype == a.dtype and got.shape == (len(want),)
    assert got.tolist() == want


@pytest.mark.parametrize("dt", DTYPES)
def test_assign_one_value_and_one_value_per_true_element(dt):
    a, vals = _grid(dt)
    m, bits = _mask()
    a.T[m.T] = 1  # strided destination: the transposed view's C order
    assert _flat(a) == [a.dtype.type(1).item() if b else a.dtype.type(v).item() for v, b in zip(vals, bits)]
    b, vals = _grid(dt)
    count = sum(bits)
    new = gf.asarray([(k * 3) % 10 for k in range(count)], dtype="int64")  # cast to b's dtype on the way in
    b[m] = new
    it = iter(new.astype(dt).tolist())
    assert _flat(b) == [next(it) if bit else b.dtype.type(v).item() for v, bit in zip(vals, bits)]


def test_mismatched_value_count_raises_numpys_valueerror_and_leaves_the_array():
    a, vals = _grid("float64")
    m, _ = _mask()
    with pytest.raises(ValueError, match="cannot assign 3 input values"):
        a[m] = gf.zeros(3)
    assert _flat(a) == [float(v) for v in vals]


def test_zero_d_and_all_false_masks():
    x = gf.asarray(5.0)
    assert x[gf.asarray(True)].tolist() == [5.0]
    assert x[gf.asarray(False)].shape == (0,)
    a, _ = _grid("int32")
    empty = a[gf.zeros((ROWS, COLS), dtype="bool")]
    assert empty.shape == (0,) and empty.dtype == a.dtype


def test_frozen_array_rejects_mask_assignment():
    a, _ = _grid("float64")
    m, _ = _mask()
    a.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        a[m] = 0.0
