"""Thread-safety stress run, on demand and bounded in time (docs/thread-safety.md).

    ./gilfree python-tests/stress.py --seconds 300 [--threads 8] [--seed 1]      (and --runtime cpython)

Many threads hammer, at random and all at once: shared arrays written and read concurrently (values must
stay in the set of written values, metadata must never change), a frozen shared array (reads give the
serial result, writes raise), resize in place under readers and views, shared flat iterators, scoped
borrows and checked mode switched on and off, per-thread work that must equal its serial result, and
operations that raise. At the end it prints the operations done, the exceptions raised by kind
(expected ones: read-only writes, refused resizes, borrow conflicts, bad input), contract violations
and unexpected exceptions (both must be zero), and the overlap gauge. A crash would end the process
before the summary; the exit status is 0 only for a clean run.
"""
import argparse
import collections
import random
import sys
import threading
import time
import traceback

import gilfree as gf

N = 2_048
RESIZE_SIZES = (2_048, 512, 4_096)
RO = "assignment destination is read-only"
RESIZE_MSG = "cannot resize an array that references or is referenced"


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.ops = collections.Counter()
        self.expected = collections.Counter()
        self.violations = collections.Counter()
        self.unexpected = collections.Counter()
        self.samples = []
        self.finished = 0

    def merge(self, ops, expected, violations, unexpected, samples):
        with self.lock:
            self.ops.update(ops)
            self.expected.update(expected)
            self.violations.update(violations)
            self.unexpected.update(unexpected)
            self.samples.extend(samples[: max(0, 10 - len(self.samples))])


class Shared:
    def __init__(self, threads):
        self.values = [float(10 * (i + 1)) for i in range(threads)]
        self.allowed = set(self.values) | {0.0}
        self.racy = gf.zeros(N)                       # written and read by everyone
        self.racy_view = self.racy.reshape(32, 64)
        self.frozen = (gf.arange(N) / 7.0).freeze()   # read by everyone, never written
        self.frozen_sum = float(gf.sum(self.frozen))
        self.frozen_list = self.frozen.tolist()
        self.resizable = gf.arange(float(RESIZE_SIZES[0]))
        self.borrowed = gf.zeros(N)
        self.flat_lock = threading.Lock()
        self.flat = self.racy.flat


def own_work(seed):
    a = gf.arange(256) / 256.0 + seed
    o = gf.zeros(256)
    for _ in range(3):
        gf.multiply(a, 1.5, out=o)
        a += o
        a[seed % 256] = seed
    return a.tolist()


def worker(idx, shared, deadline, seed, stats, checked_toggler):
    rnd = random.Random(seed * 1_000 + idx)
    ops, expected, violations, unexpected = (collections.Counter() for _ in range(4))
    samples = []
    v = shared.values[idx]
    mine = gf.full(N, v)
    own_serial = own_work(idx)

    def violate(kind, detail):
        violations[kind] += 1
        if len(samples) < 10:
            samples.append(f"violation {kind}: {detail}")

    def act_racy_write():
        k = rnd.randrange(4)
        if k == 0:
            shared.racy.fill(v)
        elif k == 1:
            gf.multiply(mine, 1.0, out=shared.racy)
        elif k == 2:
            shared.racy[rnd.randrange(N)] = v
        else:
            gf.add(mine, 0.0, out=shared.racy_view.reshape(N))

    def act_racy_read():
        vals = shared.racy.tolist() if rnd.random() < 0.5 else shared.racy_view.reshape(N).tolist()
        bad = [x for x in vals if x not in shared.allowed]
        if bad:
            violate("racy value", bad[:3])
        if shared.racy.shape != (N,) or shared.racy.strides != (8,) or shared.racy.dtype != "float64":
            violate("racy metadata", (shared.racy.shape, shared.racy.strides))
        s = float(gf.sum(shared.racy))
        if not 0.0 <= s <= max(shared.values) * N:
            violate("racy sum", s)

    def act_frozen():
        if rnd.random() < 0.8:
            if float(gf.sum(shared.frozen)) != shared.frozen_sum or (rnd.random() < 0.1 and shared.frozen.tolist() != shared.frozen_list):
                violate("frozen read", "differs from the serial result")
        else:
            try:
                shared.frozen[0] = 1.0
                violate("frozen write", "a write to a frozen array succeeded")
            except ValueError as e:
                if RO not in str(e):
                    raise
                expected["ValueError(read-only)"] += 1

    def act_resize():
        a = shared.resizable
        if rnd.random() < 0.15:
            try:
                a.resize(rnd.choice(RESIZE_SIZES))
            except ValueError as e:
                if RESIZE_MSG not in str(e):
                    raise
                expected["ValueError(resize refused)"] += 1
        else:
            vals = a.tolist()
            shape = a.shape
            if len(vals) not in RESIZE_SIZES or shape[0] not in RESIZE_SIZES or a.ndim != 1:
                violate("resize metadata", (len(vals), shape))
            gf.exp(a * 0.0)

    def act_flat():
        with shared.flat_lock:
            it = shared.flat
        try:
            for _ in range(50):
                x = next(it)
                if float(x) not in shared.allowed:
                    violate("flat value", x)
        except StopIteration:
            with shared.flat_lock:
                if shared.flat is it:
                    shared.flat = shared.racy.flat

    def act_borrow():
        b = shared.borrowed
        if rnd.random() < 0.3:
            with (b.borrow_mut() if rnd.random() < 0.5 else b.borrow()):
                float(gf.sum(b))
        else:
            if rnd.random() < 0.5:
                b.fill(v)
            else:
                vals = set(b.tolist())
                if not vals <= shared.allowed:
                    violate("borrowed value", sorted(vals)[:3])

    def act_own():
        if own_work(idx) != own_serial:
            violate("own work", "differs from the serial result")

    def act_errors():
        k = rnd.randrange(3)
        try:
            if k == 0:
                gf.add(gf.ones(3), gf.ones(4))
            elif k == 1:
                gf.arange(3)[5]
            else:
                gf.zeros(2, dtype="nope")
            violate("error", "bad input did not raise")
        except (ValueError, IndexError, TypeError) as e:
            expected[f"{type(e).__name__}(bad input)"] += 1

    actions = [act_racy_write, act_racy_read, act_racy_read, act_frozen, act_resize, act_flat, act_borrow,
               act_own, act_errors]
    while time.monotonic() < deadline:
        act = rnd.choice(actions)
        name = act.__name__[4:]
        try:
            if checked_toggler and rnd.random() < 0.01:
                gf.set_borrow_checking(not gf.get_borrow_checking())
                ops["toggle checked mode"] += 1
            act()
            ops[name] += 1
        except gf.BorrowError as e:
            if "holds it" not in str(e):
                violate("borrow message", str(e))
            expected["BorrowError"] += 1
            ops[name] += 1
        except Exception as e:  # noqa: BLE001 - anything else is a finding
            unexpected[type(e).__name__] += 1
            if len(samples) < 10:
                samples.append(f"unexpected in {name}: {''.join(traceback.format_exception_only(type(e), e)).strip()}")
    stats.merge(ops, expected, violations, unexpected, samples)


def guarded_worker(idx, *args):
    stats = args[3]
    try:
        worker(idx, *args)
        with stats.lock:
            stats.finished += 1
    except BaseException as e:  # noqa: BLE001 - a worker that died is a finding, not a silent pass
        stats.merge({}, {}, {}, {f"worker died: {type(e).__name__}": 1}, [traceback.format_exc()])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=60.0, help="how long to run (default 60)")
    p.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    shared = Shared(args.threads)
    stats = Stats()
    gf.diagnostics.reset()
    deadline = time.monotonic() + args.seconds
    start = time.monotonic()
    threads = [threading.Thread(target=guarded_worker, name=f"stress-{i}", daemon=True,
                                args=(i, shared, deadline, args.seed, stats, i == 0)) for i in range(args.threads)]
    for t in threads:
        t.start()
    hung = []
    for t in threads:
        t.join(max(1.0, deadline - time.monotonic()) + 120)
        if t.is_alive():
            hung.append(t.name)
    gf.set_borrow_checking(False)
    elapsed = time.monotonic() - start
    total = sum(stats.ops.values())
    print(f"gilfree stress on {gf.runtime}: {args.threads} threads, {elapsed:.0f} s, seed {args.seed}")
    print(f"operations: {total} ({total / elapsed:.0f}/s)")
    for k, n in sorted(stats.ops.items()):
        print(f"  {k:24s} {n}")
    print(f"expected exceptions: {sum(stats.expected.values())}")
    for k, n in sorted(stats.expected.items()):
        print(f"  {k:30s} {n}")
    print(f"contract violations: {sum(stats.violations.values())} {dict(stats.violations)}")
    print(f"unexpected exceptions: {sum(stats.unexpected.values())} {dict(stats.unexpected)}")
    print(f"hung threads: {len(hung)} {hung}")
    print(f"max concurrent engine operations: {gf.diagnostics.max_concurrent_ops()}")
    print("crashes: 0 (the process is alive and printed this summary)")
    for s in stats.samples:
        print("  " + s)
    # final consistency of the shared arrays
    assert shared.racy.shape == (N,) and set(shared.racy.tolist()) <= shared.allowed
    assert shared.frozen.tolist() == shared.frozen_list
    assert shared.resizable.shape[0] in RESIZE_SIZES
    clean = not stats.violations and not stats.unexpected and not hung and stats.finished == args.threads
    print("RESULT:", "clean" if clean else "FAILED")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
