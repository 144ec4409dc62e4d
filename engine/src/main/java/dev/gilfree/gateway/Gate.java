package dev.gilfree.gateway;

import dev.gilfree.api.FpSignal;
import dev.gilfree.core.Borrows;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.GilfreeException.PyType;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;

/**
 * What the generated facades call around every entry besides the op guard: the writeable check of written
 * arrays, the resize refusal, and the one place that decides what a Java error becomes in Python.
 */
public final class Gate {
    private Gate() {}

    /** NumPy 2's message, word for word. */
    public static final String RESIZE_REFUSED = "cannot resize an array that references or is referenced\n"
            + "by another object in this way.\nUse the np.resize function to get a new resized copy or\n"
            + " set refcheck=False to disable this check";

    /** NumPy's ValueError for a read-only (or frozen) destination; null means "no such operand" (out=None). */
    public static void checkWriteable(NDArray a) {
        if (a != null) a.checkWriteable();
    }

    public static void checkWriteable(NDArray[] as) {
        if (as != null) for (NDArray a : as) checkWriteable(a);
    }

    /**
     * Enters the guard for an entry that resizes {@code a} in place: refused with NumPy's message while
     * another thread's operation or borrow uses it. The refusal lives here (not in the body) because "in use
     * by another thread" is what the guard knows; views and exports, which depend on the body's refcheck
     * argument, stay with the body.
     */
    public static OpGuard.Slot enterResize(String entry, String op, NDArray a) {
        OpGuard.Slot g;
        try {
            g = OpGuard.enter(entry, op, null, null, a);
        } catch (GilfreeException e) {
            if (e.pyType() == PyType.BorrowError) throw GilfreeException.value(RESIZE_REFUSED);
            throw e;
        }
        if (a != null && (OpGuard.otherUser(a.storage()) != null || Borrows.hasOtherBorrow(a.storage()))) {
            OpGuard.exit(g);
            throw GilfreeException.value(RESIZE_REFUSED);
        }
        return g;
    }

    /**
     * What Python sees of anything an entry's body threw: the engine's own errors and floating-point signals
     * as they are; running out of memory or stack as MemoryError / RecursionError; anything else is a bug in
     * gilfree, reported as an internal error in one line (never a Java stack trace).
     */
    public static RuntimeException typed(Throwable t) {
        return switch (t) {
            case GilfreeException g -> g;
            case FpSignal f -> f;
            case OutOfMemoryError e -> new GilfreeException(PyType.MemoryError, "out of memory in the engine: " + e.getMessage(), e);
            case StackOverflowError e -> new GilfreeException(PyType.RecursionError, "maximum recursion depth exceeded in the engine", e);
            default -> new GilfreeException(PyType.InternalError, "gilfree internal error: " + t, t);
        };
    }
}
