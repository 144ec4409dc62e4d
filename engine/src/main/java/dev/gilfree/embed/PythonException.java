package dev.gilfree.embed;

/** A Python exception raised by code a {@link PythonSession} ran, with its Python type name and message. */
public class PythonException extends RuntimeException {
    private final String pythonType;

    public PythonException(String pythonType, String message, Throwable cause) {
        super(pythonType + ": " + message, cause);
        this.pythonType = pythonType;
    }

    /** The Python exception class name, e.g. "ValueError" or "MemoryError". */
    public String pythonType() { return pythonType; }
}
