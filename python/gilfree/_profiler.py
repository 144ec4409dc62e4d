"""gf.profile(): where each Python thread's time goes, and why a thread pool did not scale.

    with gf.profile() as p:
        ... run work on several threads ...
    p.report()                  # a table per thread and the top reasons, computed from the figures
    p.timeline_png("t.png")     # one lane per thread: engine time, GIL-held Python time, waits

While a profile records, the bridge times every call into the engine on the Python side (a timestamp before
the call and one right after it returns) and the engine records, per thread and without a global lock, when
each operation entered and left it, its operands' elements and bytes, how many chunks it was split into, its
allocations and borrow conflicts. Per thread, the time between the thread's first and last engine call splits
into: engine (inside operations, GIL released), wait (from the engine's exit until Python runs again: the
GIL re-acquire), bridge (crossing into the engine and entries that run outside the op guard) and Python
(the GIL held between calls). `./gilfree --profile script.py` runs a script inside one profile and prints the
report at exit.
"""
import os
import runpy
import struct
import sys
import threading
import time
import zlib

from . import _bridge
from ._bridge import Diagnostics as _D

__all__ = ["profile"]

_clock = time.perf_counter_ns
_local = threading.local()


class _Log:
    """One Python thread's timestamps: [before, after, before, after, ...] of its engine calls."""
    __slots__ = ("name", "java_id", "calls", "owner")

    def __init__(self, owner):
        self.owner = owner
        self.name = threading.current_thread().name
        self.java_id = int(_D.profileThread())
        self.calls = []


class _Recorder:
    """The timer the bridge calls while a profile records (one per profile)."""

    def __init__(self):
        self.logs = []
        self.lock = threading.Lock()  # taken once per thread, at its first call

    def log(self):
        log = getattr(_local, "log", None)
        if log is None or log.owner is not self:
            log = _Log(self)
            with self.lock:
                self.logs.append(log)
            _local.log = log
        return log

    def __call__(self, fn, args):
        calls = self.log().calls
        t0 = _clock()
        try:
            return fn(*args)
        finally:
            calls.append(t0)
            calls.append(_clock())


def _clock_offset():
    """Engine clock minus Python clock, from the tightest of a few bracketed reads."""
    best = None
    for _ in range(7):
        a = _clock()
        j = int(_D.profileNow())
        b = _clock()
        if best is None or b - a < best[0]:
            best = (b - a, j - (a + b) // 2)
    return best[1]


class ThreadProfile:
    """One thread's figures (nanoseconds, counts, bytes)."""

    def __init__(self, name):
        self.name = name
        self.wall = self.engine = self.wait = self.bridge = self.python = 0
        self.calls = self.splits = self.alloc_ns = self.alloc_bytes = self.allocs = self.conflicts = 0
        self.ops = {}  # name -> [count, elements, bytes, ns, splits]
        self.spans = []  # (kind, start, end) for the timeline: kind 'e' engine, 'w' wait

    @property
    def gil(self):
        """Time this thread held the GIL in Python (between calls and crossing into the engine)."""
        return self.python + self.bridge

    def fraction(self, part):
        return part / self.wall if self.wall else 0.0


def _analyse(name, calls, ops, extra):
    """A ThreadProfile from Python call brackets and engine operations (both on the Python clock)."""
    tp = ThreadProfile(name)
    tp.alloc_ns, tp.alloc_bytes, tp.allocs, tp.conflicts = extra
    tp.calls = len(calls) // 2
    starts = [calls[i] for i in range(0, len(calls), 2)] + [o[1] for o in ops]
    ends = [calls[i] for i in range(1, len(calls), 2)] + [o[2] for o in ops]
    if not starts:
        return tp
    begin, end = min(starts), max(ends)
    tp.wall = end - begin
    for op, e0, e1, elements, nbytes, splits in ops:
        tp.engine += e1 - e0
        tp.splits += splits
        row = tp.ops.setdefault(op, [0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += elements
        row[2] += nbytes
        row[3] += e1 - e0
        row[4] += splits
        tp.spans.append(("e", e0, e1))
    # Walk calls and operations together: an operation belongs to the call whose bracket holds its midpoint.
    k, n, inside_calls = 0, len(ops), 0
    for i in range(0, len(calls), 2):
        t0, t1 = calls[i], calls[i + 1]
        while k < n and (ops[k][1] + ops[k][2]) // 2 < t0:
            k += 1
        engine_in, last_exit = 0, None
        while k < n and (ops[k][1] + ops[k][2]) // 2 <= t1:
            engine_in += ops[k][2] - ops[k][1]
            last_exit = ops[k][2]
            k += 1
        inside_calls += engine_in
        wait = max(0, t1 - last_exit) if last_exit is not None else 0
        if wait:
            tp.spans.append(("w", last_exit, t1))
        tp.wait += wait
        tp.bridge += max(0, t1 - t0 - engine_in - wait)
    gaps = sum(calls[i + 1] - calls[i] for i in range(1, len(calls) - 1, 2))
    # Operations outside any bracket (engine calls that skip the bridge's call()) ran inside the gaps.
    tp.python = max(0, gaps - (tp.engine - inside_calls))
    return tp


class profile:
    """``with gf.profile() as p:`` records every thread's engine calls in the block; see the module docs."""

    def __init__(self):
        self.threads = []
        self.wall = 0
        self._recorder = None

    def __enter__(self):
        if _bridge.timer is not None:
            raise RuntimeError("a gilfree profile is already recording")
        self._offset = _clock_offset()
        self._recorder = _Recorder()
        _bridge.call(_D.profileStart)
        self._t0 = _clock()
        _bridge.set_timer(self._recorder)
        return self

    def __exit__(self, *exc):
        _bridge.set_timer(None)
        self.wall = _clock() - self._t0
        _bridge.call(_D.profileStop)
        self._collect()
        return False

    def _collect(self):
        names = [str(s) for s in _D.profileNames()]
        rows = {}
        for row in _D.profileCollect():
            r = [int(x) for x in row]
            rows[r[0]] = r
        off = self._offset
        logs = {log.java_id: log for log in self._recorder.logs}
        self.threads = []
        for jid in list(logs) + [j for j in rows if j not in logs]:
            r = rows.get(jid, [jid, 0, 0, 0, 0])
            ops = [(names[r[i]], r[i + 1] - off, r[i + 2] - off, r[i + 3], r[i + 4], r[i + 5])
                   for i in range(5, len(r), 6) if not names[r[i]].startswith("profile")]  # the profiler's own
            ops.sort(key=lambda o: o[1])
            log = logs.get(jid)
            name = log.name if log is not None else f"engine thread {jid}"
            tp = _analyse(name, log.calls if log is not None else [], ops, tuple(r[1:5]))
            if tp.wall:
                self.threads.append(tp)

    # ------------------------------------------------------------------ the verdict

    def totals(self):
        """Summed over threads: {'wall', 'engine', 'wait', 'bridge', 'python', 'gil', 'ops', ...}."""
        t = {k: sum(getattr(tp, k) for tp in self.threads) for k in (
            "wall", "engine", "wait", "bridge", "python", "gil", "calls", "splits", "alloc_ns", "alloc_bytes",
            "allocs", "conflicts")}
        t["ops"] = sum(row[0] for tp in self.threads for row in tp.ops.values())
        t["elements"] = sum(row[1] for tp in self.threads for row in tp.ops.values())
        return t

    def verdict(self):
        """'GIL-bound', 'engine-bound' or 'mixed': which share of the threads' time dominates."""
        t = self.totals()
        if not t["wall"]:
            return "idle"
        if (t["gil"] + t["wait"]) / t["wall"] >= 0.5:
            return "GIL-bound"
        if t["engine"] / t["wall"] >= 0.5:
            return "engine-bound"
        return "mixed"

    def reasons(self):
        """The top reasons the run did not scale, largest first, each from the recorded figures."""
        t = self.totals()
        wall = t["wall"]
        if not wall:
            return []
        out = []
        per_op = t["elements"] // t["ops"] if t["ops"] else 0
        gil = t["gil"] / wall
        if gil >= 0.2:
            advice = ("operations on small arrays cost more in Python than in the engine; batch them into larger "
                      "arrays or use gf.evaluate" if per_op < 10_000 else
                      "the Python code between engine calls (or converting Python data, such as lists) runs "
                      "one thread at a time; move that work into array operations")
            out.append((gil, f"{gil:.0%} of thread time holds the GIL in Python (operations average "
                             f"{per_op:,} elements, {_us(t['engine'], t['ops'])} in the engine vs "
                             f"{_us(t['gil'], t['calls'])} in Python per call): {advice}"))
        wait = t["wait"] / wall
        if wait >= 0.05:
            out.append((wait, f"GIL re-acquire waits: {wait:.0%} of thread time is spent waiting for the GIL "
                              f"after engine calls ({_us(t['wait'], t['calls'])} per call): other threads hold "
                              f"it in Python; fewer threads or fewer, larger calls"))
        if t["engine"] and t["alloc_ns"] / t["engine"] >= 0.1 and t["alloc_bytes"] >= 1_000_000:  # not a cold start
            share = t["alloc_ns"] / t["engine"]
            out.append((share * t["engine"] / wall,
                        f"allocation of temporaries: {share:.0%} of engine time allocates "
                        f"{t['alloc_bytes'] / 1e6:,.1f} MB in {t['allocs']:,} arrays; use out= and in-place operators"))
        engine = t["engine"] / wall
        if engine >= 0.5:
            note = (f"; {t['splits']:,} intra-op splits already spread single operations over cores, so threads "
                    f"compete for the same cores" if t["splits"] else "")
            out.append((engine, f"{engine:.0%} of thread time runs inside the engine with the GIL released: "
                                f"this scales with cores and memory bandwidth, not with the GIL{note}"))
        if t["conflicts"]:
            out.append((1.0, f"{t['conflicts']} borrow conflicts: threads touched the same arrays"))
        out.sort(key=lambda r: -r[0])
        return [text for _, text in out]

    def report(self, file=None):
        """The table per thread, the verdict and the reasons; printed to `file` (stdout) and returned."""
        lines = [f"gilfree profile: {len(self.threads)} thread(s), {self.wall / 1e6:,.1f} ms wall",
                 f"{'thread':<20}{'wall ms':>10}{'engine':>8}{'python':>8}{'bridge':>8}{'wait':>8}"
                 f"{'ops':>8}{'splits':>8}{'alloc MB':>10}{'conflicts':>10}"]
        for tp in self.threads:
            lines.append(f"{tp.name[:19]:<20}{tp.wall / 1e6:>10,.1f}{tp.fraction(tp.engine):>8.0%}"
                         f"{tp.fraction(tp.python):>8.0%}{tp.fraction(tp.bridge):>8.0%}{tp.fraction(tp.wait):>8.0%}"
                         f"{sum(r[0] for r in tp.ops.values()):>8,}{tp.splits:>8,}{tp.alloc_bytes / 1e6:>10,.1f}"
                         f"{tp.conflicts:>10,}")
        ops = {}
        for tp in self.threads:
            for name, row in tp.ops.items():
                acc = ops.setdefault(name, [0, 0, 0, 0, 0])
                for i in range(5):
                    acc[i] += row[i]
        if ops:
            lines.append(f"{'operation':<20}{'count':>10}{'elements':>16}{'MB':>10}{'engine ms':>12}{'splits':>8}")
            for name, row in sorted(ops.items(), key=lambda kv: -kv[1][3])[:8]:
                lines.append(f"{name[:19]:<20}{row[0]:>10,}{row[1]:>16,}{row[2] / 1e6:>10,.1f}{row[3] / 1e6:>12,.1f}"
                             f"{row[4]:>8,}")
        lines.append(f"verdict: {self.verdict()}")
        for i, text in enumerate(self.reasons(), 1):
            lines.append(f"  {i}. {text}")
        text = "\n".join(lines)
        print(text, file=file if file is not None else sys.stdout)
        return text

    # ------------------------------------------------------------------ the picture

    def timeline_png(self, path, width=1000, lane=24):
        """A PNG with one lane per thread: engine time green, waits red, the rest of the thread's span
        (GIL held in Python or crossing) amber. Written without a plotting library (same on both runtimes)."""
        if not self.threads:
            raise ValueError("the profile recorded no engine calls")
        begin = min(min(s for _, s, _ in tp.spans) if tp.spans else 0 for tp in self.threads)
        begin = min([begin] + [self._t0])
        end = max(self._t0 + self.wall, max((e for tp in self.threads for _, _, e in tp.spans), default=0))
        scale = width / max(1, end - begin)
        colors = {"g": (240, 170, 40), "e": (40, 170, 80), "w": (210, 50, 50)}
        gap = 4
        height = len(self.threads) * (lane + gap) + gap
        rows = [bytearray(b"\xff" * (3 * width)) for _ in range(height)]
        per_px = 1 / scale  # ns per pixel column
        for n, tp in enumerate(self.threads):
            top = gap + n * (lane + gap)
            first = min(s for _, s, _ in tp.spans) if tp.spans else begin
            # each column takes the colour of what filled most of its time: thousands of short calls
            # fall into one column, so drawing them one by one would paint whatever came last
            busy = {"e": [0.0] * width, "w": [0.0] * width}
            for kind, s, e in tp.spans:
                for col in range(max(0, int((s - begin) * scale)), min(width, int((e - begin) * scale) + 1)):
                    lo = begin + col * per_px
                    busy[kind][col] += max(0.0, min(e, lo + per_px) - max(s, lo))
            x0 = max(0, int((first - begin) * scale))
            x1 = min(width, max(x0 + 1, int((first + tp.wall - begin) * scale)))
            line = bytearray(b"\xff" * (3 * width))
            for col in range(x0, x1):
                e_ns, w_ns = busy["e"][col], busy["w"][col]
                kind = "e" if e_ns >= w_ns and e_ns >= per_px - e_ns - w_ns else \
                    "w" if w_ns >= per_px - e_ns - w_ns else "g"
                line[3 * col:3 * col + 3] = bytes(colors[kind])
            for y in range(top, top + lane):
                rows[y][:] = line
        _write_png(path, width, height, rows)
        return path


def _us(ns, count):
    return f"{ns / count / 1e3:,.1f} us" if count else "-"


def _write_png(path, width, height, rows):
    """An 8-bit RGB PNG: signature, IHDR, one zlib IDAT (filter byte 0 per row), IEND."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def main(argv):
    """`./gilfree --profile script.py args`: runs the script in one profile and prints the report at exit
    (and draws the timeline into the PNG file GILFREE_PROFILE_PNG names, when it is set)."""
    if not argv:
        raise SystemExit("usage: ./gilfree --profile SCRIPT.py [ARGS]")
    sys.argv = list(argv)
    p = profile()
    try:
        with p:
            runpy.run_path(argv[0], run_name="__main__")
    finally:
        sys.stdout.flush()
        p.report()
        png = os.environ.get("GILFREE_PROFILE_PNG")
        if png:
            p.timeline_png(png)
            print(f"gilfree: timeline written to {png}")
