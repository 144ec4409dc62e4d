"""matmul side by side with NumPy in one process (run it with `./gilfree --runtime cpython benchmarks/matmul_blas.py`):
n x n products at 64, 256, 1000, 2000 in float32 and float64, best of several rounds, the two libraries
alternating within each round so that load from other processes hits both alike; then solve, inv, slogdet and
cholesky at 500 (LAPACK on both sides). Prints Markdown tables with gilfree/NumPy speed ratios, and which
BLAS and CPU kernel each side used."""
import sys
import time

import numpy as np

import gilfree as gf
from workloads import blas_backend


def best(fn, seconds):
    fn()
    times, end = [], time.perf_counter() + seconds
    while time.perf_counter() < end or len(times) < 3:
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [64, 256, 1000, 2000]
    rounds = 3
    print(f"NumPy {np.__version__}: {blas_backend(np)}")
    print(f"gilfree: {gf.diagnostics.blas()}; threads {gf.get_num_threads()}")
    print()
    print("| n | dtype | NumPy ms | gilfree ms | NumPy GFLOPS | gilfree GFLOPS | speed vs NumPy |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n in sizes:
        for dt in ("float32", "float64"):
            x = np.random.default_rng(n).standard_normal((n, n)).astype(dt)
            g = gf.asarray(x)
            tn, tg = [], []
            budget = 0.3 if n <= 256 else 1.5
            for _ in range(rounds):
                tn.append(best(lambda: x @ x, budget))
                tg.append(best(lambda: g @ g, budget))
            n_ms, g_ms = min(tn) * 1e3, min(tg) * 1e3
            flops = 2.0 * n ** 3
            print(f"| {n} | {dt} | {n_ms:.3f} | {g_ms:.3f} | {flops / n_ms / 1e6:.0f} | {flops / g_ms / 1e6:.0f} "
                  f"| {n_ms / g_ms:.2f}x |", flush=True)
    print()
    print("| linalg, 500x500 float64 | NumPy ms | gilfree ms | speed vs NumPy |")
    print("| --- | --- | --- | --- |")
    x = np.random.default_rng(5).standard_normal((500, 500)) + 500 * np.eye(500)
    spd = x @ x.T
    b = np.random.default_rng(6).standard_normal((500, 20))
    g, gspd, gb = gf.asarray(x), gf.asarray(spd), gf.asarray(b)
    cases = {"solve (20 right-hand sides)": (lambda: np.linalg.solve(x, b), lambda: gf.linalg.solve(g, gb)),
             "inv": (lambda: np.linalg.inv(x), lambda: gf.linalg.inv(g)),
             "slogdet": (lambda: np.linalg.slogdet(x), lambda: gf.linalg.slogdet(g)),
             "cholesky": (lambda: np.linalg.cholesky(spd), lambda: gf.linalg.cholesky(gspd))}
    for name, (fn, fg) in cases.items():
        tn, tg = [], []
        for _ in range(rounds):
            tn.append(best(fn, 0.5))
            tg.append(best(fg, 0.5))
        n_ms, g_ms = min(tn) * 1e3, min(tg) * 1e3
        print(f"| {name} | {n_ms:.3f} | {g_ms:.3f} | {n_ms / g_ms:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
