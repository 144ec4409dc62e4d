"""gf.random vs NumPy bulk-draw timings in one CPython process: ./gilfree --runtime cpython tools/bench_random.py

Each case is warmed up (the JIT and the engine's block pool) and the case list runs twice; read the second
pass. Best-of-7 wall times; the ratio (gilfree / NumPy) is what to compare on a shared machine."""
import time

import numpy as np

import gilfree as gf

N = 10_000_000
CASES = [
    ("random", lambda m: m.random.default_rng(0).random(N)),
    ("random f32", lambda m: m.random.default_rng(0).random(N, dtype=m.float32)),
    ("integers", lambda m: m.random.default_rng(0).integers(0, 1000, N)),
    ("integers i64 big", lambda m: m.random.default_rng(0).integers(0, 10 ** 12, N)),
    ("std_exp", lambda m: m.random.default_rng(0).standard_exponential(N)),
    ("permutation", lambda m: m.random.default_rng(0).permutation(N // 10)),
    ("choice", lambda m: m.random.default_rng(0).choice(N // 10, N // 20, replace=False)),
    ("legacy random_sample", lambda m: m.random.RandomState(0).random_sample(N)),
]


def best(f, runs=7):
    for _ in range(3):
        f()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


for pass_no in (1, 2):
    print(f"pass {pass_no}")
    for name, case in CASES:
        tg, tn = best(lambda: case(gf)), best(lambda: case(np))
        print(f"  {name:22s} gf {tg * 1e3:8.1f} ms  np {tn * 1e3:8.1f} ms  ratio {tg / tn:5.2f}", flush=True)
