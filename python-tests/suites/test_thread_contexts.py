"""Contract point 6: errstate and print options are per thread (contextvars), never shared."""
import threading
import warnings

import pytest

import gilfree as gf
from threadkit import run_threads


def test_errstate_set_in_one_thread_does_not_reach_another():
    ready, done = threading.Event(), threading.Event()
    seen = {}

    def strict():
        with gf.errstate(divide="raise"):
            ready.set()
            done.wait(30)
            with pytest.raises(FloatingPointError):
                gf.divide(gf.ones(2), gf.zeros(2))
            seen["strict"] = gf.geterr()["divide"]

    t = threading.Thread(target=strict)
    t.start()
    assert ready.wait(30)
    try:
        assert gf.geterr()["divide"] == "warn"  # this thread keeps the default
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = gf.divide(gf.ones(2), gf.zeros(2))  # warns here, does not raise
        assert r.tolist() == [float("inf")] * 2
        assert any(issubclass(x.category, RuntimeWarning) for x in w)
    finally:
        done.set()
        t.join(30)
    assert seen == {"strict": "raise"}


def test_many_threads_each_with_their_own_errstate():
    modes = ["ignore", "warn", "raise", "ignore"]

    def body(i, barrier):
        with gf.errstate(invalid=modes[i]):
            barrier.wait()
            got = gf.geterr()["invalid"]
            barrier.wait()
            return got

    assert run_threads(len(modes), body) == modes


def test_print_options_set_in_one_thread_do_not_reach_another():
    a = gf.asarray([1.0 / 3.0, 2.0 / 3.0])
    default_repr = repr(a)

    def body(i, barrier):
        if i == 0:
            with gf.printoptions(precision=2):
                barrier.wait()
                mine = repr(a)
                barrier.wait()
                return mine, gf.get_printoptions()["precision"]
        barrier.wait()
        other = repr(a)
        barrier.wait()
        return other, gf.get_printoptions()["precision"]

    (r0, p0), (r1, p1) = run_threads(2, body)
    assert (r0, p0) == ("array([0.33, 0.67])", 2)
    assert (r1, p1) == (default_repr, 8)
    assert default_repr == "array([0.33333333, 0.66666667])"
