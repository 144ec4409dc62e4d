package dev.gilfree.api;

import dev.gilfree.core.Borrows;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.core.Storage;
import java.lang.foreign.MemorySegment;

/**
 * The Python-facing calls of the thread-safety contract (docs/thread-safety.md): freeze, scoped borrows,
 * resize in place (as a new engine array the Python wrapper swaps in), thread labels for error messages.
 */
public final class ThreadSafety {
    private ThreadSafety() {}

    /** NumPy 2's message, word for word. */
    static final String RESIZE_REFUSED = "cannot resize an array that references or is referenced\n"
            + "by another object in this way.\nUse the np.resize function to get a new resized copy or\n"
            + " set refcheck=False to disable this check";

    /** Makes {@code a}'s memory read-only for good, for every view of it; returns once writers in flight ended. */
    public static void freeze(NDArray a) { a.storage().freeze(); }

    public static boolean isFrozen(NDArray a) { return a.storage().isFrozen(); }

    /** A scoped borrow of {@code a} for the calling thread (BorrowError on a conflict); release it when done. */
    public static Borrows.Borrow borrow(NDArray a, boolean exclusive, String op) {
        return Borrows.acquireScoped(a, exclusive, op);
    }

    public static void release(Borrows.Borrow b) { b.release(); }

    /** The name error messages give the calling thread (the Python thread's name). */
    public static void setThreadLabel(String label) { OpGuard.current().label = label; }

    public static String threadLabel() { return OpGuard.current().label(); }

    /**
     * {@code a} resized in place, NumPy style (C-order data kept, the rest zero-filled), as a new array
     * that the caller puts in place of {@code a}. The old memory stays alive for whoever still uses it.
     * With {@code refcheck}, refuses (ValueError) while {@code a} has views, is exported, or is used by
     * an operation or borrow of another thread.
     */
    public static NDArray resize(NDArray a, long[] shape, boolean refcheck) {
        OpGuard.Slot g;
        try {
            g = OpGuard.enter("resize", null, null, a);
        } catch (GilfreeException e) {
            // another thread's borrow: "in use", refused the way NumPy refuses
            if (e.pyType() == GilfreeException.PyType.BorrowError) throw GilfreeException.value(RESIZE_REFUSED);
            throw e;
        }
        try {
            a.checkWriteable();
            if (!a.ownsData()) throw GilfreeException.value("cannot resize this array: it does not own its data");
            if (!a.isCContiguous()) throw GilfreeException.value("resize only works on single-segment arrays");
            Storage s = a.storage();
            if (refcheck) {
                String why = busy(s);
                if ("views".equals(why)) {
                    System.gc(); // a view Python dropped may not have been collected yet
                    why = busy(s);
                }
                if (why != null) throw GilfreeException.value(RESIZE_REFUSED);
            }
            NDArray r = NDArray.zeros(a.dtype(), shape);
            long bytes = Math.min(a.size(), r.size()) * a.itemsize();
            if (bytes > 0) MemorySegment.copy(a.segment(), a.offset(), r.segment(), 0, bytes);
            return r;
        } finally {
            OpGuard.exit(g);
        }
    }

    /** Why {@code s} cannot be resized now ("views", "exported", "in use"), or null. */
    static String busy(Storage s) {
        if (s.isExported()) return "exported";
        if (OpGuard.otherUser(s) != null || Borrows.hasOtherBorrow(s)) return "in use";
        if (s.hasLiveViews()) return "views";
        return null;
    }

    /** Why {@code a} cannot be resized right now, or null (for tests and error reports). */
    public static String resizeBlocker(NDArray a) { return busy(a.storage()); }

    /** Marks {@code a}'s memory as exported (handed to a consumer outside the engine) or no longer. */
    public static void setExported(NDArray a, boolean exported) {
        if (exported) a.storage().addExport(); else a.storage().removeExport();
    }
}
