"""What a running gf.profile() costs on the thread example's workload (docs/performance.md).

    ./gilfree benchmarks/profiler_overhead.py [RUNS]          (and --runtime cpython)

Two threads each run examples/threads_speedup.py's workload (200,000 elements, 300 steps); runs with and
without a profile alternate in one process after a warm-up; prints min and median of each and the ratio.
"""
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
import threads_speedup  # noqa: E402

import gilfree as gf  # noqa: E402


def two_threads():
    ts = [threading.Thread(target=threads_speedup.workload, args=(200_000, 300)) for _ in range(2)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    for _ in range(3):
        two_threads()
    off, on = [], []
    for _ in range(runs):
        off.append(two_threads())
        with gf.profile():
            on.append(two_threads())
    for name, f in (("min", min), ("median", statistics.median)):
        print(f"{sys.implementation.name} {name}: off {f(off):.3f} s, profiled {f(on):.3f} s, "
              f"overhead {f(on) / f(off) - 1:+.1%}")


if __name__ == "__main__":
    main()
