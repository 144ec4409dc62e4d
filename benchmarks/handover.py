"""Handing a 1 GiB array between gilfree and NumPy (CPython through jep): time and peak memory.

    ./gilfree --runtime cpython benchmarks/handover.py [--gib 1]

np.asarray(gilfree_array) and gf.asarray(view_of_gilfree_memory) share memory: neither should cost
more than microseconds nor raise peak RSS (VmHWM) beyond the one array. A NumPy copy is shown for scale.
"""
import argparse
import time

import gilfree as gf
import numpy as np


def _status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _mib(n):
    return f"{n / 2**20:,.0f} MiB"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gib", type=float, default=1.0)
    p.add_argument("--repeat", type=int, default=1000)
    args = p.parse_args()
    n = int(args.gib * 2**30) // 8

    rss0, hwm0 = _status("VmRSS"), _status("VmHWM")
    a = gf.zeros(n)                       # engine memory (zero pages are touched here)
    a.fill(1.0)
    rss1, hwm1 = _status("VmRSS"), _status("VmHWM")

    t = time.perf_counter()
    for _ in range(args.repeat):
        v = np.asarray(a)                 # gilfree -> NumPy: a view
    to_np = (time.perf_counter() - t) / args.repeat
    assert np.shares_memory(v, np.asarray(a)) and v.nbytes == a.nbytes

    t = time.perf_counter()
    for _ in range(args.repeat):
        g = gf.asarray(v)                 # NumPy view of gilfree memory -> gilfree: shared again
    to_gf = (time.perf_counter() - t) / args.repeat
    v[-1] = 5.0
    assert float(g[n - 1]) == 5.0         # the same bytes
    hwm2 = _status("VmHWM")

    t = time.perf_counter()
    c = np.array(v)                       # for scale: what a copy would cost
    copy_s = time.perf_counter() - t
    hwm3 = _status("VmHWM")
    del c

    print(f"array: {_mib(a.nbytes)} float64")
    print(f"np.asarray(gilfree array):      {to_np * 1e6:8.1f} us per hand-over (mean of {args.repeat})")
    print(f"gf.asarray(numpy view):         {to_gf * 1e6:8.1f} us per hand-over (mean of {args.repeat})")
    print(f"np.array(view) copy, for scale: {copy_s * 1e6:8.0f} us")
    print(f"peak RSS (VmHWM): before array {_mib(hwm0)}, after array {_mib(hwm1)}, "
          f"after {2 * args.repeat} hand-overs {_mib(hwm2)} (+{_mib(hwm2 - hwm1)}), after one copy {_mib(hwm3)}")
    print(f"RSS: before {_mib(rss0)}, with array {_mib(rss1)}")


if __name__ == "__main__":
    main()
