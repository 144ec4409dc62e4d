package dev.gilfree.jep;

import dev.gilfree.embed.PythonException;
import dev.gilfree.embed.PythonSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jep.JepException;
import jep.SharedInterpreter;

/**
 * A {@link PythonSession} on CPython through jep (NumPy importable next to gilfree, and arrays cross to
 * NumPy without copies: {@code np.asarray(a)}).
 *
 * <p>A jep interpreter belongs to the thread that created it: use a session only on that thread. To run
 * scripts from several Java threads, open one session per thread; they share imported modules (jep's
 * shared interpreters), have separate globals, and run engine calls in parallel because jep releases the
 * GIL around every Java call. CPython itself is started once per process (see {@link JepRuntime}).
 *
 * <p>Engine settings ({@code gf.set_num_threads}, borrow checking) stay process-wide here, as in the
 * launcher: jep sessions share one CPython and its imported modules, and a Python thread a script starts
 * reaches the JVM as a freshly attached thread that inherits nothing, so a per-session binding would not
 * follow the script's own worker threads. Per-session settings and sandboxing are GraalPy's
 * ({@code GraalPySession}).
 */
public final class JepSession implements PythonSession {
    private final SharedInterpreter py;
    private final Thread owner;
    private boolean closed;

    private JepSession(SharedInterpreter py) {
        this.py = py;
        this.owner = Thread.currentThread();
    }

    /** A new session on the calling thread, with gilfree imported (as {@code gilfree} and {@code gf}). */
    public static JepSession create() {
        SharedInterpreter py = null;
        try {
            py = JepRuntime.newInterpreter();
            py.exec("from _gilfree_session import put as __gf_put, get as __gf_get, exec_code as __gf_exec, "
                    + "eval_expr as __gf_eval, call as __gf_call");
            return new JepSession(py);
        } catch (JepException e) {
            if (py != null) {
                try {
                    py.close();
                } catch (JepException ignored) {
                    // the original error matters more
                }
            }
            throw translate(e);
        }
    }

    @Override public String runtime() { return "cpython"; }

    @Override public void put(String name, Object value) { invoke("__gf_put", name, value); }

    @Override public Object get(String name) { return invoke("__gf_get", name); }

    @Override public void exec(String code) { invoke("__gf_exec", code); }

    @Override public Object eval(String expression) { return invoke("__gf_eval", expression); }

    @Override public Object call(String function, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = function;
        System.arraycopy(args, 0, all, 1, args.length);
        return invoke("__gf_call", all);
    }

    /** The underlying jep interpreter (same thread rules). */
    public SharedInterpreter interpreter() { return py; }

    @Override public void close() {
        if (closed) return;
        checkThread();
        closed = true;
        try {
            py.close();
        } catch (JepException e) {
            throw translate(e);
        }
    }

    private Object invoke(String fn, Object... args) {
        if (closed) throw new IllegalStateException("session is closed");
        checkThread();
        try {
            return normalize(py.invoke(fn, args));
        } catch (JepException e) {
            throw translate(e);
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a jep session is used only on the thread that created it ("
                    + owner.getName() + "); open one session per thread");
        }
    }

    /** jep hands back Python ints as Integer or Long, floats as Float or Double: one type each, as on GraalPy. */
    private static Object normalize(Object o) {
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) return ((Number) o).longValue();
        if (o instanceof Float f) return f.doubleValue();
        if (o instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>(l.size());
            for (Object x : l) out.add(normalize(x));
            return out;
        }
        return o;
    }

    // jep's messages look like "<class 'ValueError'>: negative dimensions are not allowed".
    private static final Pattern MESSAGE = Pattern.compile("(?s)<class '(?:[\\w.]+\\.)?(\\w+)'>: ?(.*)");

    static RuntimeException translate(JepException e) {
        String m = String.valueOf(e.getMessage());
        Matcher k = MESSAGE.matcher(m);
        if (k.matches()) return new PythonException(k.group(1), k.group(2), e);
        return new PythonException("RuntimeError", m, e);
    }
}
