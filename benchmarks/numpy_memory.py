"""gilfree over NumPy's memory (issue 21): wrapping cost, in-place ufuncs on NumPy arrays, and the
numpy_threads example's loop on NumPy ufuncs (threads, processes) against gilfree ufuncs (threads).

    ./gilfree --runtime cpython benchmarks/numpy_memory.py [--size ELEMENTS] [--steps STEPS] [--workers N]

Prints, for float64 arrays of --size elements (default 10M = 80 MB):
  - gf.asarray(numpy_array): the wrap (best and median of 200 calls, in microseconds);
  - gf.array(numpy_array): the copy (best and median of 7, ms, and GB/s);
  - exp into a preallocated output (best and median of 7, ms): gf.exp(np_a, out=np_b), gf.exp(g_a, out=g_b)
    and np.exp(np_a, out=np_b);
  - the example's loop (examples/numpy_threads.py's `run`: --steps steps on disjoint slices) with NumPy's
    ufuncs on 1 and N threads and on N processes (shared memory), and with gilfree's on 1 and N threads.
CPython runtime only (GraalPy has no NumPy). The processes run $GILFREE_VENV/bin/python.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import shared_memory

import numpy as np

import gilfree as gf

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples")
sys.path.insert(0, EXAMPLES)
from numpy_threads import run as loop_threads  # noqa: E402 - the example's loop is what is measured

# The example's step for a child process: plain NumPy on its slice of arrays in shared memory.
# The example's step for a child process: plain NumPy on its slice of arrays in shared memory (written out
# here because the child is a plain Python without gilfree, so it cannot import the example).
_CHILD = r"""
import sys, time
import numpy as np
from multiprocessing import shared_memory
name, size, lo, hi, steps = sys.argv[1], *map(int, sys.argv[2:6])
shm = shared_memory.SharedMemory(name=name)
from multiprocessing import resource_tracker  # the parent owns the segment: the child must not unlink it
resource_tracker.unregister(shm._name, "shared_memory")
x, v, out = (np.ndarray((size,), np.float64, shm.buf, offset=k * size * 8) for k in range(3))
xs, vs, os_ = x[lo:hi], v[lo:hi], out[lo:hi]
t = time.perf_counter()
for _ in range(steps):
    np.multiply(vs, 0.999, out=vs); np.add(xs, vs, out=xs); np.sin(xs, out=os_)
    np.multiply(os_, os_, out=os_); np.exp(os_, out=os_)
print(time.perf_counter() - t)
del x, v, out, xs, vs, os_
shm.close()
"""


def timed(fn, n):
    """(best, median) seconds of n calls of fn."""
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    return min(ts), statistics.median(ts)


def loop_processes(n, size, steps):
    """Wall time of n NumPy processes on disjoint slices of shared memory (their imports excluded: each
    child times its own loop; the slowest child's time is the loop's)."""
    rng = np.random.default_rng(0)
    shm = shared_memory.SharedMemory(create=True, size=3 * size * 8)
    try:
        x, v, out = (np.ndarray((size,), np.float64, shm.buf, offset=k * size * 8) for k in range(3))
        x[:], v[:] = rng.standard_normal(size), rng.standard_normal(size) * 1e-3
        python = os.path.join(os.environ["GILFREE_VENV"], "bin", "python") if "GILFREE_VENV" in os.environ \
            else sys.executable
        procs = [subprocess.Popen([python, "-c", _CHILD, shm.name, str(size), str(i * size // n),
                                   str((i + 1) * size // n), str(steps)], stdout=subprocess.PIPE, text=True)
                 for i in range(n)]
        times = [float(p.communicate()[0]) for p in procs]
        check = float(out.sum())
        del x, v, out
        return max(times), check
    finally:
        shm.close()
        shm.unlink()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=10_000_000)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    args = p.parse_args()
    size, n = args.size, args.workers
    a = np.random.default_rng(1).random(size)
    b = np.empty_like(a)
    ga, gb = gf.array(a), gf.empty(size)
    for _ in range(3):  # warm the engine's code up
        gf.exp(a, out=b)
        gf.exp(ga, out=gb)

    best, med = timed(lambda: gf.asarray(a), 200)
    print(f"gf.asarray({a.nbytes / 1e6:.0f} MB numpy)      best {best * 1e6:8.1f} us   median {med * 1e6:8.1f} us")
    best, med = timed(lambda: gf.array(a), 7)
    print(f"gf.array({a.nbytes / 1e6:.0f} MB numpy) copy   best {best * 1e3:8.1f} ms   median {med * 1e3:8.1f} ms"
          f"   ({a.nbytes / best / 1e9:.1f} GB/s at best)")
    for label, fn in (("gf.exp(np_a, out=np_b)", lambda: gf.exp(a, out=b)),
                      ("gf.exp(g_a, out=g_b)", lambda: gf.exp(ga, out=gb)),
                      ("np.exp(np_a, out=np_b)", lambda: np.exp(a, out=b))):
        best, med = timed(fn, 7)
        print(f"{label:28s} best {best * 1e3:8.1f} ms   median {med * 1e3:8.1f} ms")

    print(f"loop: {args.steps} steps of 5 ufuncs on {size} float64, split over workers")
    loop_threads(gf, n, size // 10, 2)  # warm up
    for label, run in ((f"numpy ufuncs, 1 thread", lambda: loop_threads(np, 1, size, args.steps)),
                       (f"numpy ufuncs, {n} threads", lambda: loop_threads(np, n, size, args.steps)),
                       (f"numpy ufuncs, {n} processes", lambda: loop_processes(n, size, args.steps)),
                       (f"gilfree ufuncs, 1 thread", lambda: loop_threads(gf, 1, size, args.steps)),
                       (f"gilfree ufuncs, {n} threads", lambda: loop_threads(gf, n, size, args.steps))):
        t, check = run()
        print(f"  {label:28s} {t * 1e3:9.1f} ms   (checksum {check:.6f})")


if __name__ == "__main__":
    main()
