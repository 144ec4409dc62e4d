"""Memory soak, on demand: many threads create and drop engine arrays for a while; resident memory
must stay flat (off-heap memory returns when arrays are dropped).

    GILFREE_JAVA_OPTS=-Xmx512m ./gilfree [--runtime cpython] python-tests/soak.py --seconds 120 --threads 8

(Bound the Java heap: a JVM grows its heap towards -Xmx and does not hand it back, which RSS would show.)

Prints RSS samples; exits 1 if RSS at the end exceeds RSS after warm-up by more than --tolerance-mib.
"""
import argparse
import gc
import sys
import threading
import time

import gilfree as gf
from gilfree import _bridge

_OffHeap = _bridge.jclass("dev.gilfree.core.OffHeap")
_JRuntime = _bridge.jclass("java.lang.Runtime").getRuntime()


def java_mib():
    """(engine live off-heap MiB, JVM heap committed MiB)"""
    return int(_OffHeap.liveBytes()) / 2**20, int(_JRuntime.totalMemory()) / 2**20


def rss():
    # Through Java: GraalPy's open() sees /proc files as empty (their size is 0).
    f = _bridge.jclass("java.io.File")("/proc/self/status")
    for line in _bridge.jclass("java.nio.file.Files").readAllLines(f.toPath()):
        line = str(line)
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def worker(stop, seed, counter):
    k = 0
    sizes = (10, 1_000, 100_000, 1_000_000)
    while not stop.is_set():
        n = sizes[(seed + k) % len(sizes)]
        a = gf.arange(float(n)) * 0.5 + seed            # a few temporaries per round
        b = gf.exp(-a) if n <= 100_000 else a + 1.0
        s = float(b.sum())
        v = b.reshape(n, 1) if n > 0 else b
        c = gf.asarray([[1, 2], [3, 4]]).astype("float32")
        try:
            gf.zeros((1 << 50,))                         # failed allocations must not leak either
        except MemoryError:
            pass
        del a, b, v, c, s
        k += 1
        counter[seed] = k


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=120)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--warmup", type=float, default=10)
    p.add_argument("--tolerance-mib", type=float, default=128)
    args = p.parse_args()

    stop = threading.Event()
    counter = [0] * args.threads
    threads = [threading.Thread(target=worker, args=(stop, i, counter), daemon=True) for i in range(args.threads)]
    t0 = time.time()
    for t in threads:
        t.start()
    time.sleep(args.warmup)
    gc.collect()
    start = rss()
    samples = [start]
    print(f"[{time.time() - t0:6.1f}s] after warm-up RSS {start / 2**20:.0f} MiB", flush=True)
    end_at = time.time() + args.seconds
    while time.time() < end_at:
        time.sleep(min(10, max(0.1, end_at - time.time())))
        samples.append(rss())
        off, heap = java_mib()
        print(f"[{time.time() - t0:6.1f}s] RSS {samples[-1] / 2**20:.0f} MiB, engine off-heap live {off:.0f} MiB, "
              f"JVM heap committed {heap:.0f} MiB, rounds {sum(counter)}", flush=True)
    stop.set()
    for t in threads:
        t.join()
    gc.collect()
    _bridge.jclass("java.lang.System").gc()   # dropped arrays' memory is freed by the collector
    time.sleep(2)
    end = rss()
    off_end, heap_end = java_mib()
    grew = (end - start) / 2**20
    print(f"runtime {gf.runtime}, {args.threads} threads, {args.seconds:.0f} s, {sum(counter)} rounds: "
          f"RSS start {start / 2**20:.0f} MiB, max {max(samples) / 2**20:.0f} MiB, end {end / 2**20:.0f} MiB "
          f"({grew:+.0f} MiB); engine off-heap live at the end {off_end:.0f} MiB, JVM heap committed {heap_end:.0f} MiB")
    if grew > args.tolerance_mib:
        print(f"FAIL: memory grew by more than {args.tolerance_mib} MiB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
