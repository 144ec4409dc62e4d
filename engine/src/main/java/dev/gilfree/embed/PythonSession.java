package dev.gilfree.embed;

/**
 * A Python interpreter with {@code gilfree} imported, embedded in a Java application: hand it data,
 * run a script over it, read the results back.
 *
 * <p>Implementations: {@code dev.gilfree.graalpy.GraalPySession} (GraalPy, in gilfree-graalpy; also
 * sandboxed sessions for untrusted scripts) and {@code dev.gilfree.jep.JepSession} (CPython through jep,
 * in gilfree-jep). The same script runs on both.
 *
 * <p>Scripts run in the session's main module, where {@code gilfree} is imported already (also as
 * {@code gf}); globals persist from one call to the next.
 *
 * <p><b>Values crossing over.</b> Into Python ({@link #put}, {@link #call} arguments): an engine
 * {@link dev.gilfree.core.NDArray} becomes a {@code gilfree.ndarray} over the same memory (no copy);
 * {@code String}, {@code Boolean}, {@code Long}/{@code Integer} and {@code Double}/{@code Float} become
 * {@code str}, {@code bool}, {@code int}, {@code float}; {@code null} is {@code None}; other objects are
 * passed as the runtime passes Java objects. Back to Java ({@link #get}, {@link #eval}, {@link #call}
 * results): a {@code gilfree.ndarray} comes back as its engine {@code NDArray} (the same memory),
 * {@code bool} as {@code Boolean}, integers (also gilfree integer scalars) as {@code Long}, floats as
 * {@code Double}, {@code str} as {@code String}, {@code None} as {@code null}, lists and tuples as
 * {@code java.util.List}; anything else as its {@code repr} string.
 *
 * <p><b>Errors.</b> A Python exception surfaces as {@link PythonException} naming its Python type; a
 * script stopped by a time limit or by {@link #close} as {@link SessionInterruptedException}.
 *
 * <p><b>Threads.</b> See each implementation: a GraalPy session may be used from several Java threads at
 * once (Python code takes turns on the GIL; engine calls run in parallel); a jep session belongs to the
 * thread that created it, so several threads each open their own.
 */
public interface PythonSession extends AutoCloseable {
    /** "graalpy" or "cpython". */
    String runtime();

    /** Binds {@code value} to the global {@code name} of the session's main module. */
    void put(String name, Object value);

    /** The value of the global {@code name}, converted as described above. */
    Object get(String name);

    /** {@link #get} cast to {@code type} (ClassCastException when it is something else). */
    default <T> T get(String name, Class<T> type) { return type.cast(get(name)); }

    /** Runs Python statements in the session's main module (globals persist between calls). */
    void exec(String code);

    /** Evaluates one Python expression in the main module and returns its value. */
    Object eval(String expression);

    /** Calls the global callable {@code function} with {@code args}; returns its result. */
    Object call(String function, Object... args);

    /** Ends the session (stopping a script that still runs, where the runtime can); idempotent. */
    @Override
    void close();
}
