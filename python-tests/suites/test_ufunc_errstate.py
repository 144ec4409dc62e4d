"""Floating-point error handling: errstate/seterr/geterr/seterrcall, NumPy's warning texts, per-thread state.

Runs on both runtimes with hand-written expectations (the messages are NumPy 2's)."""
import math
import threading
import warnings

import pytest

import gilfree as gf

CASES = [  # (call, expected conditions in NumPy's words)
    (lambda: gf.divide(gf.asarray([1.0, -1.0]), 0.0), ["divide by zero encountered in divide"]),
    (lambda: gf.divide(gf.asarray([0.0]), 0.0), ["invalid value encountered in divide"]),
    (lambda: gf.log(gf.asarray([0.0, 1.0])), ["divide by zero encountered in log"]),
    (lambda: gf.log(gf.asarray([-1.0])), ["invalid value encountered in log"]),
    (lambda: gf.sqrt(gf.asarray([-4.0])), ["invalid value encountered in sqrt"]),
    (lambda: gf.exp(gf.asarray([1000.0])), ["overflow encountered in exp"]),
    (lambda: gf.multiply(gf.asarray([1e300]), 1e300), ["overflow encountered in multiply"]),
    (lambda: gf.add(gf.asarray([3e38], dtype="float32"), gf.asarray([3e38], dtype="float32")),
     ["overflow encountered in add"]),
    (lambda: gf.floor_divide(gf.asarray([1, 2], dtype="int32"), 0), ["divide by zero encountered in floor_divide"]),
    (lambda: gf.remainder(gf.asarray([5], dtype="int64"), 0), ["divide by zero encountered in remainder"]),
    (lambda: gf.remainder(gf.asarray([5.0]), 0.0), ["invalid value encountered in remainder"]),
    (lambda: gf.arccos(gf.asarray([2.0])), ["invalid value encountered in arccos"]),
    (lambda: gf.arctanh(gf.asarray([1.0])), ["divide by zero encountered in arctanh"]),
    (lambda: gf.subtract(gf.asarray([math.inf]), math.inf), ["invalid value encountered in subtract"]),
]


def _messages(rec):
    return sorted(str(w.message) for w in rec if issubclass(w.category, RuntimeWarning))


@pytest.mark.parametrize("i", range(len(CASES)))
def test_warns_with_numpys_message(i):
    fn, msgs = CASES[i]
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        fn()
    assert _messages(rec) == sorted(msgs)


@pytest.mark.parametrize("i", range(len(CASES)))
def test_raise_and_ignore(i):
    fn, msgs = CASES[i]
    with gf.errstate(all="raise"):
        with pytest.raises(FloatingPointError, match=msgs[0]):
            fn()
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        with gf.errstate(all="ignore"):
            fn()
    assert _messages(rec) == []


def test_no_warning_without_condition_and_nan_inputs_are_quiet():
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        gf.add(gf.asarray([math.nan, math.inf]), 1.0)
        gf.log(gf.asarray([math.nan]))
        gf.divide(gf.arange(100.0), 3.0)
    assert _messages(rec) == []


def test_values_are_returned_despite_warnings():
    with gf.errstate(all="ignore"):
        r = gf.divide(gf.asarray([1.0, -1.0, 0.0]), 0.0).tolist()
    assert r[0] == math.inf and r[1] == -math.inf and math.isnan(r[2])
    with gf.errstate(all="ignore"):
        assert gf.floor_divide(gf.asarray([7, -7], dtype="int8"), 0).tolist() == [0, 0]
        assert gf.remainder(gf.asarray([7, -7], dtype="int8"), 0).tolist() == [0, 0]


def test_seterr_geterr_roundtrip():
    old = gf.geterr()
    assert old == {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
    try:
        prev = gf.seterr(all="raise", under="ignore")
        assert prev == old
        assert gf.geterr() == {"divide": "raise", "over": "raise", "under": "ignore", "invalid": "raise"}
        with pytest.raises(FloatingPointError):
            gf.log(gf.asarray([0.0]))
    finally:
        gf.seterr(**old)
    assert gf.geterr() == old
    with pytest.raises(ValueError):
        gf.seterr(divide="loud")


def test_call_mode_and_decorator():
    seen = []
    with gf.errstate(divide="call", call=lambda kind, flag: seen.append((kind, flag))):
        gf.log(gf.asarray([0.0]))
    assert seen == [("divide by zero", 1)]

    @gf.errstate(invalid="raise")
    def f():
        return gf.sqrt(gf.asarray([-1.0]))
    with pytest.raises(FloatingPointError, match="invalid value encountered in sqrt"):
        f()
    assert gf.geterr()["invalid"] == "warn"


def test_errstate_is_per_thread():
    results = {}
    barrier = threading.Barrier(2)

    def raiser():
        with gf.errstate(all="raise"):
            barrier.wait()
            try:
                gf.log(gf.asarray([0.0]))
                results["raiser"] = "no error"
            except FloatingPointError:
                results["raiser"] = "raised"
            barrier.wait()

    def quiet():
        with gf.errstate(all="ignore"):
            barrier.wait()
            with warnings.catch_warnings(record=True) as rec:
                warnings.simplefilter("always")
                gf.log(gf.asarray([0.0]))
            results["quiet"] = len(rec)
            barrier.wait()

    ts = [threading.Thread(target=raiser), threading.Thread(target=quiet)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert results == {"raiser": "raised", "quiet": 0}
    assert gf.geterr()["divide"] == "warn"
