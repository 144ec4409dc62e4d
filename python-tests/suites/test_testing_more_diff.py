"""gf.testing.assert_ and assert_no_gc_cycles, checked against numpy.testing's behaviour (recorded on CPython,
replayed on GraalPy: exprcheck.py) and by hand."""
import gc

import pytest

import gilfree as gf
from exprcheck import check

pytestmark = pytest.mark.numpy_answers


class _Cycle:
    def __init__(self):
        self.me = self


def _leaves_a_cycle():
    _Cycle()


def _no_cycle():
    return [1, 2, 3]


def _message(m, val, msg):
    try:
        m.testing.assert_(val, msg)
    except AssertionError as e:
        return str(e)
    return None


ASSERT_CASES = {
    "assert_ true": lambda m: m.testing.assert_(1, "never shown"),
    "assert_ false": lambda m: _message(m, 0, "shown"),
    "assert_ false callable": lambda m: _message(m, [], lambda: "made " + "late"),
    "assert_ false default": lambda m: _message(m, False, ""),
    "assert_ false not callable": lambda m: _message(m, None, 42),
    "assert_ array truth": lambda m: m.testing.assert_(m.asarray([1, 2]), "ambiguous"),
    "no cycles call": lambda m: m.testing.assert_no_gc_cycles(_no_cycle),
}


@pytest.mark.parametrize("name", sorted(ASSERT_CASES))
def test_assert_and_assert_no_gc_cycles_match_numpy(name):
    check("testing-more", name, fn=ASSERT_CASES[name])


@pytest.mark.skipif(gf.runtime != "cpython", reason="cycles are told apart only where reference counting frees "
                                                     "the rest (CPython); GraalPy skips the check, as NumPy on PyPy")
def test_a_reference_cycle_fails_on_a_reference_counting_runtime():
    with pytest.raises(AssertionError, match="Reference cycles were found when calling _leaves_a_cycle"):
        gf.testing.assert_no_gc_cycles(_leaves_a_cycle)
    with pytest.raises(AssertionError, match="1 objects were collected"):
        with gf.testing.assert_no_gc_cycles():
            _Cycle()
    assert gc.isenabled() and gc.garbage == []


def test_no_cycle_passes_and_the_collector_is_left_as_found():
    debug = gc.get_debug()
    with gf.testing.assert_no_gc_cycles():
        x = gf.arange(10) * 2
    assert x.tolist()[-1] == 18
    assert gf.testing.assert_no_gc_cycles(_no_cycle) is None
    assert gc.isenabled() and gc.get_debug() == debug
