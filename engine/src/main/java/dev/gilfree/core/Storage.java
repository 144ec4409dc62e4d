package dev.gilfree.core;

import java.lang.foreign.MemorySegment;

/**
 * Off-heap bytes shared by an array and all its views. The segment belongs to an automatic arena:
 * it is freed (or, when large, recycled by {@link BlockPool}) only once no view and no Java reference to
 * the segment is left, so a reader can never touch freed or reused memory, and the collector never moves it.
 */
public final class Storage {
    /** Allocation alignment: a cache line, and a multiple of every SIMD register width. */
    public static final long ALIGNMENT = 64;

    private final MemorySegment segment;
    /** Foreign memory only: the caller's token for the object owning it (see {@link #foreign}); 0 otherwise. */
    private final long owner;

    /** More than physical memory plus swap can never be had. */
    private static final long PHYSICAL_LIMIT = physicalLimit();

    private static long physicalLimit() {
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                long total = os.getTotalMemorySize() + Math.max(0, os.getTotalSwapSpaceSize());
                if (total > 0) return total;
            }
        } catch (RuntimeException | LinkageError ignored) {
            // no management beans: rely on the allocator alone
        }
        return Long.MAX_VALUE;
    }

    private Storage(MemorySegment segment) {
        this(segment, 0);
    }

    private Storage(MemorySegment segment, long owner) {
        this.segment = segment;
        this.owner = owner;
    }

    /** Fresh zero-filled memory; MemoryError (as NumPy) when it cannot be had. */
    public static Storage allocate(long bytes) { return allocate(bytes, true); }

    /**
     * Memory the caller will overwrite entirely before anyone reads it (a ufunc's result, a copy), so a
     * recycled block need not be cleared first; like NumPy's {@code empty}.
     */
    public static Storage allocateUninitialized(long bytes) { return allocate(bytes, false); }

    private static Storage allocate(long bytes, boolean zero) {
        if (!Profiler.on) return allocate0(bytes, zero);
        long t0 = System.nanoTime();
        Storage s = allocate0(bytes, zero);
        Profiler.allocated(bytes, System.nanoTime() - t0);
        return s;
    }

    private static Storage allocate0(long bytes, boolean zero) {
        if (bytes < 0) throw GilfreeException.value("negative dimensions are not allowed");
        if (bytes > PHYSICAL_LIMIT) { // fail at once: the JDK would first stall in System.gc() and sleeps
            throw GilfreeException.memory("Unable to allocate " + humanBytes(bytes) + " for an array");
        }
        MemoryBudget budget = MemoryBudget.reserve(bytes); // a sandboxed session's limit, if any
        boolean slab = budget == null && bytes <= SmallBlocks.MAX; // slab slices are counted once per slab
        try {
            Storage s = new Storage(slab ? SmallBlocks.allocate(bytes) : BlockPool.allocate(bytes, ALIGNMENT, zero));
            if (budget != null) budget.track(s, bytes);
            if (!slab) OffHeap.track(s, bytes); // asks for a collection when dropped arrays pile up off-heap
            return s;
        } catch (OutOfMemoryError | IllegalArgumentException e) {
            if (budget != null) budget.release(bytes);
            throw GilfreeException.memory("Unable to allocate " + humanBytes(bytes) + " for an array");
        }
    }

    /** Wraps memory the caller owns and keeps alive (no copy). */
    public static Storage wrap(MemorySegment segment) {
        return new Storage(segment);
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
    private static final java.util.concurrent.ConcurrentLinkedQueue<Long> RELEASED = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Live foreign storages by owner token: every wrap of the same owner shares one (so freeze and borrows cover all). */
    private static final java.util.concurrent.ConcurrentHashMap<Long, java.lang.ref.WeakReference<Storage>> FOREIGN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Memory another library owns (NumPy's), at a raw address, with no copy. {@code owner} (non-zero, never
     * used twice) is the caller's token for the object keeping that memory valid: the caller holds that
     * object until the token comes back from {@link #releasedOwners}, which happens once no view of this
     * storage is reachable. (A token rather than the object: jep can hand Java a Python object only on the
     * interpreter's own thread.) The engine cannot tell if the owner frees or moves the memory anyway
     * (docs/thread-safety.md).
     */
    public static Storage foreign(long address, long bytes, long owner) {
        if (address == 0 || bytes < 0 || owner == 0) {
            throw GilfreeException.value("invalid foreign memory: address " + address + ", " + bytes + " bytes, owner " + owner);
        }
        Storage s = new Storage(MemorySegment.ofAddress(address).reinterpret(bytes), owner);
        if (FOREIGN.putIfAbsent(owner, new java.lang.ref.WeakReference<>(s)) != null) {
            throw GilfreeException.value("owner token " + owner + " was used before");
        }
        CLEANER.register(s, () -> {
            FOREIGN.remove(owner);
            RELEASED.add(owner);
        });
        return s;
    }

    /** The live foreign storage of owner token {@code owner}, or null once it was collected (never reuse the token then). */
    public static Storage foreignOf(long owner) {
        java.lang.ref.WeakReference<Storage> r = FOREIGN.get(owner);
        return r == null ? null : r.get();
    }

    /** The owner tokens of foreign storages collected since the last call: their owners may be dropped now. */
    public static long[] releasedOwners() {
        var out = new java.util.ArrayList<Long>();
        for (Long t; (t = RELEASED.poll()) != null; ) out.add(t);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** True when the memory belongs to another library ({@link #foreign}): gilfree never frees nor resizes it. */
    public boolean isForeign() { return owner != 0; }

    public MemorySegment segment() { return segment; }

    public long byteSize() { return segment.byteSize(); }

    // ----- thread safety (docs/thread-safety.md): freeze, view tracking, exports, borrows -----

    private volatile boolean frozen;
    private final java.util.ArrayList<java.lang.ref.WeakReference<NDArray>> views = new java.util.ArrayList<>(0);
    private int viewsAtLastPrune;
    private final java.util.concurrent.atomic.AtomicInteger exports = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.ArrayList<Borrows.Borrow> borrowTable;

    /** True once {@link #freeze} ran: no write path touches this memory again. */
    public boolean isFrozen() { return frozen; }

    /** Irreversibly read-only, for every view of this memory; returns once writes still in flight ended. */
    public void freeze() {
        frozen = true;
        OpGuard.awaitWriters(this);
    }

    /** Records a view (an array whose base owns this storage) so resize can refuse while one is alive. */
    void registerView(NDArray view) {
        synchronized (views) {
            if (views.size() >= 2 * viewsAtLastPrune + 8) {
                views.removeIf(r -> r.get() == null);
                viewsAtLastPrune = views.size();
            }
            views.add(new java.lang.ref.WeakReference<>(view));
        }
    }

    /** True while some view of this memory may still be reachable. */
    public boolean hasLiveViews() {
        synchronized (views) {
            views.removeIf(r -> r.get() == null);
            viewsAtLastPrune = views.size();
            return !views.isEmpty();
        }
    }

    /** Memory handed out to a consumer outside the engine (buffer/NumPy exchange): resize refuses meanwhile. */
    public void addExport() { exports.incrementAndGet(); }

    public void removeExport() { exports.decrementAndGet(); }

    public boolean isExported() { return exports.get() > 0; }

    boolean hasBorrowTable() { return borrowTable != null; }

    java.util.ArrayList<Borrows.Borrow> borrowTable() {
        java.util.ArrayList<Borrows.Borrow> t = borrowTable;
        if (t == null) {
            synchronized (views) {
                t = borrowTable;
                if (t == null) borrowTable = t = new java.util.ArrayList<>(2);
            }
        }
        return t;
    }

    static String humanBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.3g %s", v, units[u]);
    }
}
