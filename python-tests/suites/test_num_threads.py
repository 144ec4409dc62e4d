"""gf.set_num_threads / get_num_threads: large operations split across cores give the same results as
one thread (exact operations bit for bit), 1 means single-threaded, bad values raise like NumPy would."""
import threading

import pytest

import gilfree as gf

BIG = 300_001  # above the engine's split threshold (131,072 elements), not a multiple of a chunk


@pytest.fixture
def restore_threads():
    before = gf.get_num_threads()
    yield
    gf.set_num_threads(before)


@pytest.mark.thread_unsafe(reason="sets the process-wide thread count")
def test_set_and_get(restore_threads):
    assert gf.get_num_threads() >= 1
    gf.set_num_threads(1)
    assert gf.get_num_threads() == 1
    gf.set_num_threads(3)
    assert gf.get_num_threads() == 3


@pytest.mark.thread_unsafe(reason="sets the process-wide thread count")
def test_bad_values(restore_threads):
    with pytest.raises(ValueError, match="at least 1"):
        gf.set_num_threads(0)
    with pytest.raises(ValueError, match="at most 256"):
        gf.set_num_threads(100_000)
    with pytest.raises(TypeError):
        gf.set_num_threads(1.5)
    assert gf.get_num_threads() >= 1


@pytest.mark.thread_unsafe(reason="sets the process-wide thread count")
def test_split_results_equal_single_thread(restore_threads):
    a = gf.arange(BIG, dtype=gf.float64) * 0.5 - 7.25
    b = gf.arange(BIG, dtype=gf.float64)[::-1]
    gf.set_num_threads(1)
    one = ((a * b + a) / 3.0).tolist(), gf.sum(gf.arange(BIG, dtype=gf.float64)), (a > 10).tolist()
    gf.set_num_threads(4)
    four = ((a * b + a) / 3.0).tolist(), gf.sum(gf.arange(BIG, dtype=gf.float64)), (a > 10).tolist()
    assert one[0] == four[0]
    assert one[1] == four[1] == BIG * (BIG - 1) / 2  # integers: exact in any order
    assert one[2] == four[2]


def test_many_python_threads_on_split_operations():
    # Each thread's large operations split across the shared pool while the others do the same: every
    # thread still gets its own exact result (no chunk lost to, or taken from, another operation).
    results = [None] * 4
    barrier = threading.Barrier(4)

    def work(i):
        x = gf.full(BIG, float(i + 1))
        barrier.wait()
        for _ in range(5):
            x = x + 1.0
        results[i] = (float(gf.sum(x)), float(x[BIG // 2]))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [(BIG * (i + 6.0), i + 6.0) for i in range(4)]
