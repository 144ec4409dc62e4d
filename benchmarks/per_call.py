"""Per-call time of small operations, gilfree and NumPy side by side in one run (issue 13: per-call cost).

    ./gilfree [--runtime cpython] benchmarks/per_call.py [N] [CALLS]
N elements per array (default 8), CALLS calls per timed batch (default 20000). Prints the median µs per
call over 7 batches after a warm-up (long enough for the JIT), and gilfree/NumPy. On GraalPy (no NumPy)
the NumPy column is empty.
"""
import sys

import gilfree as gf
from workloads import timed

try:
    import numpy as np
except ImportError:  # GraalPy: gilfree alone
    np = None


def cases(xp, n):
    x = xp.arange(float(n))
    y = xp.arange(float(n)) + 1.0
    o = xp.empty(n)
    i = n // 2

    def setitem():
        x[i] = 2.5

    return {
        "add(x, y)": lambda: xp.add(x, y),
        "add(x, y, out=o)": lambda: xp.add(x, y, out=o),
        "x + y": lambda: x + y,
        "x + 1.0": lambda: x + 1.0,
        "x[i]": lambda: x[i],
        "x[i] = v": setitem,
        "x.sum()": lambda: x.sum(),
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    gcases = cases(gf, n)
    ncases = cases(np, n) if np is not None else {}
    print(f"per-call µs, {n} float64 elements, {gf.runtime}")
    print(f"{'case':20s} {'gilfree':>9s} {'numpy':>9s} {'ratio':>7s}")
    for name, fn in gcases.items():
        timed(fn, repeats=1, inner=calls, warmup=0, warm_seconds=1.0)
        g = timed(fn, repeats=7, inner=calls, warmup=0, warm_seconds=0) * 1e6
        if name in ncases:
            nf = ncases[name]
            v = timed(nf, repeats=7, inner=calls, warmup=calls, warm_seconds=0) * 1e6
            print(f"{name:20s} {g:9.2f} {v:9.2f} {g / v:6.1f}x")
        else:
            print(f"{name:20s} {g:9.2f} {'':>9s} {'':>7s}")


if __name__ == "__main__":
    main()
