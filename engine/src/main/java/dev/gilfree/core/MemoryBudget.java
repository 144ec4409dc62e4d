package dev.gilfree.core;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A limit on the engine's off-heap memory for whatever runs on a thread while the {@link Settings} that
 * own the budget are bound (a sandboxed session binds its own around each script it runs). Every
 * allocation made under the budget
 * is charged to it and credited back when the array's storage becomes unreachable; an allocation that
 * would exceed the limit raises MemoryError (after one garbage collection to reclaim dropped arrays).
 * Threads with no budget bound are not limited and pay one thread-local read per allocation.
 */
public final class MemoryBudget {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    private MemoryBudget(long limit) {
        if (limit < 0) throw new IllegalArgumentException("negative memory limit");
        this.limit = limit;
    }

    /** A budget of {@code limitBytes} bytes of live array memory. */
    public static MemoryBudget of(long limitBytes) { return new MemoryBudget(limitBytes); }

    public long limit() { return limit; }

    /** Bytes of array memory allocated under this budget and still reachable (credited back after GC). */
    public long used() { return used.get(); }

    /**
     * Charges {@code bytes} to the calling thread's budget (its bound settings' one); returns the budget (to {@link #track} the
     * storage or {@link #release} on failure), or null when the thread has none.
     */
    static MemoryBudget reserve(long bytes) {
        MemoryBudget b = Settings.current().budget();
        if (b == null) return null;
        b.charge(bytes);
        return b;
    }

    private void charge(long bytes) {
        for (int attempt = 0; ; attempt++) {
            long cur = used.get();
            if (bytes <= limit - cur) {
                if (used.compareAndSet(cur, cur + bytes)) return;
                continue;
            }
            if (attempt >= 3) {
                throw GilfreeException.memory("Unable to allocate " + Storage.humanBytes(bytes)
                        + " for an array: the session's memory limit of " + Storage.humanBytes(limit)
                        + " is reached (" + Storage.humanBytes(cur) + " in use)");
            }
            // Dropped arrays are credited back only once collected: collect, give the cleaner a moment.
            System.gc();
            try {
                Thread.sleep(10L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GilfreeException.memory("interrupted while waiting for memory");
            }
        }
    }

    /** Credits {@code bytes} back once {@code owner} is unreachable. */
    void track(Object owner, long bytes) {
        CLEANER.register(owner, () -> used.addAndGet(-bytes));
    }

    void release(long bytes) { used.addAndGet(-bytes); }
}
