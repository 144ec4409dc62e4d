package dev.gilfree.api;

import dev.gilfree.core.Borrows;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.core.Storage;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.gateway.Gate;
import java.lang.foreign.MemorySegment;

/**
 * The Python-facing calls of the thread-safety contract (docs/thread-safety.md): freeze, scoped borrows,
 * resize in place (as a new engine array the Python wrapper swaps in), thread labels for error messages.
 */
@Facade("ThreadSafety")
final class ThreadSafetyOps {
    private ThreadSafetyOps() {}

    /** Makes {@code a}'s memory read-only for good, for every view of it; returns once writers in flight ended. */
    @Entry
    static void freeze(NDArray a) { a.storage().freeze(); }

    @Entry
    static boolean isFrozen(NDArray a) { return a.storage().isFrozen(); }

    /** A scoped borrow of {@code a} for the calling thread (BorrowError on a conflict); release it when done. */
    @Entry
    static Borrows.Borrow borrow(NDArray a, boolean exclusive, String op) { return Borrows.acquireScoped(a, exclusive, op); }

    @Entry
    static void release(Borrows.Borrow b) { b.release(); }

    /** The name error messages give the calling thread (the Python thread's name). */
    @Entry
    static void setThreadLabel(String label) { OpGuard.current().label = label; }

    @Entry
    static String threadLabel() { return OpGuard.current().label(); }

    /**
     * {@code a} resized in place, NumPy style (C-order data kept, the rest zero-filled), as a new array
     * that the caller puts in place of {@code a}. The gateway refuses while another thread's operation or
     * borrow uses {@code a}; with {@code refcheck}, this body also refuses while {@code a} has views or is
     * exported (what refcheck=False turns off, as in NumPy).
     */
    @Entry(writes = "a", resizes = true, sample = "a.resize((4, 3), refcheck=False)")
    static NDArray resize(NDArray a, long[] shape, boolean refcheck) {
        if (!a.ownsData() || a.storage().isForeign()) throw GilfreeException.value("cannot resize this array: it does not own its data");
        if (!a.isCContiguous()) throw GilfreeException.value("resize only works on single-segment arrays");
        Storage s = a.storage();
        if (refcheck) {
            String why = busy(s);
            if ("views".equals(why)) {
                System.gc(); // a view Python dropped may not have been collected yet
                why = busy(s);
            }
            if (why != null) throw GilfreeException.value(Gate.RESIZE_REFUSED);
        }
        NDArray r = NDArray.zeros(a.dtype(), shape);
        long bytes = Math.min(a.size(), r.size()) * a.itemsize();
        if (bytes > 0) MemorySegment.copy(a.segment(), a.offset(), r.segment(), 0, bytes);
        return r;
    }

    /** Why {@code s} cannot be resized now ("views", "exported", "in use"), or null. */
    private static String busy(Storage s) {
        if (s.isExported()) return "exported";
        if (OpGuard.otherUser(s) != null || Borrows.hasOtherBorrow(s)) return "in use";
        if (s.hasLiveViews()) return "views";
        return null;
    }

    /** Why {@code a} cannot be resized right now, or null (for tests and error reports). */
    @Entry
    static String resizeBlocker(NDArray a) { return busy(a.storage()); }

    /** Marks {@code a}'s memory as exported (handed to a consumer outside the engine) or no longer. */
    @Entry
    static void setExported(NDArray a, boolean exported) {
        if (exported) a.storage().addExport(); else a.storage().removeExport();
    }
}
