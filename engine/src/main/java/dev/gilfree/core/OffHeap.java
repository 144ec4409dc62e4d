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

    /**
     * Below this much live array memory no collection is requested: a quarter of the maximum heap, kept
     * between 256 MiB and 1 GiB ({@code -Dgilfree.collectAt=BYTES} overrides). Each requested collection is
     * a full one, 100-200 ms on GraalPy's heap, paid by every dropped array in proportion to its size: at
     * the old fixed 256 MiB a loop allocating 1,000-element results spent 7 us per call in them. The JDK lets
     * direct buffers reach the whole maximum heap before it asks for a collection; a quarter is more careful.
     */
    static final long MIN_TRIGGER = Long.getLong("gilfree.collectAt",
            Math.clamp(Runtime.getRuntime().maxMemory() / 4, 256L << 20, 1L << 30));

    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicLong LIVE = new AtomicLong();
    /** The least live figure since the last requested collection: what survived it, once its cleaners ran. */
    private static final AtomicLong LOW = new AtomicLong();
    private static final java.util.concurrent.atomic.AtomicBoolean COLLECTING = new java.util.concurrent.atomic.AtomicBoolean();

    /** Bytes of engine-allocated array memory not yet freed. */
    public static long liveBytes() { return LIVE.get(); }

    /** Bytes of freed large blocks kept for reuse (see BlockPool). */
    public static long pooledIdleBytes() { return BlockPool.idleBytes(); }

    /** {fresh, reused}: large allocations that took new memory, and those that reused a pooled block. */
    public static long[] pooledAllocations() { return new long[]{BlockPool.freshCount(), BlockPool.reusedCount()}; }

    // The survivor level is the running minimum, lowered by the cleaners themselves: a single sample taken
    // soon after the collection read it before the cleaners had run, doubled the next trigger, and left
    // the block pool empty for ten fresh 80 MB allocations in a row.
    static void track(Object owner, long bytes) {
        long live = LIVE.addAndGet(bytes);
        CLEANER.register(owner, () -> LOW.accumulateAndGet(LIVE.addAndGet(-bytes), Math::min));
        if (live > MIN_TRIGGER && live > 2 * LOW.get() && COLLECTING.compareAndSet(false, true)) {
            try {
                System.gc();
            } finally {
                LOW.set(LIVE.get());
                COLLECTING.set(false);
            }
        }
    }
}
