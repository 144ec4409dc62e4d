package dev.gilfree.core;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Large blocks straight from the C library, backed by transparent huge pages where Linux allows it
 * (madvise MADV_HUGEPAGE, as NumPy does for its large arrays): a 2 MiB page faults in once instead of 512
 * times, which is most of what a fresh 80 MB result costs. The JDK's own allocator zero-fills (touches)
 * every page before anyone could advise the kernel, hence the direct calls. Anything unavailable (another
 * OS, no native access) makes {@link #available()} false and {@link BlockPool} falls back to the JDK.
 */
final class NativeMemory {
    private NativeMemory() {}

    static final long HUGE_PAGE = 2L << 20;
    private static final int MADV_HUGEPAGE = 14;

    private static final MethodHandle ALIGNED_ALLOC, FREE, MADVISE;

    static {
        MethodHandle alloc = null, free = null, madvise = null;
        try {
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                Optional<MemorySegment> a = libc.find("aligned_alloc"), f = libc.find("free"), m = libc.find("madvise");
                if (a.isPresent() && f.isPresent() && m.isPresent()) {
                    alloc = linker.downcallHandle(a.get(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                    free = linker.downcallHandle(f.get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
                    madvise = linker.downcallHandle(m.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            alloc = null; // native access refused or no linker for this platform: use the JDK's allocator
        }
        ALIGNED_ALLOC = alloc;
        FREE = free;
        MADVISE = madvise;
    }

    static boolean available() { return ALIGNED_ALLOC != null; }

    /**
     * {@code bytes} (a multiple of HUGE_PAGE) of uninitialised memory aligned to a huge page, or null when the
     * C library has none to give. The caller must {@link #free} it.
     */
    static MemorySegment allocate(long bytes) {
        try {
            MemorySegment p = (MemorySegment) ALIGNED_ALLOC.invokeExact(HUGE_PAGE, bytes);
            if (p.address() == 0) return null;
            int ignored = (int) MADVISE.invokeExact(p, bytes, MADV_HUGEPAGE); // advice only: failure is harmless
            return p.reinterpret(bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("aligned_alloc failed", t);
        }
    }

    static void free(MemorySegment block) {
        try {
            FREE.invokeExact(block);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
