package dev.gilfree.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guard every engine operation passes at its entry point: it publishes which storages the operation
 * reads and writes (so {@code resize} can tell an array is in use, and {@code freeze} can wait for
 * writers still in flight), keeps the max-concurrency gauge, and, only when borrow checking is on or
 * a scoped borrow is alive, takes borrows on the operands ("one writer XOR many readers").
 *
 * <p>Cost when borrow checking is unused: a thread-local lookup, plain stores into the thread's own slot,
 * one volatile store (publish) and one volatile read of {@link #slowPath}, and two atomic updates of the
 * shared gauge. Nothing here blocks or takes a lock on that path.
 *
 * <p>Nested entries (an operation calling another one on the same thread) count once: only the
 * outermost entry publishes and counts.
 */
public final class OpGuard {
    private OpGuard() {}

    /** Engine operations in progress right now, and the most seen at once since the last reset. */
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final AtomicInteger MAX = new AtomicInteger();

    /**
     * True while some session has borrow checking on or at least one scoped borrow is alive: ops then take
     * the slow path, where the current session's {@link Settings#borrowChecking} decides what they borrow.
     * One process-wide volatile, so the fast path reads no thread-local.
     */
    private static volatile boolean slowPath;
    private static int checkingSessions; // guarded by OpGuard.class
    private static final AtomicInteger SCOPED = new AtomicInteger();

    /** Every thread's slot (threads that died are dropped lazily by scans). */
    private static final ConcurrentLinkedQueue<Slot> SLOTS = new ConcurrentLinkedQueue<>();
    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(() -> {
        // A new thread: drop the slots of threads that ended (so thread churn does not accumulate them).
        SLOTS.removeIf(o -> o.op == null && !o.thread.isAlive());
        Slot s = new Slot(Thread.currentThread());
        SLOTS.add(s);
        return s;
    });

    /** One thread's published operation: which op it runs and on which storages. */
    public static final class Slot {
        final Thread thread;
        /** Name of the running outermost operation, or null when idle; written last (publishes the rest). */
        volatile String op;
        Storage read0, read1, write;
        /** Operands beyond the common case (NDArray[] parameters, more than two reads or one write), else null. */
        Storage[] reads, writes;
        int depth;
        /** Floating-point flags the running entry's kernels reported (see {@link #reportFp}). */
        int fp;
        /** Entry names this thread entered while a test records them, else null (one plain field check). */
        ArrayList<String> recorded;
        /** Borrows this operation took on the slow path (released at exit). */
        final ArrayList<Borrows.Borrow> taken = new ArrayList<>(3);
        /** What error messages call this thread (the Python thread's name when the Python side told us). */
        public volatile String label;

        Slot(Thread thread) { this.thread = thread; }

        public String label() {
            String l = label;
            return l != null ? l : thread.getName();
        }

        boolean uses(Storage s) {
            return op != null && (read0 == s || read1 == s || write == s || contains(reads, s) || contains(writes, s));
        }

        boolean writes(Storage s) { return write == s || contains(writes, s); }

        /** Starts an entry that reports floating-point flags; returns the outer entry's flags to restore. */
        public int beginFp() {
            int outer = fp;
            fp = 0;
            return outer;
        }

        /** The flags this entry's kernels reported so far. */
        public int fpFlags() { return fp; }

        /** Ends an entry that reports flags: an inner entry's flags are its own, never the outer one's. */
        public void endFp(int outer) { fp = outer; }
    }

    /** The calling thread's slot. */
    public static Slot current() { return SLOT.get(); }

    /**
     * Entry {@code entry} ("Engine.astype") of an operation called {@code op} in messages, reading {@code r0},
     * {@code r1} and writing {@code w} (any may be null): the common case, allocation-free. Must be paired
     * with {@link #exit} in a finally block (the generated facades do both).
     */
    public static Slot enter(String entry, String op, NDArray r0, NDArray r1, NDArray w) {
        Slot s = SLOT.get();
        if (s.recorded != null) s.recorded.add(entry);
        if (s.depth++ > 0) return s;
        if (Profiler.on) Profiler.enter(r0, r1, w);
        s.read0 = r0 == null ? null : r0.storage();
        s.read1 = r1 == null ? null : r1.storage();
        s.write = w == null ? null : w.storage();
        return publish(s, op);
    }

    /**
     * As {@link #enter} for any number of operands: each row is one NDArray[] parameter or the group of
     * single NDArray parameters; null rows and null arrays are skipped.
     */
    public static Slot enterAll(String entry, String op, NDArray[][] reads, NDArray[][] writes) {
        Slot s = SLOT.get();
        if (s.recorded != null) s.recorded.add(entry);
        if (s.depth++ > 0) return s;
        if (Profiler.on) Profiler.enterAll(reads, writes);
        s.reads = storages(reads);
        s.writes = storages(writes);
        return publish(s, op);
    }

    private static Slot publish(Slot s, String op) {
        s.op = op; // volatile: publishes the storages; ordered before the reads of frozen/slowPath below
        int n = ACTIVE.incrementAndGet();
        int m = MAX.get();
        while (n > m && !MAX.compareAndSet(m, n)) m = MAX.get();
        if (slowPath) {
            try {
                Borrows.acquireForOp(s, op);
            } catch (RuntimeException e) {
                exit(s);
                throw e;
            }
        }
        return s;
    }

    private static Storage[] storages(NDArray[][] rows) {
        int n = 0;
        for (NDArray[] row : rows) if (row != null) for (NDArray a : row) if (a != null) n++;
        Storage[] out = new Storage[n];
        int k = 0;
        for (NDArray[] row : rows) if (row != null) for (NDArray a : row) if (a != null) out[k++] = a.storage();
        return out;
    }

    private static boolean contains(Storage[] ss, Storage s) {
        if (ss != null) for (Storage x : ss) if (x == s) return true;
        return false;
    }

    public static void exit(Slot s) {
        if (--s.depth > 0) return;
        if (Profiler.on) Profiler.exit(s.op);
        if (!s.taken.isEmpty()) Borrows.releaseAll(s);
        s.op = null;
        s.read0 = s.read1 = s.write = null;
        s.reads = s.writes = null;
        ACTIVE.decrementAndGet();
    }

    /** A kernel of the running entry met floating-point conditions (the gateway decides what they become). */
    public static void reportFp(int flags) {
        if (flags != 0) SLOT.get().fp |= flags;
    }

    // ----- recording which entries a thread entered (a test hook) -----

    /**
     * Threads recording right now, plus one while a profile records: entries that skip the guard look at
     * their slot only when this is not 0 (one volatile read otherwise).
     */
    private static volatile int recorders;

    /**
     * Records {@code entry} for an entry that touches no array memory (and so takes no guard); returns the
     * profiler's start time when a profile times this entry (an outermost one), else 0, for {@link #recorded}.
     */
    public static long record(String entry) {
        if (recorders == 0) return 0;
        Slot s = SLOT.get();
        if (s.recorded != null) s.recorded.add(entry);
        return Profiler.on && s.depth == 0 ? Profiler.enterUnguarded() : 0;
    }

    /** The end of an unguarded entry that {@link #record} timed ({@code t0 != 0}). */
    public static void recorded(long t0, String entry) {
        Profiler.exitUnguarded(t0, entry.substring(entry.indexOf('.') + 1));
    }

    /** A profile started (+1) or stopped (-1): unguarded entries then look at their slot. */
    static synchronized void watch(int delta) { recorders += delta; }

    /** Starts (or restarts, emptied) recording the entries the calling thread enters (a test hook: every thread's unguarded entries then look at their slot). */
    public static synchronized void startRecording() {
        Slot s = SLOT.get();
        if (s.recorded == null) recorders++;
        s.recorded = new ArrayList<>();
    }

    /** Stops recording on the calling thread and returns the entries it entered, in order (empty if it was not recording). */
    public static synchronized String[] stopRecording() {
        Slot s = SLOT.get();
        ArrayList<String> r = s.recorded;
        if (r == null) return new String[0];
        s.recorded = null;
        recorders--;
        return r.toArray(String[]::new);
    }

    /** Threads with a slot right now (ended threads are dropped when a new thread arrives). */
    public static int slotCount() { return SLOTS.size(); }

    // ----- the gauge -----

    public static int active() { return ACTIVE.get(); }

    public static int maxConcurrent() { return MAX.get(); }

    /** Starts a new measurement: the max becomes the number of operations running right now. */
    public static void resetMax() { MAX.set(ACTIVE.get()); }

    // ----- borrow checking switches -----

    /** A session turned checked mode on (+1) or off (-1); called by {@link Settings} under this class's lock. */
    static synchronized void checkingSessionsChanged(int delta) {
        checkingSessions += delta;
        slowPath = checkingSessions > 0 || SCOPED.get() > 0;
    }

    static synchronized void scopedBorrowOpened() {
        SCOPED.incrementAndGet();
        slowPath = true;
    }

    static synchronized void scopedBorrowClosed() {
        int n = SCOPED.decrementAndGet();
        slowPath = checkingSessions > 0 || n > 0;
    }

    static boolean slowPath() { return slowPath; }

    // ----- scans (rare: resize, freeze, error messages) -----

    /** Another thread's running operation that uses {@code s}, or null. */
    public static Slot otherUser(Storage s) {
        Slot me = SLOT.get();
        for (Iterator<Slot> it = SLOTS.iterator(); it.hasNext(); ) {
            Slot o = it.next();
            if (o == me) continue;
            if (!o.thread.isAlive() && o.op == null) {
                it.remove();
                continue;
            }
            if (o.uses(s)) return o;
        }
        return null;
    }

    /** Waits until no other thread runs an operation that writes {@code s} (freeze: writers in flight finish). */
    static void awaitWriters(Storage s) {
        Slot me = SLOT.get();
        for (Slot o : SLOTS) {
            if (o == me) continue;
            int spins = 0;
            while (o.op != null && o.writes(s)) {
                if (++spins < 100) Thread.onSpinWait();
                else Thread.yield();
            }
        }
    }
}
