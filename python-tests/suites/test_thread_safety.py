"""The thread-safety contract of docs/thread-safety.md, point by point, NumPy-test style: many threads
start together on a barrier, repeat their work many times, and the test checks what every thread saw.

Nothing here measures time: parallelism is proven with the engine's overlap gauge
(gilfree.diagnostics), "in use by another thread" is made deterministic with diagnostics.hold.
Tests that change process-wide state (borrow checking mode, the gauge's reset) carry the
``thread_unsafe`` marker so pytest-run-parallel runs them on one thread.
"""
import gc
import threading

import pytest

import gilfree as gf

N_THREADS = 8
ITERS = 20
TIMEOUT = 120.0
RESIZE_MSG = "cannot resize an array that references or is referenced"


@pytest.fixture
def iters(request):
    """Iterations per test: ITERS, fewer when pytest-run-parallel already runs the test on several threads."""
    n = getattr(request.config.option, "parallel_threads", 1)
    n = n if isinstance(n, int) else 4
    return max(4, ITERS // max(n, 1))


def run_threads(n, fn, timeout=TIMEOUT, names=None):
    """fn(i, barrier) on n threads that start together; results in thread order; first error re-raised."""
    barrier = threading.Barrier(n, timeout=timeout)
    results, errors = [None] * n, []

    def worker(i):
        try:
            barrier.wait()
            results[i] = fn(i, barrier)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            errors.append((i, e))
            barrier.abort()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True,
                                name=names[i] if names else f"ts-worker-{i}") for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    assert not [t.name for t in threads if t.is_alive()], "a worker hung"
    real = [(i, e) for i, e in errors if not isinstance(e, threading.BrokenBarrierError)]
    if real or errors:
        i, e = (real or errors)[0]
        raise AssertionError(f"worker {i} raised {type(e).__name__}: {e}") from e
    return results


def assert_consistent(a, shape, dtype="float64"):
    assert a.shape == shape and a.dtype == dtype and a.ndim == len(shape)
    assert len(a.tolist()) == (shape[0] if shape else 0) or not shape
    itemsize = gf.dtype(dtype).itemsize
    expected, s = [], itemsize
    for d in reversed(shape):
        expected.insert(0, s)
        s *= max(d, 1)
    assert a.strides == tuple(expected)


# ============================================================ point 1: parallel work, proven by the gauge

@pytest.mark.parametrize("n", [2, 4])
def test_rendezvous_inside_the_engine_reaches_n_threads(n):
    # Each call is one engine operation that returns once n operations run at the same moment: n Python
    # threads can only get there if the runtime released the GIL around the call.
    seen = run_threads(n, lambda i, b: gf.diagnostics.rendezvous(n, timeout=60))
    assert all(s >= n for s in seen), seen
    assert gf.diagnostics.max_concurrent_ops() >= n


@pytest.mark.thread_unsafe(reason="resets the process-wide overlap gauge")
def test_two_threads_running_ufuncs_overlap_in_the_engine():
    size = 300_000
    stop = threading.Event()
    gf.diagnostics.reset()

    def work(i, barrier):
        x = gf.arange(size) / size + i
        o = gf.zeros(size)
        for it in range(400):
            if stop.is_set():
                return it
            gf.exp(x, out=o)
            gf.multiply(o, 0.5, out=o)
            if gf.diagnostics.max_concurrent_ops() >= 2:
                stop.set()
        return 400

    run_threads(2, work)
    assert gf.diagnostics.max_concurrent_ops() >= 2
    assert gf.diagnostics.active_ops() >= 0


def test_gauge_counts_operations_in_flight():
    x = gf.arange(10.0)
    with gf.diagnostics.hold(x):
        assert gf.diagnostics.active_ops() >= 1
        assert gf.diagnostics.max_concurrent_ops() >= 1


# ============================================================ point 2: shared read-only inputs

@pytest.mark.parametrize("frozen", [False, True], ids=["plain", "frozen"])
def test_shared_read_only_inputs_give_every_thread_the_serial_result(frozen, iters):
    x = gf.arange(2_000) / 3.0 - 100.0
    y = gf.arange(1_000).reshape(20, 50)
    if frozen:
        x.freeze()
        y.freeze()
    want = ((x * 2.0 + x).tolist(), gf.negative(y).tolist(), int(gf.sum(y)), (y * 3 - 1).tolist(),
            [x[0], x[1_000], x[-1]])
    before = (x.tolist(), y.tolist())

    def reader(i, barrier):
        out = []
        for _ in range(max(2, iters // 4)):
            barrier.wait()
            out.append(((x * 2.0 + x).tolist(), gf.negative(y).tolist(), int(gf.sum(y)), (y * 3 - 1).tolist(),
                        [x[0], x[1_000], x[-1]]))
        return out

    for i, res in enumerate(run_threads(N_THREADS, reader)):
        for it, got in enumerate(res):
            assert got == want, f"thread {i}, iteration {it}"
    assert (x.tolist(), y.tolist()) == before


# ============================================================ point 3: racing writers and readers

@pytest.mark.parametrize("dtype", ["float64", "int64"])
def test_racing_writers_and_readers_keep_metadata_and_values_from_the_written_set(dtype, iters):
    n = 4_096
    x = gf.zeros(n, dtype=dtype)
    values = [float(10 * (i + 1)) if dtype == "float64" else 10 * (i + 1) for i in range(N_THREADS)]
    allowed = set(values) | {0}

    def fn(i, barrier):
        v = values[i]
        mine = gf.full(n, v, dtype=dtype)
        minus = gf.negative(mine)
        seen_bad = []
        for it in range(iters):
            barrier.wait()
            if i % 2 == 0:   # writers: every write path stores only this thread's value
                x.fill(v)
                gf.multiply(mine, 1, out=x)
                gf.negative(minus, out=x)
                x[it % n] = v
                x[-1] = v
            else:            # readers: whole-array reads and element reads while the writers run
                vals = x.tolist()
                total = gf.sum(x)
                doubled = (x + x).tolist()
                seen_bad += [e for e in vals if e not in allowed]
                seen_bad += [e for e in doubled if e / 2 not in allowed]
                assert 0 <= total <= max(values) * n
                assert x[n // 2] in allowed
            assert_consistent(x, (n,), dtype)
        return seen_bad

    for i, bad in enumerate(run_threads(N_THREADS, fn)):
        assert bad == [], f"thread {i} read values no thread wrote: {bad[:5]}"
    assert_consistent(x, (n,), dtype)
    assert set(x.tolist()) <= allowed


def test_racing_in_place_operators_never_corrupt_the_array(iters):
    x = gf.zeros((64, 64))
    view = x.reshape(4096)

    def fn(i, barrier):
        nonlocal x, view
        for _ in range(iters):
            barrier.wait()
            x += 1.0
            view *= 1.0
            gf.add(x, x, out=x)
            x -= x
            assert x.shape == (64, 64) and view.shape == (4096,)
        return True

    assert run_threads(N_THREADS, fn) == [True] * N_THREADS
    assert_consistent(x, (64, 64))
    assert all(v == v for v in view.tolist())  # no NaN from torn doubles


# ============================================================ point 4: resize in place

def test_resize_refuses_while_a_view_is_alive_and_works_once_it_is_gone():
    a = gf.arange(6.0)
    v = a.reshape(2, 3)
    with pytest.raises(ValueError, match=RESIZE_MSG):
        a.resize(10)
    assert a.shape == (6,) and v.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    del v
    gc.collect()
    a.resize(8)
    assert a.shape == (8,) and a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 0.0]
    a.resize((2, 2))
    assert a.shape == (2, 2) and a.tolist() == [[0.0, 1.0], [2.0, 3.0]]
    a.resize(3, 1)
    assert a.shape == (3, 1) and a.tolist() == [[0.0], [1.0], [2.0]]


def test_resize_refuses_while_another_thread_runs_an_operation_on_it():
    a = gf.arange(5.0)
    with gf.diagnostics.hold(a, op="sum", thread_name="reader-A"):
        with pytest.raises(ValueError, match=RESIZE_MSG):
            a.resize(100)
        assert a.shape == (5,)
    a.resize(7)
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 0.0, 0.0]


def test_resize_refuses_while_exported_and_on_views_and_frozen_arrays():
    a = gf.arange(4.0)
    ts = gf._bridge.ThreadSafety
    ts.setExported(a._j, True)  # what a buffer/NumPy export does (the exchange calls this)
    try:
        with pytest.raises(ValueError, match=RESIZE_MSG):
            a.resize(2)
    finally:
        ts.setExported(a._j, False)
    a.resize(2)
    assert a.tolist() == [0.0, 1.0]
    base = gf.arange(6.0)
    view = base.reshape(3, 2)
    with pytest.raises(ValueError, match="cannot resize this array: it does not own its data"):
        view.resize(2)
    f = gf.arange(3.0).freeze()
    with pytest.raises(ValueError, match="assignment destination is read-only"):
        f.resize(5)
    assert f.shape == (3,)


def test_resize_with_refcheck_false_never_frees_memory_a_view_uses():
    a = gf.arange(1_000.0)
    v = a.reshape(10, 100)
    a.resize(10, refcheck=False)
    assert a.tolist() == [float(i) for i in range(10)]
    gc.collect()
    assert v.shape == (10, 100) and float(gf.sum(v)) == 499_500.0  # the view keeps the old memory
    a[0] = -1.0
    assert v.tolist()[0][0] == 0.0  # and the two no longer share it


def test_resize_under_live_readers_never_crashes_and_metadata_stays_consistent(iters):
    a = gf.arange(2_000.0)
    sizes = (2_000, 500, 3_000)
    outcomes = {"resized": 0, "refused": 0}
    lock = threading.Lock()

    def fn(i, barrier):
        seen = []
        for it in range(iters):
            barrier.wait()
            if i == 0:
                try:
                    a.resize(sizes[it % 3])
                    key = "resized"
                except ValueError as e:
                    assert RESIZE_MSG in str(e)
                    key = "refused"
                with lock:
                    outcomes[key] += 1
            else:
                vals = a.tolist()
                s = float(gf.sum(a))
                e = gf.exp(a * 0.0)
                seen.append(len(vals))
                assert len(vals) in sizes and e.shape[0] in sizes
                assert s >= 0.0
                shape = a.shape
                assert shape[0] in sizes and a.ndim == 1 and a.dtype == "float64"
        return seen

    for seen in run_threads(N_THREADS, fn)[1:]:
        assert set(seen) <= set(sizes)
    assert outcomes["resized"] + outcomes["refused"] == iters
    assert a.shape[0] in sizes and len(a.tolist()) == a.shape[0] == a.size


# ============================================================ point 5: shared iterators

def test_shared_iterator_over_a_1d_array_never_crashes():
    n = 2_000
    a = gf.arange(n)
    it = iter(a)
    got = run_threads(N_THREADS, lambda i, b: [int(v) for v in it])
    flat = [v for g in got for v in g]
    assert set(flat) <= set(range(n))
    assert len(flat) >= 1


def test_shared_iterator_over_rows_of_a_2d_array_never_crashes():
    a = gf.arange(600).reshape(300, 2)
    it = iter(a)
    got = run_threads(N_THREADS, lambda i, b: [r.tolist() for r in it])
    rows = [r for g in got for r in g]
    assert all(r in ([2 * k, 2 * k + 1] for k in range(300)) for r in rows[:50])
    assert len(rows) <= 300 + N_THREADS and all(len(r) == 2 for r in rows)


def test_frozen_arrays_report_and_keep_flags_writeable_false():
    a = gf.arange(3.0).freeze()
    assert a.flags.writeable is False
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag to True"):
        a.flags.writeable = True
    with pytest.raises(ValueError, match="read-only"):
        a[0] = 1.0


@pytest.mark.parametrize("resize", [False, True], ids=["plain", "resized-meanwhile"])
def test_shared_flat_iterator_may_repeat_or_skip_but_never_crashes(resize):
    a = gf.arange(1_200).reshape(30, 40) if not resize else gf.arange(1_200)
    flat = a.flat
    assert len(flat) == 1_200 and flat[-1] == 1_199

    def fn(i, barrier):
        out = []
        for v in flat:
            out.append(int(v))
            if resize and i == 0 and len(out) == 10:
                try:
                    a.resize(3)
                except ValueError as e:   # another thread's read was running: refused, fine
                    assert RESIZE_MSG in str(e)
        return out

    got = run_threads(N_THREADS, fn)
    values = [v for g in got for v in g]
    assert set(values) <= set(range(1_200))     # only elements of the array the iterator started on
    assert len(values) <= 1_200 + N_THREADS     # each thread repeats at most the element it raced on
    with pytest.raises(StopIteration):
        next(flat)


# ============================================================ point 7a: freeze

def test_freeze_makes_every_write_path_raise_like_a_read_only_numpy_array():
    a = gf.arange(6.0)
    assert a.freeze() is a and a.frozen and gf.is_frozen(a)
    ro = "assignment destination is read-only"
    for write in (lambda: a.__setitem__(0, 1.0), lambda: a.fill(0), lambda: gf.add(a, 1.0, out=a),
                  lambda: gf.exp(gf.zeros(6), out=a), lambda: gf.negative(a, a)):
        with pytest.raises(ValueError, match=ro):
            write()
    for op in ("__iadd__", "__isub__", "__imul__", "__itruediv__"):
        with pytest.raises(ValueError, match=ro):
            getattr(a, op)(2.0)
    with pytest.raises(ValueError, match=ro):
        a.resize(3)
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert (a + 1).tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] and not (a + 1).frozen  # results are new arrays
    assert not a.copy().frozen


def test_freeze_applies_to_every_view_of_the_memory_both_ways():
    base = gf.arange(6.0)
    view = base.reshape(2, 3)
    view.freeze()
    assert base.frozen and view.frozen
    with pytest.raises(ValueError, match="read-only"):
        base[0] = 7.0
    later = base.reshape(3, 2)
    assert later.frozen
    with pytest.raises(ValueError, match="read-only"):
        later[0, 0] = 7.0
    assert base.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]


def test_freeze_while_writers_run_no_write_lands_after_it_returns():
    x = gf.zeros(4_000)
    frozen = threading.Event()
    refusals = [0] * N_THREADS

    def fn(i, barrier):
        if i == 0:
            barrier.wait()
            for _ in range(5):
                gf.sum(x)
            x.freeze()
            snap = x.tolist()
            frozen.set()
            return snap
        mine = gf.full(4_000, float(i))
        barrier.wait()
        while True:
            try:
                gf.multiply(mine, 1.0, out=x)
                x[i] = float(i)
                gf.add(x, 0.0, out=x)
            except ValueError as e:
                assert "read-only" in str(e)
                refusals[i] += 1
                if frozen.is_set():
                    return None
            if frozen.is_set() and refusals[i] == 0:
                continue

    snap = run_threads(N_THREADS, fn)[0]
    assert x.tolist() == snap
    assert all(r >= 1 for r in refusals[1:])


# ============================================================ point 7b: borrow checking

def _in_thread(name, fn):
    """Runs fn() in a thread called `name`; returns (thread, started, finish) events for lock-step tests."""
    started, finish, box = threading.Event(), threading.Event(), {}

    def run():
        try:
            fn(started, finish)
        except BaseException as e:  # noqa: BLE001
            box["error"] = e
            started.set()

    t = threading.Thread(target=run, name=name, daemon=True)
    t.start()
    assert started.wait(60)
    return t, finish, box


def test_borrow_mut_in_one_thread_makes_other_threads_reads_and_writes_raise():
    a = gf.arange(8.0)

    def writer(started, finish):
        with a.borrow_mut():
            started.set()
            finish.wait(60)
            a[0] = 42.0   # the holder itself may write

    t, finish, box = _in_thread("writer-W", writer)
    try:
        me = threading.current_thread().name
        with pytest.raises(gf.BorrowError) as ei:
            gf.sum(a)
        msg = str(ei.value)
        assert f"thread '{me}'" in msg and "sum()" in msg
        assert "thread 'writer-W'" in msg and "borrow_mut()" in msg
        with pytest.raises(gf.BorrowError, match="writer-W"):
            gf.add(a, 1.0, out=a)
        with pytest.raises(gf.BorrowError, match=r"borrow\(\)"):
            with a.borrow():
                pass
        with pytest.raises(gf.BorrowError):   # a view of the same memory is the same borrow
            a.reshape(2, 4).tolist()
    finally:
        finish.set()
        t.join(60)
    assert "error" not in box
    assert a.tolist()[0] == 42.0 and float(gf.sum(a)) == 42.0 + sum(range(1, 8))


def test_shared_borrows_allow_readers_and_refuse_writers():
    a = gf.arange(4.0)

    def reader(started, finish):
        with a.borrow():
            started.set()
            finish.wait(60)

    t, finish, box = _in_thread("reader-R", reader)
    try:
        with a.borrow():                       # many readers at once
            assert a.tolist() == [0.0, 1.0, 2.0, 3.0]
        assert float(gf.sum(a)) == 6.0
        with pytest.raises(gf.BorrowError, match=r"thread 'reader-R' holds it shared \(reading\) in borrow\(\)"):
            a[1] = 5.0
        with pytest.raises(gf.BorrowError):
            gf.add(a, 1.0, out=a)
        with pytest.raises(gf.BorrowError):
            with a.borrow_mut():
                pass
        with pytest.raises(ValueError, match=RESIZE_MSG):  # borrowed by another thread: in use
            a.resize(8)
    finally:
        finish.set()
        t.join(60)
    assert "error" not in box
    a[1] = 5.0   # borrow over: writes work again
    assert a.tolist() == [0.0, 5.0, 2.0, 3.0]


def test_a_thread_never_conflicts_with_its_own_borrows():
    a = gf.arange(3.0)
    with a.borrow():
        with a.borrow_mut():
            a += 1.0
            assert a.tolist() == [1.0, 2.0, 3.0]
    assert issubclass(gf.BorrowError, RuntimeError)


@pytest.mark.thread_unsafe(reason="switches process-wide borrow checking")
def test_checked_mode_names_both_threads_and_operations():
    a = gf.arange(6.0)
    with gf.borrow_checking():
        assert gf.get_borrow_checking()
        with gf.diagnostics.hold(a, write=True, op="add", thread_name="holder-H"):
            with pytest.raises(gf.BorrowError) as ei:
                a.tolist()
            msg = str(ei.value)
            assert "thread 'holder-H'" in msg and "exclusively (writing) in add()" in msg
            assert f"thread '{threading.current_thread().name}' cannot read" in msg and "tolist()" in msg
        with gf.diagnostics.hold(a, write=False, op="sum", thread_name="holder-R"):
            assert float(gf.sum(a)) == 15.0           # reading alongside a reader is fine
            with pytest.raises(gf.BorrowError, match=r"cannot write the array in multiply\(\).*'holder-R'.*sum\(\)"):
                gf.multiply(a, 2.0, out=a)
    assert not gf.get_borrow_checking()
    assert (a * 2.0).tolist() == [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]


@pytest.mark.thread_unsafe(reason="switches process-wide borrow checking")
def test_checked_mode_racing_threads_get_borrow_errors_not_races(iters):
    x = gf.zeros(5_000)
    raised = []
    lock = threading.Lock()

    def fn(i, barrier):
        mine = gf.full(5_000, float(i + 1))
        for _ in range(iters):
            barrier.wait()
            try:
                if i % 2 == 0:
                    gf.multiply(mine, 1.0, out=x)
                else:
                    vals = set(x.tolist())
                    assert len(vals) == 1, "a read in checked mode saw a half-written array"
            except gf.BorrowError as e:
                assert "cannot" in str(e) and "holds it" in str(e)
                with lock:
                    raised.append(type(e).__name__)
        return True

    with gf.borrow_checking():
        run_threads(4, fn)
    assert set(raised) <= {"BorrowError"}
    assert_consistent(x, (5_000,))
    assert len(set(x.tolist())) == 1


# ============================================================ errors leave the engine usable

def test_errors_in_threads_leave_the_engine_usable_for_everyone(iters):
    frozen = gf.arange(3.0).freeze()
    kinds = []
    lock = threading.Lock()

    def fn(i, barrier):
        for _ in range(iters):
            barrier.wait()
            for bad, exc in ((lambda: frozen.fill(1), ValueError), (lambda: gf.ones(2) + gf.ones(3), ValueError),
                             (lambda: frozen[5], IndexError), (lambda: frozen.reshape(2, 2), ValueError)):
                try:
                    bad()
                except exc as e:
                    with lock:
                        kinds.append(type(e).__name__)
            assert (gf.arange(4) * (i + 1)).tolist() == [0, i + 1, 2 * (i + 1), 3 * (i + 1)]
        return True

    assert run_threads(N_THREADS, fn) == [True] * N_THREADS
    assert len(kinds) == N_THREADS * iters * 4
    assert gf.diagnostics.active_ops() >= 0
    assert (gf.arange(3.0) + frozen).tolist() == [0.0, 2.0, 4.0]


@pytest.mark.thread_unsafe(reason="switches process-wide borrow checking")
def test_checked_mode_names_threads_started_while_it_is_on_by_their_python_name():
    a = gf.arange(4.0)
    D = gf._bridge.Diagnostics
    with gf.borrow_checking():
        h = D.newHold()
        t = threading.Thread(target=lambda: h.run(a._j, True, "add"), name="plain-thread-P", daemon=True)
        t.start()   # never calls a gilfree naming function itself
        try:
            assert h.awaitStarted(60_000)
            with pytest.raises(gf.BorrowError, match=r"thread 'plain-thread-P' holds it exclusively \(writing\) in add\(\)"):
                gf.sum(a)
        finally:
            h.release()
            t.join(60)
    assert float(gf.sum(a)) == 6.0
