"""Running a function on several threads at once, NumPy-test style, with worker errors reaching the test."""
import threading

#: Seconds a run may take before it counts as hung (generous: CI machines can be slow and loaded).
TIMEOUT = 120.0


class WorkerHung(AssertionError):
    pass


def run_threads(n, fn, timeout=TIMEOUT):
    """Runs ``fn(i, barrier)`` on threads i = 0..n-1 that start together, and returns their results
    in thread order.

    `barrier` is a ``threading.Barrier(n)`` the workers may wait on between steps to line up their work.
    The first exception raised in a worker is re-raised here (the others are attached as notes), after
    the barrier is aborted so no sibling waits for it forever; a worker still running after `timeout`
    seconds fails the test as a hang.
    """
    barrier = threading.Barrier(n, timeout=timeout)
    start = threading.Barrier(n, timeout=timeout)
    results = [None] * n
    errors = []
    lock = threading.Lock()

    def worker(i):
        try:
            start.wait()
            results[i] = fn(i, barrier)
        except threading.BrokenBarrierError as e:
            with lock:
                errors.append((i, e, True))
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            with lock:
                errors.append((i, e, False))
            barrier.abort()
            start.abort()

    threads = [threading.Thread(target=worker, args=(i,), name=f"gilfree-test-{i}", daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    alive = [t.name for t in threads if t.is_alive()]
    if alive:
        barrier.abort()
        raise WorkerHung(f"threads still running after {timeout} s: {alive}")
    if errors:
        # Prefer a real error over the BrokenBarrierError it caused in the siblings.
        errors.sort(key=lambda e: e[2])
        i, first, _ = errors[0]
        for j, other, _ in errors[1:]:
            if hasattr(first, "add_note"):
                first.add_note(f"thread {j} also raised {type(other).__name__}: {other}")
        if hasattr(first, "add_note"):
            first.add_note(f"raised in worker thread {i} of {n}")
        raise first
    return results
