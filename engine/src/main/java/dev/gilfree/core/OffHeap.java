package dev.gilfree.core;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the engine's off-heap memory close to what live arrays use. Array memory is freed by the garbage
 * collector (automatic arenas), but array objects are tiny on the Java heap, so without help the
 * collector may run rarely while gigabytes of dropped arrays wait off-heap. This counts live engine
 * bytes and asks for a collection when they grow past twice what survived the previous one (and past
 * {@link #MIN_TRIGGER}), so memory stays flat when arrays are created and dropped in a loop.
 */
public final class OffHeap {
    private OffHeap() {}

    /** Below this much live array memory no collection is requested. */
    static final long MIN_TRIGGER = 256L << 20;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong LIVE = new AtomicLong();
    private static volatile long liveAfterGc;
    private static volatile long gcAt; // nanoTime of the last requested collection, 0 once its effect was measured
    private static final Object LOCK = new Object();

    /** Bytes of engine-allocated array memory not yet freed. */
    public static long liveBytes() { return LIVE.get(); }

    /** Bytes of freed large blocks kept for reuse (see BlockPool). */
    public static long pooledIdleBytes() { return BlockPool.idleBytes(); }

    /** {fresh, reused}: large allocations that took new memory, and those that reused a pooled block. */
    public static long[] pooledAllocations() { return new long[]{BlockPool.freshCount(), BlockPool.reusedCount()}; }

    static void track(Object owner, long bytes) {
        long live = LIVE.addAndGet(bytes);
        CLEANER.register(owner, () -> LIVE.addAndGet(-bytes));
        long since = gcAt;
        if (since != 0) {
            if (System.nanoTime() - since > 50_000_000L) { // cleaners have had time to run: measure
                liveAfterGc = LIVE.get();
                gcAt = 0;
            }
            return;
        }
        if (live > MIN_TRIGGER && live > 2 * liveAfterGc) {
            synchronized (LOCK) {
                if (gcAt != 0) return;
                gcAt = System.nanoTime();
            }
            System.gc();
        }
    }
}
