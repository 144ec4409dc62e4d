"""NumPy's functions that write into an existing array: copyto, putmask, place, put_along_axis, fill_diagonal.

Each case states NumPy 2's answer by hand (checked against NumPy where it is importable) and checks that the
function returns None and writes the array in place; refusals leave the array as it was.
"""
import pytest

import gilfree as gf
from oracle import check, raises_same, np


def _written(fn):
    """fn(m, a) writes into a = m.arange(6.0); the result is a (after asserting fn returned None)."""
    def run(m):
        a = m.arange(6.0)
        assert fn(m, a) is None
        return a
    return run


def test_putmask_cycles_values_by_position():
    check(_written(lambda m, a: m.putmask(a, a > 2, [10, 20])), [0.0, 1.0, 2.0, 20.0, 10.0, 20.0], "float64")


def test_place_cycles_values_by_selection():
    check(_written(lambda m, a: m.place(a, a > 2, [10, 20])), [0.0, 1.0, 2.0, 10.0, 20.0, 10.0], "float64")


def test_putmask_casts_values_unsafely_and_place_refuses_empty_values():
    def run(m):
        a = m.arange(6)
        m.putmask(a, a > 2, 1.5)
        return a
    check(run, [0, 1, 2, 1, 1, 1], "int64")
    a = gf.arange(3.0)
    raises_same(ValueError, lambda: gf.place(a, a > 0, []), lambda: np.place(np.arange(3.0), np.arange(3.0) > 0, []),
                match="Cannot insert from an empty array!")
    gf.place(a, a > 5, [])  # nothing selected: nothing to insert
    assert a.tolist() == [0.0, 1.0, 2.0]


def test_putmask_needs_a_mask_of_the_same_size():
    raises_same(ValueError, lambda: gf.putmask(gf.arange(3.0), [True, False], 1.0),
                lambda: np.putmask(np.arange(3.0), [True, False], 1.0), match="mask and data must be the same size")


def test_copyto_broadcasts_with_where():
    def run(m):
        a = m.zeros((2, 3))
        assert m.copyto(a, m.asarray([1.0, 2.0, 3.0]), where=m.asarray([[True], [False]])) is None
        return a
    check(run, [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], "float64")


@pytest.mark.parametrize("casting, value, want", [("unsafe", 2.5, [2, 2, 2]), ("same_kind", 7, [7, 7, 7])])
def test_copyto_scalars_follow_nep50(casting, value, want):
    def run(m):
        a = m.zeros(3, dtype=m.int64)
        m.copyto(a, value, casting=casting)
        return a
    check(run, want, "int64")


def test_copyto_refusals_name_the_problem_and_change_nothing():
    a = gf.zeros(3, dtype=gf.int64)
    raises_same(TypeError, lambda: gf.copyto(a, 1.5), lambda: np.copyto(np.zeros(3, dtype=np.int64), 1.5),
                match=r"Cannot cast scalar from dtype\('float64'\) to dtype\('int64'\) according to the rule 'same_kind'")
    raises_same(TypeError, lambda: gf.copyto(a, gf.asarray([1.5, 2.5, 3.5])),
                lambda: np.copyto(np.zeros(3, dtype=np.int64), np.asarray([1.5, 2.5, 3.5])),
                match=r"Cannot cast array data from dtype\('float64'\) to dtype\('int64'\)")
    raises_same(OverflowError, lambda: gf.copyto(gf.zeros(3, dtype=gf.uint8), 300),
                lambda: np.copyto(np.zeros(3, dtype=np.uint8), 300), match="Python integer 300 out of bounds for uint8")
    raises_same(ValueError, lambda: gf.copyto(a, [1, 2]), lambda: np.copyto(np.zeros(3, dtype=np.int64), [1, 2]),
                match=r"could not broadcast input array from shape \(2,\) into shape \(3,\)")
    raises_same(TypeError, lambda: gf.copyto(a, 1, where=gf.asarray([1, 0, 1])),
                lambda: np.copyto(np.zeros(3, dtype=np.int64), 1, where=np.asarray([1, 0, 1])),
                match=r"to dtype\('bool'\) according to the rule 'safe'")
    raises_same(ValueError, lambda: gf.copyto(a, 1, casting="bogus"),
                lambda: np.copyto(np.zeros(3, dtype=np.int64), 1, casting="bogus"), match="casting must be one of")
    raises_same(TypeError, lambda: gf.copyto([1], 1), lambda: np.copyto([1], 1), match="must be a numpy.ndarray")
    assert a.tolist() == [0, 0, 0]


def test_put_along_axis_matches_take_along_axis():
    def run(m):
        a = m.arange(12.0).reshape(3, 4)
        assert m.put_along_axis(a, m.asarray([[0], [1], [2]]), 99.0, axis=1) is None
        return a
    check(run, [[99.0, 1.0, 2.0, 3.0], [4.0, 99.0, 6.0, 7.0], [8.0, 9.0, 99.0, 11.0]], "float64")
    check(_written(lambda m, a: m.put_along_axis(a, m.asarray([0, 5]), [7.0, 8.0], axis=None)),
          [7.0, 1.0, 2.0, 3.0, 4.0, 8.0], "float64")
    raises_same(ValueError, lambda: gf.put_along_axis(gf.zeros((2, 2)), gf.asarray([0]), 1.0, axis=0),
                lambda: np.put_along_axis(np.zeros((2, 2)), np.asarray([0]), 1.0, axis=0),
                match="same number of dimensions")


def test_fill_diagonal_plain_wrapped_and_cubic():
    def square(m):
        a = m.zeros((3, 3))
        m.fill_diagonal(a, [1.0, 2.0])
        return a
    check(square, [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]], "float64")

    def tall(m):
        a = m.zeros((5, 3), dtype=m.int32)
        m.fill_diagonal(a, 7, wrap=True)
        return a
    check(tall, [[7, 0, 0], [0, 7, 0], [0, 0, 7], [0, 0, 0], [7, 0, 0]], "int32")

    def cube(m):
        a = m.zeros((2, 2, 2))
        m.fill_diagonal(a, 5.0)
        return a
    check(cube, [[[5.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 5.0]]], "float64")
    raises_same(ValueError, lambda: gf.fill_diagonal(gf.zeros(3), 1.0), lambda: np.fill_diagonal(np.zeros(3), 1.0),
                match="at least 2-d")
    raises_same(ValueError, lambda: gf.fill_diagonal(gf.zeros((2, 2, 3)), 1.0),
                lambda: np.fill_diagonal(np.zeros((2, 2, 3)), 1.0), match="equal length")


@pytest.mark.parametrize("call", [
    lambda a: gf.copyto(a, 1.0), lambda a: gf.putmask(a, a > 1, 9.0), lambda a: gf.place(a, a > 1, [9.0]),
    lambda a: gf.put_along_axis(a, gf.asarray([0]), 9.0, axis=0), lambda a: gf.fill_diagonal(a.reshape(2, 3), 9.0)],
    ids=["copyto", "putmask", "place", "put_along_axis", "fill_diagonal"])
def test_read_only_destinations_raise_and_stay_unchanged(call):
    a = gf.arange(6.0)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        call(a)
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
