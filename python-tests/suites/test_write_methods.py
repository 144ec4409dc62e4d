"""ndarray's in-place write methods: sort, partition, argpartition, setflags and a.flat[key] = value.

Hand-written expectations run on every runtime; with NumPy present the same lambda runs through NumPy too
(oracle.check), or the test runs once per module (the `xp` fixture) for properties both must share.
"""
import pytest

import gilfree as gf
from oracle import check, raises_both

NAN = float("nan")


def _sorted_in_place(make, **kwargs):
    """A lambda for check(): make(m) -> array, sorted in place with kwargs; the array (sort returns None)."""
    def run(m):
        a = make(m)
        assert a.sort(**kwargs) is None
        return a
    return run


@pytest.mark.parametrize("data, dtype, want", [
    ([3.0, NAN, -1.5, 2.0, -0.0, NAN, 1.0], "float64", [-1.5, -0.0, 1.0, 2.0, 3.0, NAN, NAN]),
    ([3.0, NAN, -1.5, 2.0], "float32", [-1.5, 2.0, 3.0, NAN]),
    ([5, -3, 127, -128, 0], "int8", [-128, -3, 0, 5, 127]),
    ([2**64 - 1, 0, 2**63, 7, 2**63 - 1], "uint64", [0, 7, 2**63 - 1, 2**63, 2**64 - 1]),
    ([True, False, True, False], "bool", [False, False, True, True]),
    ([2 + 1j, 1 + 5j, 1 - 2j, -3 + 0j], "complex128", [-3 + 0j, 1 - 2j, 1 + 5j, 2 + 1j]),
])
def test_sort_sorts_in_place_and_returns_none(data, dtype, want):
    check(_sorted_in_place(lambda m: m.asarray(data, dtype=dtype)), want, dtype)


@pytest.mark.parametrize("axis, want", [
    (0, [[1, 0, 2], [3, 5, 4]]),
    (1, [[0, 3, 4], [1, 2, 5]]),
    (-1, [[0, 3, 4], [1, 2, 5]]),
])
def test_sort_along_an_axis(axis, want):
    check(_sorted_in_place(lambda m: m.asarray([[3, 0, 4], [1, 5, 2]]), axis=axis), want, "int64")


def test_sort_of_a_strided_view_changes_the_base():
    def run(m):
        a = m.asarray([[9.0, 8.0, 7.0, 6.0], [5.0, 4.0, 3.0, 2.0], [1.0, 0.0, -1.0, -2.0]])
        assert a[:, ::2].sort(axis=0) is None
        return a
    check(run, [[1.0, 8.0, -1.0, 6.0], [5.0, 4.0, 3.0, 2.0], [9.0, 0.0, 7.0, -2.0]], "float64")


def test_sort_of_a_reversed_view():
    def run(m):
        a = m.asarray([1, 4, 2, 3])
        a[::-1].sort()
        return a
    check(run, [4, 3, 2, 1], "int64")


def test_sort_of_a_0d_array_is_an_axis_error(xp):
    with pytest.raises(ValueError):  # AxisError is a ValueError (and an IndexError)
        xp.asarray(1.0).sort()


def test_the_sort_function_still_returns_a_sorted_copy():
    def run(m):
        a = m.asarray([3, 1, 2])
        return m.stack([m.sort(a), a])
    check(run, [[1, 2, 3], [3, 1, 2]], "int64")


def _is_partitioned(values, k):
    """values (a list) is a partition around position k: nothing before is larger, nothing after smaller."""
    pivot = values[k]
    return all(v <= pivot for v in values[:k]) and all(v >= pivot for v in values[k + 1:])


@pytest.mark.parametrize("kth", [0, 2, 5, -1, -6, (1, 4)])
def test_partition_in_place(xp, kth):
    data = [5.0, 1.0, 4.0, 0.0, 3.0, 2.0]
    a = xp.asarray(data)
    assert a.partition(kth) is None
    got = a.tolist()
    assert sorted(got) == sorted(data)
    for k in kth if isinstance(kth, tuple) else (kth,):
        k %= len(data)
        assert got[k] == sorted(data)[k]
        assert _is_partitioned(got, k)


def test_partition_along_axis_0(xp):
    a = xp.asarray([[3, 9], [1, 8], [2, 7]])
    a.partition(1, axis=0)
    assert [row[0] for row in a.tolist()][1] == 2 and [row[1] for row in a.tolist()][1] == 8


@pytest.mark.parametrize("kth, message", [(7, "kth(=7) out of bounds (6)"), (-7, "kth(=-1) out of bounds (6)"),
                                          ((1, 9), "kth(=9) out of bounds (6)")])
def test_partition_checks_kth(kth, message):
    for call in (lambda m: m.arange(6.0).partition(kth), lambda m: m.arange(6.0).argpartition(kth),
                 lambda m: m.partition(m.arange(6.0), kth)):
        raises_both(ValueError, call, match=message.replace("(", r"\(").replace(")", r"\)"))


def test_argpartition(xp):
    data = [5.0, 1.0, 4.0, 0.0, 3.0, 2.0]
    a = xp.asarray(data)
    idx = a.argpartition(2)
    assert idx.dtype.name == "int64"
    assert sorted(idx.tolist()) == list(range(6))
    picked = [data[i] for i in idx.tolist()]
    assert picked[2] == 2.0 and _is_partitioned(picked, 2)
    assert a.tolist() == data  # argpartition leaves the array as it was


def test_argpartition_with_axis_none_flattens(xp):
    a = xp.asarray([[3, 0, 2], [5, 1, 4]])
    idx = a.argpartition(1, axis=None)
    assert idx.shape == (6,)
    flat = [3, 0, 2, 5, 1, 4]
    picked = [flat[i] for i in idx.tolist()]
    assert picked[1] == 1 and _is_partitioned(picked, 1)


def test_setflags_write(xp):
    a = xp.arange(4.0)
    assert a.setflags(write=False) is None
    assert a.flags.writeable is False
    with pytest.raises(ValueError):
        a[0] = 9.0
    a.setflags(write=True)
    assert a.flags.writeable is True
    a[0] = 9.0
    assert a.tolist() == [9.0, 1.0, 2.0, 3.0]


def test_setflags_refuses_writebackifcopy_and_writeable_views_of_read_only_arrays(xp):
    a = xp.arange(4.0)
    with pytest.raises(ValueError, match="WRITEBACKIFCOPY"):
        a.setflags(uic=True)
    a.setflags(write=False)
    with pytest.raises(ValueError):
        a[1:].setflags(write=True)
    assert a[1:].flags.writeable is False


def _flat_set(key, value, make=lambda m: m.arange(6.0)):
    def run(m):
        a = make(m)
        a.flat[key] = value
        return a
    return run


@pytest.mark.parametrize("key, value, want", [
    (2, 9.0, [0.0, 1.0, 9.0, 3.0, 4.0, 5.0]),
    (-1, 9.0, [0.0, 1.0, 2.0, 3.0, 4.0, 9.0]),
    (slice(None, None, 2), [7.0], [7.0, 1.0, 7.0, 3.0, 7.0, 5.0]),
    (slice(4, 1, -1), [7.0, 8.0], [0.0, 1.0, 7.0, 8.0, 7.0, 5.0]),
    (slice(7, None), 1.0, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]),
    ([0, 5, -2], [10.0, 20.0], [10.0, 1.0, 2.0, 3.0, 10.0, 20.0]),
    (Ellipsis, [1.0, 2.0], [1.0, 2.0, 1.0, 2.0, 1.0, 2.0]),
])
def test_flat_assignment(key, value, want):
    check(_flat_set(key, value), want, "float64")


def test_flat_assignment_with_an_index_array_and_a_bool_mask():
    check(lambda m: _flat_set(m.asarray([[0], [5]]), [3.0, 4.0])(m), [3.0, 1.0, 2.0, 3.0, 4.0, 4.0], "float64")
    check(lambda m: _flat_set(m.asarray([True, False] * 3), [9.0, 8.0])(m), [9.0, 1.0, 8.0, 3.0, 9.0, 5.0],
          "float64")


def test_flat_assignment_on_a_strided_view_writes_the_base():
    def run(m):
        a = m.arange(12).reshape(3, 4)
        v = a[:, ::2]  # shape (3, 2): a's columns 0 and 2
        v.flat[[0, 3, -1]] = [100, 200]
        v.flat[1:3] = -1
        return a
    check(run, [[100, 1, -1, 3], [-1, 5, 200, 7], [8, 9, 100, 11]], "int64")


def test_flat_assignment_converts_values_to_the_dtype():
    check(_flat_set(slice(None), [2.7, -1.9], lambda m: m.zeros(4, dtype="int32")), [2, -1, 2, -1], "int32")
    check(_flat_set(0, 300, lambda m: m.zeros(2, dtype="uint64")), [300, 0], "uint64")


def test_flat_assignment_from_an_overlapping_view_reads_the_values_first():
    # gilfree copies overlapping values before writing (NumPy 2.4 copies element by element here and smears
    # a[0] over the whole array, an artefact of its loop order)
    a = gf.arange(6.0)
    a.flat[1:] = a[:5]
    assert a.tolist() == [0.0, 0.0, 1.0, 2.0, 3.0, 4.0]


def test_flat_assignment_out_of_bounds():
    raises_both(IndexError, lambda m: _flat_set(7, 1.0)(m), match="index 7 is out of bounds for size 6")
    raises_both(IndexError, lambda m: _flat_set(m.asarray([True, False]), 1.0)(m), match="boolean index")


_WRITES = {
    "sort": lambda a: a.sort(),
    "sort(axis=0)": lambda a: a.sort(axis=0),
    "partition": lambda a: a.partition(1),
    "flat[int]": lambda a: a.flat.__setitem__(0, 99.0),
    "flat[list]": lambda a: a.flat.__setitem__([1, 2], 99.0),
    "flat[...]": lambda a: a.flat.__setitem__(Ellipsis, 99.0),
    "fill": lambda a: a.fill(99.0),
    "setitem": lambda a: a.__setitem__(0, 99.0),
}


def _refused(a, write):
    before = a.tolist()
    with pytest.raises(ValueError):
        _WRITES[write](a)
    assert a.tolist() == before


@pytest.mark.parametrize("write", sorted(_WRITES))
def test_writes_on_a_read_only_array_raise_and_change_nothing(xp, write):
    a = xp.asarray([[5.0, 3.0, 4.0], [2.0, 1.0, 0.0]])
    a.setflags(write=False)
    _refused(a, write)


@pytest.mark.parametrize("write", sorted(_WRITES))
def test_writes_on_a_frozen_array_raise_and_change_nothing(write):
    _refused(gf.asarray([[5.0, 3.0, 4.0], [2.0, 1.0, 0.0]]).freeze(), write)


def test_sort_is_stable_on_ties():
    def run(m):
        a = m.asarray([2, 1, 2, 1, 0, 2])
        return m.stack([a.argsort(kind="stable"), m.asarray([4, 1, 3, 0, 2, 5])])
    check(run, [[4, 1, 3, 0, 2, 5], [4, 1, 3, 0, 2, 5]], "int64")
