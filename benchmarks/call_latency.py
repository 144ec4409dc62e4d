"""Per-call latency of small operations (the per-call overhead of crossing into the engine), and where it
goes: a Java call that does nothing (the bridge's floor), the engine call gf.add makes with the Python
wrapper bypassed (bridge + engine work), and the full gf.add (adds the Python-side wrapper).

    ./gilfree [--runtime cpython] benchmarks/call_latency.py [WARMUP_CALLS]
Prints the median over several timed batches, after a warm-up long enough for the JIT.
"""
import sys

import gilfree as gf
from gilfree import _bridge
from workloads import timed


def per_call(fn, calls, batches=7):
    return timed(fn, repeats=batches, inner=calls, warmup=0, warm_seconds=0)


def main():
    warm = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    for n in (8, 1000):
        x = gf.arange(float(n))
        y = gf.arange(float(n))
        o = gf.empty(n)
        add_j = gf.add._j
        cases = {
            "Java no-op (numThreads)": _bridge.Engine.numThreads,
            f"engine add, no wrapper [{n}]": lambda: add_j.call2Checked(x._j, y._j, 0),
            f"gf.add(x, y) [{n}]": lambda: gf.add(x, y),
            f"gf.add(x, y, out=o) [{n}]": lambda: gf.add(x, y, out=o),
            f"x + 1.0 [{n}]": lambda: x + 1.0,
        }
        for name, fn in cases.items():
            per_call(fn, warm // 7, 7)  # warm-up
            print(f"{gf.runtime:8s} {name:28s} {per_call(fn, 20_000) * 1e6:8.2f} us/call")


if __name__ == "__main__":
    main()
