package dev.gilfree.core;

/**
 * An error the Python package re-raises as the named Python exception type, with this message.
 * The engine throws only these for bad input, so no Java stack trace reaches a Python user.
 */
public final class GilfreeException extends RuntimeException {
    /** The Python exception class NumPy raises for the same mistake. */
    public enum PyType { ValueError, TypeError, IndexError, MemoryError, ZeroDivisionError, FloatingPointError, OverflowError,
        /** gilfree.BorrowError (a RuntimeError): a borrow-checking conflict between two threads. */
        BorrowError,
        /** numpy.linalg.LinAlgError (a ValueError): a singular or non-positive-definite matrix and the like. */
        LinAlgError,
        /** The engine ran out of stack (deep recursion). */
        RecursionError,
        /** The session refuses the call (a test hook or an address in a sandboxed session): PermissionError in Python. */
        PermissionError,
        /** The operating system refused a file operation (a memory-mapped file). */
        OSError,
        /** A bug in gilfree that escaped an entry point (a RuntimeError in Python), never bad input. */
        InternalError,
        /** Ctrl-C stopped the operation (dev.gilfree.exec.Interrupts). */
        KeyboardInterrupt }

    private final PyType pyType;

    public GilfreeException(PyType pyType, String message) {
        super(message, null, false, false); // no stack trace: it is a user error, and cheap to throw
        this.pyType = pyType;
    }

    /** As above, keeping the Java error that caused it (for a debugger; Python sees only the message). */
    public GilfreeException(PyType pyType, String message, Throwable cause) {
        super(message, cause, false, false);
        this.pyType = pyType;
    }

    /** The Python exception type's name, e.g. "ValueError". */
    public String pythonType() { return pyType.name(); }

    public PyType pyType() { return pyType; }

    public static GilfreeException value(String message) { return new GilfreeException(PyType.ValueError, message); }

    public static GilfreeException type(String message) { return new GilfreeException(PyType.TypeError, message); }

    public static GilfreeException index(String message) { return new GilfreeException(PyType.IndexError, message); }

    public static GilfreeException memory(String message) { return new GilfreeException(PyType.MemoryError, message); }

    public static GilfreeException permission(String message) { return new GilfreeException(PyType.PermissionError, message); }

    public static GilfreeException os(String message, Throwable cause) { return new GilfreeException(PyType.OSError, message, cause); }
}
