package dev.gilfree.core;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recycles large off-heap blocks so that operations which allocate their result do not pay, every time,
 * for fresh pages: the kernel's page faults and zeroing on first touch, and the unmap on free, cost more
 * than an add over the same bytes and serialise threads on the process's memory map.
 *
 * <p>A block is handed out as a segment of its own automatic arena whose cleanup action puts the block
 * back: it returns to the pool only once no segment derived from it (view, slice, export) is reachable,
 * exactly when an {@code Arena.ofAuto()} allocation would have been freed. So no reader ever sees a block
 * reused under it. Idle blocks are capped ({@link #IDLE_CAP}) and freed after {@link #IDLE_NANOS} unused.
 * Fresh blocks of 2 MiB and more come from {@link NativeMemory} on huge pages.
 *
 * <p>Blocks come in size classes eight per power of two (at most 12.5% unused), so arrays of similar size
 * share blocks. Small allocations are not pooled: the C allocator already reuses them cheaply.
 */
final class BlockPool {
    private BlockPool() {}

    /** Allocations below this go straight to the allocator. */
    static final long MIN_POOLED = 1L << 20;
    /** At most this many idle bytes are kept. */
    static final long IDLE_CAP = Long.getLong("gilfree.poolCap", 1L << 30);
    /** A block unused this long is freed (checked on take and release, and every 10 s by a daemon thread). */
    static final long IDLE_NANOS = 10_000_000_000L;
    private static final long PAGE = 4096;

    /** {@code size} is the class; {@code fromLibc} blocks are freed by hand when dropped, others by the collector. */
    private record Block(MemorySegment raw, long size, boolean fromLibc) {
        void drop() { if (fromLibc) NativeMemory.free(raw); }
    }

    private static final ConcurrentHashMap<Long, ConcurrentLinkedDeque<Idle>> FREE = new ConcurrentHashMap<>();
    private static final AtomicLong IDLE = new AtomicLong();
    private static final AtomicLong REUSED = new AtomicLong();
    private static final AtomicLong FRESH = new AtomicLong();
    private static volatile long lastTrim = System.nanoTime();

    private record Idle(Block block, long since) {}

    /** Bytes held idle for reuse. */
    static long idleBytes() { return IDLE.get(); }

    /** Idle blocks of one size class. */
    static int idleBlocks(long sizeClass) {
        ConcurrentLinkedDeque<Idle> q = FREE.get(sizeClass);
        return q == null ? 0 : q.size();
    }

    /** Pooled-size allocations served from a recycled block since start. */
    static long reusedCount() { return REUSED.get(); }

    /** Pooled-size allocations that needed a fresh block since start. */
    static long freshCount() { return FRESH.get(); }

    /** The smallest size class holding {@code bytes}: (8 + j) * 2^(e-3), j in 0..7. */
    static long sizeClass(long bytes) {
        int e = 63 - Long.numberOfLeadingZeros(bytes - 1); // 2^e < bytes <= 2^(e+1)
        long step = 1L << Math.max(e - 3, 0);               // eighths of 2^e
        return (bytes + step - 1) / step * step;
    }

    /**
     * A segment of exactly {@code bytes}, 64-byte aligned (page aligned when pooled), zero-filled when
     * {@code zero} (otherwise its contents are whatever a previous array left: the caller overwrites all).
     */
    static MemorySegment allocate(long bytes, long alignment, boolean zero) {
        if (bytes < MIN_POOLED) return Arena.ofAuto().allocate(Math.max(bytes, 1), alignment);
        long size = sizeClass(bytes);
        Block block = take(size);
        if (block == null) {
            FRESH.incrementAndGet();
            block = fresh(size);
            if (block.fromLibc() && zero) block.raw().asSlice(0, bytes).fill((byte) 0);
        } else {
            REUSED.incrementAndGet();
            if (zero) block.raw().asSlice(0, bytes).fill((byte) 0);
        }
        Block b = block;
        // The cleanup must reach only the block, never the handed-out segment or its arena.
        return b.raw().reinterpret(bytes, Arena.ofAuto(), ignored -> release(b));
    }

    private static Block fresh(long size) {
        if (NativeMemory.available() && size >= NativeMemory.HUGE_PAGE) {
            MemorySegment raw = NativeMemory.allocate((size + NativeMemory.HUGE_PAGE - 1) / NativeMemory.HUGE_PAGE * NativeMemory.HUGE_PAGE);
            if (raw != null) return new Block(raw, size, true);
        }
        return new Block(Arena.ofAuto().allocate(size, PAGE), size, false); // zeroed by the JDK
    }

    private static Block take(long size) {
        ConcurrentLinkedDeque<Idle> q = FREE.get(size);
        Idle idle = q == null ? null : q.pollFirst();
        trimIfDue();
        if (idle == null) return null;
        IDLE.addAndGet(-size);
        return idle.block();
    }

    private static void release(Block b) {
        if (IDLE.addAndGet(b.size()) > IDLE_CAP) { // over the cap: free it
            IDLE.addAndGet(-b.size());
            b.drop();
            return;
        }
        FREE.computeIfAbsent(b.size(), k -> new ConcurrentLinkedDeque<>()).addFirst(new Idle(b, System.nanoTime()));
        trimIfDue();
        if (TRIMMER.get() == null) startTrimmer();
    }

    private static final java.util.concurrent.atomic.AtomicReference<Thread> TRIMMER = new java.util.concurrent.atomic.AtomicReference<>();

    /** Frees idle blocks once the program stops allocating too (trimming otherwise happens on take/release). */
    private static void startTrimmer() {
        Thread t = Thread.ofPlatform().daemon().name("gilfree-pool-trimmer").unstarted(() -> {
            while (true) {
                try {
                    Thread.sleep(IDLE_NANOS / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
                trimIfDue();
            }
        });
        if (TRIMMER.compareAndSet(null, t)) t.start();
    }

    /** Drops blocks idle longer than IDLE_NANOS (most recently used blocks sit first, stale ones last). */
    private static void trimIfDue() {
        long now = System.nanoTime();
        if (now - lastTrim < IDLE_NANOS / 2) return;
        lastTrim = now;
        for (ConcurrentLinkedDeque<Idle> q : FREE.values()) {
            Idle last;
            while ((last = q.peekLast()) != null && now - last.since() > IDLE_NANOS) {
                if (q.removeLastOccurrence(last)) {
                    IDLE.addAndGet(-last.block().size());
                    last.block().drop();
                }
            }
        }
    }
}
