"""Per-call time of gf.add on small arrays, allocating its result against writing into out=: the difference
is what reclaiming dropped results costs (requested collections, see core/OffHeap and performance.md).

    ./gilfree [--runtime cpython] benchmarks/alloc_latency.py [N] [ROUNDS]
Prints, per round of 50,000 calls, the mean time per call of gf.add(x, y) and gf.add(x, y, out=o) on N
float64 elements (default 1000, 12 rounds). Add GILFREE_JAVA_OPTS=-Xlog:gc to see the collections.
"""
import sys
import time

import gilfree as gf


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    calls = 50_000
    x, y, o = gf.arange(float(n)), gf.arange(float(n)), gf.empty(n)
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls):
            gf.add(x, y)
        t1 = time.perf_counter()
        for _ in range(calls):
            gf.add(x, y, out=o)
        t2 = time.perf_counter()
        print(f"n={n} allocating {(t1 - t0) / calls * 1e6:.2f} us  out= {(t2 - t1) / calls * 1e6:.2f} us", flush=True)


if __name__ == "__main__":
    main()
