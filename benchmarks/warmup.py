"""Warm-up: how long until the first result, and until calls run at their steady speed.

    ./gilfree [--runtime cpython] benchmarks/warmup.py [SECONDS] [SIZE]
Repeats one step of the scaling workload (`x += 0.01; x[0] += x.mean() * 0.01`, SIZE float64 elements) for
SECONDS and prints the median step time of each second. "Steady" is the first second whose median is
within 20% of the last second's. Time to the first result counts from the script's first line (the JVM
and the runtime have started by then; time the launcher with `time` for the whole cold start).
"""
import statistics
import sys
import time

t_start = time.perf_counter()
import gilfree as gf  # noqa: E402 - timed from before the import on purpose


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 40
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    gf.set_num_threads(1)
    x = gf.zeros(n)
    t_import = time.perf_counter() - t_start

    def step():
        x.__iadd__(0.01)
        x[0] += float(x.mean()) * 0.01

    step()
    t_first = time.perf_counter() - t_start
    windows, current, w_end = [], [], time.perf_counter() + 1
    t_end = time.perf_counter() + seconds
    while time.perf_counter() < t_end:
        t = time.perf_counter()
        step()
        current.append(time.perf_counter() - t)
        if time.perf_counter() >= w_end:
            windows.append(statistics.median(current))
            current, w_end = [], time.perf_counter() + 1
    final = windows[-1]
    steady = next(i for i, w in enumerate(windows) if w <= 1.2 * final)
    print(f"runtime {gf.runtime}, {n:,} float64 per step")
    print(f"import gilfree: {t_import:.2f} s; first result: {t_first:.2f} s after the script started")
    print(f"steady (median step within 20% of the last second's): after {steady + 1} s; "
          f"first second {windows[0] * 1e6:.0f} us/step, last {final * 1e6:.0f} us/step")
    print("per-second medians (us/step): " + " ".join(f"{w * 1e6:.0f}" for w in windows))


if __name__ == "__main__":
    main()
