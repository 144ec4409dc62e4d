package dev.gilfree.core;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Small arrays are carved out of per-thread slabs instead of each getting an automatic arena of its own:
 * an arena costs a session, a cleaner registration and a C allocation plus zeroing (about a microsecond,
 * most of a small ufunc call's time in the engine). A slab is one zero-filled automatic-arena allocation;
 * its arrays are slices bumped off it, 64-byte aligned and never reused, so they are zero already and
 * share the slab's lifetime: the slab is freed when its last slice (or any view or export of one) is
 * unreachable. The cost is retention: one live small array keeps its whole slab (at most {@link #SLAB}).
 */
final class SmallBlocks {
    private SmallBlocks() {}

    /** Largest allocation served from a slab (1,024 float64). */
    static final long MAX = 8 << 10;
    /** Slab size. */
    static final long SLAB = 128 << 10;

    private static final class Slab {
        MemorySegment memory;
        long used = SLAB; // empty: the first allocation takes a fresh slab
    }

    private static final ThreadLocal<Slab> CURRENT = ThreadLocal.withInitial(Slab::new);

    /** {@code bytes} (at most MAX) of zeroed memory, 64-byte aligned. */
    static MemorySegment allocate(long bytes) {
        Slab s = CURRENT.get();
        long size = Math.max(bytes, 1);
        if (s.used + size > SLAB) {
            s.memory = Arena.ofAuto().allocate(SLAB, Storage.ALIGNMENT);
            s.used = 0;
            OffHeap.track(s.memory.scope(), SLAB); // the scope, shared by every slice, outlives them all
        }
        MemorySegment slice = s.memory.asSlice(s.used, bytes);
        s.used += (size + Storage.ALIGNMENT - 1) & -Storage.ALIGNMENT;
        return slice;
    }
}
