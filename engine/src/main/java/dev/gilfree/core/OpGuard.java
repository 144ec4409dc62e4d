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

    /** True while global borrow checking is on or at least one scoped borrow is alive: ops then check. */
    private static volatile boolean slowPath;
    private static volatile boolean checking;
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
        int depth;
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
            return op != null && (read0 == s || read1 == s || write == s);
        }
    }

    /** The calling thread's slot. */
    public static Slot current() { return SLOT.get(); }

    /**
     * Entry of an engine operation named {@code op} that reads {@code r0}, {@code r1} and writes {@code w}
     * (any may be null). Must be paired with {@link #exit} in a finally block.
     */
    public static Slot enter(String op, NDArray r0, NDArray r1, NDArray w) {
        Slot s = SLOT.get();
        if (s.depth++ > 0) return s;
        s.read0 = r0 == null ? null : r0.storage();
        s.read1 = r1 == null ? null : r1.storage();
        s.write = w == null ? null : w.storage();
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

    public static void exit(Slot s) {
        if (--s.depth > 0) return;
        if (!s.taken.isEmpty()) Borrows.releaseAll(s);
        s.op = null;
        s.read0 = s.read1 = s.write = null;
        ACTIVE.decrementAndGet();
    }

    /** Threads with a slot right now (ended threads are dropped when a new thread arrives). */
    public static int slotCount() { return SLOTS.size(); }

    // ----- the gauge -----

    public static int active() { return ACTIVE.get(); }

    public static int maxConcurrent() { return MAX.get(); }

    /** Starts a new measurement: the max becomes the number of operations running right now. */
    public static void resetMax() { MAX.set(ACTIVE.get()); }

    // ----- borrow checking switches -----

    public static boolean isChecking() { return checking; }

    public static synchronized void setChecking(boolean on) {
        checking = on;
        slowPath = on || SCOPED.get() > 0;
    }

    static synchronized void scopedBorrowOpened() {
        SCOPED.incrementAndGet();
        slowPath = true;
    }

    static synchronized void scopedBorrowClosed() {
        int n = SCOPED.decrementAndGet();
        slowPath = checking || n > 0;
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
            while (o.op != null && o.write == s) {
                if (++spins < 100) Thread.onSpinWait();
                else Thread.yield();
            }
        }
    }
}
