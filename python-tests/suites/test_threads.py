"""Thread-safety contract, rules 1 and 2 (DESIGN.md), NumPy-test style: several threads start together
on a barrier and each must get the result of the same work done serially. Plus: an error inside the
engine in one thread leaves the other threads and the engine itself unaffected.

Exactness. Work made of element-wise add/subtract/multiply/divide/negative, integer work and element
get/set is deterministic, and threads must reproduce the serial result bit for bit. Work that goes
through ``exp`` or a float sum/mean is compared within ``DRIFT_REL`` instead: the engine's results for
those change by an ulp within one process once the JVM's JIT compiles the kernels (Vector API ``EXP``
and lane reductions are not bit-identical between interpreted and compiled code; reported as a bug).
A race (a wrong operand, a foreign ``out=``, a torn scalar) moves results by far more than that.
"""
import threading

import pytest

import gilfree as gf
from oracle import values_equal
from threadkit import run_threads

N_THREADS = 4
ITERS = 8
SIZES = [7, 3_000]  # a short array (scalar tails) and a longer one (vector loops, pairwise sums)
DRIFT_REL = 1e-13    # see the module doc: ulp-level drift of exp and float sums, nothing more


def assert_matches_serial(threaded, serial, rel=0.0):
    assert len(threaded) == len(serial)
    for i, (got, want) in enumerate(zip(threaded, serial)):
        assert values_equal(got, want, rel), f"thread {i} differs from the serial run (rel={rel})"


def serial_reference(fn):
    """fn() run twice on this thread, for deterministic work: the two runs must agree exactly."""
    first = fn()
    assert fn() == first, "the serial work gives different results from run to run"
    return first


# ===================================================================== the helper itself

def test_run_threads_returns_results_in_thread_order():
    seen = []
    lock = threading.Lock()

    def fn(i, barrier):
        barrier.wait()
        with lock:
            seen.append(threading.get_ident())
        return i * 10
    assert run_threads(N_THREADS, fn) == [0, 10, 20, 30]
    assert len(set(seen)) == N_THREADS and threading.get_ident() not in seen


def test_run_threads_propagates_a_worker_exception():
    def fn(i, barrier):
        if i == 2:
            raise KeyError("boom in worker 2")
        barrier.wait()  # the others wait for worker 2, which never comes: they must not hang
        return i
    with pytest.raises(KeyError, match="boom in worker 2"):
        run_threads(N_THREADS, fn, timeout=30)


# ===================================================================== rule 1: arrays owned by one thread each

def _own_work(seed, size, barrier=None):
    """The per-thread work of NumPy's thread tests: exp into out=, in-place add, element update by mean."""
    a = gf.arange(size) / size + seed * 0.25
    o = gf.zeros(size)
    a_id, o_id = id(a), id(o)
    means = []
    for _ in range(ITERS):
        r = gf.exp(a, out=o)
        assert r is o
        a += 0.01
        a[0] += a.mean() * 0.01
        means.append(float(a.mean()))
        if barrier is not None:
            barrier.wait()
    assert id(a) == a_id and id(o) == o_id
    assert (a.dtype, o.dtype, a.shape, o.shape) == ("float64", "float64", (size,), (size,))
    return a.tolist(), o.tolist(), means, float(gf.sum(o))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lockstep", [True, False], ids=["lockstep", "free-running"])
def test_own_arrays_exp_inplace_mean_give_the_serial_result(size, lockstep):
    serial = [_own_work(i, size) for i in range(N_THREADS)]
    assert len({s[3] for s in serial}) == N_THREADS  # the threads really do different work
    threaded = run_threads(N_THREADS, lambda i, b: _own_work(i, size, b if lockstep else None))
    assert_matches_serial(threaded, serial, rel=DRIFT_REL)


def _own_exact_float_work(seed, size, barrier=None):
    """Deterministic float work: element-wise arithmetic with scalars, arrays, broadcasting and out=."""
    a = gf.arange(size).reshape(size, 1) / 8.0 + seed
    row = gf.asarray([0.5, -1.25, 3.0])
    o = gf.zeros((size, 3))
    for it in range(ITERS):
        assert gf.multiply(a, row, out=o) is o        # (size,1) * (3,) -> (size,3)
        o += a
        o /= 2.0
        a *= 1.5
        a -= gf.negative(a) * 0.25
        a[it % size, 0] = o[it % size, it % 3] - seed
        if barrier is not None:
            barrier.wait()
    return a.tolist(), o.tolist()


@pytest.mark.parametrize("size", [5, 2_000])
def test_own_arrays_elementwise_float_work_is_exact(size):
    serial = serial_reference(lambda: [_own_exact_float_work(i, size) for i in range(N_THREADS)])
    threaded = run_threads(N_THREADS, lambda i, b: _own_exact_float_work(i, size, b))
    assert_matches_serial(threaded, serial)


def _own_int_work(seed, barrier=None):
    a = gf.arange(1000).reshape(10, 100) * (seed + 1)
    col = gf.arange(10).reshape(10, 1)
    for _ in range(ITERS):
        a += col
        a -= seed
        a *= 3
        b = a + gf.arange(100)  # broadcast (10,100) + (100,)
        a[seed, seed] = int(gf.sum(b)) % 1000
        if barrier is not None:
            barrier.wait()
    return a.tolist(), int(a.sum())


def test_own_int_arrays_with_broadcasting_give_the_serial_result():
    serial = serial_reference(lambda: [_own_int_work(i) for i in range(N_THREADS)])
    threaded = run_threads(N_THREADS, _own_int_work)
    assert_matches_serial(threaded, serial)


# ===================================================================== rule 2: arrays shared read-only

@pytest.mark.parametrize("size", SIZES)
def test_shared_read_only_input_gives_every_thread_the_serial_result(size):
    x = gf.arange(size) / 7.0 - 3.0
    x2d = x.reshape(1, size)
    before = x.tolist()
    # Exact: element-wise arithmetic and element reads.
    want_add = gf.add(x, x).tolist()
    want_bcast = (x2d * gf.ones((3, 1))).tolist()
    want_items = [x[0], x[size // 2], x[-1]]
    # Within DRIFT_REL: exp and float reductions.
    want_exp = gf.exp(x).tolist()
    want_sum = float(gf.sum(x))
    want_mean = float(x.mean())

    def reader(i, barrier):
        exact, drift = [], []
        for _ in range(ITERS):
            barrier.wait()
            exact.append((gf.add(x, x).tolist(), (x2d * gf.ones((3, 1))).tolist(), [x[0], x[size // 2], x[-1]]))
            drift.append((gf.exp(x).tolist(), float(gf.sum(x)), float(x.mean())))
        return exact, drift

    for i, (exact, drift) in enumerate(run_threads(N_THREADS, reader)):
        for it in range(ITERS):
            assert exact[it] == (want_add, want_bcast, want_items), f"thread {i}, iteration {it}"
            assert values_equal(drift[it], (want_exp, want_sum, want_mean), DRIFT_REL), f"thread {i}, iteration {it}"
    assert x.tolist() == before and x.shape == (size,) and x.dtype == "float64"


def test_shared_input_read_while_each_thread_writes_its_own_out():
    x = gf.arange(3000) / 100.0
    want_exp = gf.exp(x).tolist()
    want_neg = gf.negative(x).tolist()
    want_sum = (x + x * 2.0).tolist()

    def fn(i, barrier):
        o = gf.zeros(3000)
        for _ in range(ITERS):
            barrier.wait()
            assert gf.exp(x, out=o) is o
            assert values_equal(o.tolist(), want_exp, DRIFT_REL)
            assert gf.negative(x, out=(o,)) is o
            assert o.tolist() == want_neg
            assert gf.add(x, gf.multiply(x, 2.0), o) is o
            assert o.tolist() == want_sum
        return True
    assert run_threads(N_THREADS, fn) == [True] * N_THREADS


# ===================================================================== errors in one thread

def test_engine_error_in_one_thread_does_not_affect_the_others():
    size = 2000
    serial = serial_reference(lambda: [_own_exact_float_work(i, size) for i in range(1, N_THREADS)])

    def fn(i, barrier):
        if i == 0:
            caught = []
            for _ in range(ITERS):
                with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(3,\) \(4,\)"):
                    gf.add(gf.ones(3), gf.ones(4))
                with pytest.raises(IndexError, match="out of bounds"):
                    gf.arange(3)[7]
                with pytest.raises(TypeError, match="Cannot cast ufunc 'add' output"):
                    a = gf.arange(3)
                    a += 1.5
                with pytest.raises(ValueError, match="non-broadcastable output operand"):
                    gf.add(gf.ones((2, 3)), 1.0, out=gf.zeros(3))
                caught.append(4)
                barrier.wait()
            return caught
        return _own_exact_float_work(i, size, barrier)

    results = run_threads(N_THREADS, fn)
    assert results[0] == [4] * ITERS
    assert_matches_serial(results[1:], serial)


def test_each_thread_raising_concurrently_then_engine_keeps_working():
    errors = [
        (ValueError, lambda: gf.multiply(gf.ones((2, 3)), gf.ones((3, 2)))),
        (IndexError, lambda: gf.zeros((2, 2))[0, 2]),
        (TypeError, lambda: gf.zeros(3, dtype="no-such-dtype")),
        (OverflowError, lambda: gf.arange(3) + 2**64),
    ]

    def fn(i, barrier):
        exc_type, call = errors[i % len(errors)]
        names = []
        for _ in range(ITERS):
            barrier.wait()
            try:
                call()
            except exc_type as e:
                names.append(type(e).__name__)
            # The thread's own engine work still works right after its error.
            assert (gf.arange(4) * 2).tolist() == [0, 2, 4, 6]
        return names

    results = run_threads(N_THREADS, fn)
    assert results == [[errors[i % len(errors)][0].__name__] * ITERS for i in range(N_THREADS)]
    # ... and so does the engine, from the main thread, afterwards.
    a = gf.arange(6).reshape(2, 3) + gf.asarray([[0.5], [1.5]])
    assert a.tolist() == [[0.5, 1.5, 2.5], [4.5, 5.5, 6.5]]
    assert gf.sum(a) == 21.0 and gf.exp(gf.zeros(2)).tolist() == [1.0, 1.0]
