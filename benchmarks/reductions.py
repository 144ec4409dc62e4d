"""Reductions of 10M elements per dtype, gilfree next to NumPy in one process (CPython through jep only).

    ./gilfree --runtime cpython benchmarks/reductions.py
Prints the best of 5 calls in milliseconds for sum/max/min/prod/mean over float64, float32, int64, int32
and int8, and a 1000x10000 float64 sum over each axis.
"""
import time

import numpy as np

import gilfree as gf


def best_ms(f, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best * 1e3


def main():
    n = 10_000_000
    for dt in ["float64", "float32", "int64", "int32", "int8"]:
        xn = (np.arange(n) % 1000).astype(dt)
        xg = gf.asarray(xn)
        for name in ["sum", "max", "min", "prod", "mean"]:
            fg, fn = getattr(gf, name), getattr(np, name)
            fg(xg)  # warm
            print(f"{dt:8s} {name:5s} gilfree {best_ms(lambda: fg(xg)):8.2f} ms  numpy {best_ms(lambda: fn(xn)):8.2f} ms",
                  flush=True)
    mn = np.ones((1000, 10000))
    mg = gf.asarray(mn)
    for axis in (0, 1):
        gf.sum(mg, axis=axis)
        print(f"1000x10000 sum(axis={axis}) gilfree {best_ms(lambda: gf.sum(mg, axis=axis)):8.2f} ms  "
              f"numpy {best_ms(lambda: np.sum(mn, axis=axis)):8.2f} ms", flush=True)


if __name__ == "__main__":
    main()
