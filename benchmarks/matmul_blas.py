"""matmul side by side with NumPy in one process (run it with `./gilfree --runtime cpython benchmarks/matmul_blas.py`):
n x n products at 64, 256, 1000, 2000 in float32 and float64, best of several rounds, the two libraries
alternating within each round so that load from other processes hits both alike. Prints a Markdown table
with GFLOPS and gilfree/NumPy speed ratios, and which BLAS and CPU kernel each side used."""
import ctypes
import glob
import os
import sys
import time

import numpy as np

import gilfree as gf


def numpy_blas():
    """NumPy's OpenBLAS build and the CPU kernel it picked (what threadpoolctl reports, read directly)."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "libscipy_openblas*.so"))
    if not libs:
        return "unknown (no bundled scipy-openblas found)"
    lib = ctypes.CDLL(libs[0])
    out = []
    for sym in ("scipy_openblas_get_config64_", "openblas_get_config64_", "scipy_openblas_get_corename64_",
                "openblas_get_corename64_"):
        f = getattr(lib, sym, None)
        if f is not None:
            f.restype = ctypes.c_char_p
            out.append(f().decode().strip())
    return "; ".join(out) or os.path.basename(libs[0])


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
    print(f"NumPy {np.__version__}: {numpy_blas()}")
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


if __name__ == "__main__":
    main()
