"""What borrow checking costs per engine call, off and on, in one run (docs/thread-safety.md).

    ./gilfree benchmarks/borrow_cost.py [CALLS]          (and --runtime cpython)

Three columns per case: checking off (the default: the op guard publishes the operands and updates the
overlap gauge, then one volatile read finds the slow path off), checked mode on (every call takes and
releases a shared borrow per input and an exclusive one on out=), and off but inside a scoped
``with x.borrow():`` (the operands' storages have a borrow table, so calls on them check it).
Rows: the guard alone and add(out=) looped inside Java (no Python crossing), then add(out=) called
from Python. Off and on are measured in alternating batches; the median batch is printed.
"""
import statistics
import sys
import time

import gilfree as gf
from gilfree._bridge import Diagnostics as _D


def per_call_py(fn, calls):
    t = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - t) / calls * 1e9


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    x, y, o = gf.arange(8.0), gf.arange(8.0), gf.zeros(8)
    modes = ("off", "on", "scoped")
    rows = {"guard enter/exit (Java loop)": lambda: _D.nanosPerCall("guard", x._j, y._j, o._j, 2_000_000),
            "add(x, y, out=o) [8] (Java loop)": lambda: _D.nanosPerCall("add", x._j, y._j, o._j, 500_000),
            "gf.add(x, y, out=o) [8] (Python)": lambda: per_call_py(lambda: gf.add(x, y, out=o), calls)}
    print(f"gilfree borrow-checking cost on {gf.runtime}, ns per call (median of alternating batches)")
    print(f"{'case':36s} {'off':>9s} {'on':>9s} {'scoped':>9s} {'on-off':>9s}")
    for name, fn in rows.items():
        samples = {m: [] for m in modes}
        fn()  # warm-up
        for _ in range(5):
            for m in modes:
                gf.set_borrow_checking(m == "on")
                if m == "scoped":
                    with x.borrow():
                        samples[m].append(fn())
                else:
                    samples[m].append(fn())
        gf.set_borrow_checking(False)
        med = {m: statistics.median(v) for m, v in samples.items()}
        print(f"{name:36s} {med['off']:9.1f} {med['on']:9.1f} {med['scoped']:9.1f} {med['on'] - med['off']:9.1f}")


if __name__ == "__main__":
    main()
