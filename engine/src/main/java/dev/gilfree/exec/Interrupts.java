package dev.gilfree.exec;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.GilfreeException.PyType;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) in the {@code ./gilfree} launcher. The launcher names the thread that runs Python's main
 * thread and takes over SIGINT (so the JVM no longer exits on it). A signal sets a flag that long engine
 * operations poll between chunks ({@link #check}): the operation running on that thread stops and Python gets
 * KeyboardInterrupt. When no operation takes the signal within {@link #HAND_OVER_MS}, Python code is running
 * (or an operation that does not poll): {@link #awaitForPython} hands the signal to the launcher's Python
 * side, which raises KeyboardInterrupt in the main thread itself. Embedders that never call
 * {@link #install} keep the JVM's own SIGINT behaviour, and no operation ever checks anything but one field.
 */
public final class Interrupts {
    private Interrupts() {}

    /** How long an engine operation has to take a signal before Python is told instead. */
    public static final long HAND_OVER_MS = 200;

    private static volatile Thread target;
    private static volatile SignalHandler previous;
    private static final SignalHandler HANDLER = s -> signal();
    private static final AtomicBoolean PENDING = new AtomicBoolean();
    private static final Semaphore ARRIVED = new Semaphore(0);

    /**
     * Takes over SIGINT for the process, interrupting operations of the calling thread (Python's main
     * thread). Returns false when SIGINT is ignored (a background job): it stays ignored, as with python.
     */
    public static synchronized boolean install() {
        SignalHandler old = Signal.handle(new Signal("INT"), HANDLER);
        if (old == SignalHandler.SIG_IGN) { // the JVM leaves an inherited "ignore" in place
            Signal.handle(new Signal("INT"), old);
            return false;
        }
        if (target == null) {
            previous = old;
            target = Thread.currentThread();
        }
        return true;
    }

    /**
     * Takes SIGINT back after something else took it (the JDK's JLine console registers its own handler,
     * which ends the JVM, when the prompt reads a line). A no-op before {@link #install}.
     */
    public static synchronized void reinstall() {
        if (target != null) Signal.handle(new Signal("INT"), HANDLER);
    }

    /**
     * Hands every signal no operation takes to the SIGINT handler {@link #install} replaced, from a Java
     * daemon thread: on GraalPy that is GraalPy's own, which raises KeyboardInterrupt in Python's main thread
     * (the launcher installs it first). A Python thread waiting in Java instead would hold up GraalPy's
     * thread handshakes (loading its C API waits for every thread). Never the JVM's default, which exits.
     */
    public static synchronized void forwardToPrevious() {
        SignalHandler h = previous;
        if (h == null || h == SignalHandler.SIG_DFL || h == SignalHandler.SIG_IGN) return;
        Thread.ofPlatform().daemon().name("gilfree-sigint").start(() -> {
            try {
                while (true) {
                    awaitForPython();
                    h.handle(new Signal("INT"));
                }
            } catch (InterruptedException ended) {
                // the JVM is going down
            }
        });
    }

    /** What a SIGINT does; also a test hook standing in for one. */
    public static void signal() {
        PENDING.set(true);
        ARRIVED.release();
    }

    /**
     * Called by long operations between chunks of work: throws KeyboardInterrupt (once per signal) on the
     * interrupted thread when a signal is pending. One volatile read otherwise.
     */
    public static void check() {
        if (target != null && PENDING.get() && Thread.currentThread() == target && PENDING.compareAndSet(true, false)) {
            throw new GilfreeException(PyType.KeyboardInterrupt, "");
        }
    }

    /** Whether operations on the calling thread can be interrupted at all (so they need not poll otherwise). */
    public static boolean watched() { return target != null && Thread.currentThread() == target; }

    /**
     * Blocks until a signal arrives that no engine operation took within {@link #HAND_OVER_MS}; the caller
     * (the launcher's Python watcher thread) then raises KeyboardInterrupt in Python's main thread.
     */
    public static void awaitForPython() throws InterruptedException {
        while (true) {
            ARRIVED.acquire();
            ARRIVED.drainPermits();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HAND_OVER_MS);
            while (PENDING.get() && System.nanoTime() < end) Thread.sleep(5);
            if (PENDING.compareAndSet(true, false)) return;
        }
    }
}
