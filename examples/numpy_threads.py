"""A NumPy program whose hot loop runs on all cores: gilfree ufuncs on the program's own NumPy arrays.

The arrays stay NumPy arrays, allocated and inspected with NumPy. Only the hot loop changes: each thread
of a pool calls gilfree's ufuncs on its slice of the NumPy arrays with out= pointing back into NumPy's
memory. gilfree wraps that memory (no copy) and releases the GIL for every call, so the threads run in
parallel; the same loop on NumPy's ufuncs holds the GIL between calls and inside many of them.

    ./gilfree --runtime cpython examples/numpy_threads.py [--threads N] [--size ELEMENTS] [--steps STEPS]

(CPython runtime only: GraalPy has no NumPy.)
"""
import argparse
import os
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

import gilfree as gf


def step(xp, x, v, out, lo, hi):
    """One time step on x[lo:hi], in place: a damped oscillator's position update, then a smooth response."""
    xs, vs, os_ = x[lo:hi], v[lo:hi], out[lo:hi]
    xp.multiply(vs, 0.999, out=vs)
    xp.add(xs, vs, out=xs)
    xp.sin(xs, out=os_)
    xp.multiply(os_, os_, out=os_)
    xp.exp(os_, out=os_)


def run(xp, threads, size, steps):
    """Wall time of `steps` steps over NumPy arrays of `size` elements, split across `threads` threads."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal(size)          # the program's own NumPy arrays
    v = rng.standard_normal(size) * 1e-3
    out = np.empty(size)
    bounds = [(i * size // threads, (i + 1) * size // threads) for i in range(threads)]
    with ThreadPoolExecutor(threads) as pool:
        start = time.perf_counter()
        for _ in range(steps):
            list(pool.map(lambda b: step(xp, x, v, out, *b), bounds))
        elapsed = time.perf_counter() - start
    return elapsed, float(out.sum())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--size", type=int, default=4_000_000)
    p.add_argument("--steps", type=int, default=20)
    args = p.parse_args()
    run(gf, args.threads, args.size // 10, 2)  # warm the engine's code up
    for name, xp in (("numpy ufuncs", np), ("gilfree ufuncs", gf)):
        for n in sorted({1, args.threads}):
            t, check = run(xp, n, args.size, args.steps)
            print(f"{name:15s} {n} thread(s): {t * 1e3:8.1f} ms   (checksum {check:.6f})")


if __name__ == "__main__":
    main()
