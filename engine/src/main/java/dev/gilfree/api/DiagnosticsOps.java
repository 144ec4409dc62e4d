package dev.gilfree.api;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.core.Profiler;
import dev.gilfree.core.Settings;
import dev.gilfree.gateway.Entries;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.OpenBlas;
import java.util.concurrent.TimeUnit;

/**
 * Observable parallelism without timing: the gauge of engine operations running at the same moment,
 * the borrow-checking switch (per session), test hooks (a rendezvous inside the engine, an operation held
 * open, resetting the gauge, the entries a thread entered, a timing loop) and the table of every entry point.
 *
 * <p>Test hooks block engine threads or change process-wide state, so a session whose {@link Settings}
 * disallow them (a sandboxed one) refuses them with PermissionError; the read-only gauges stay.
 */
@Facade("Diagnostics")
final class DiagnosticsOps {
    private DiagnosticsOps() {}

    /** The most engine operations that ran at the same moment since the last {@link #resetMaxConcurrent}. */
    @Entry
    static int maxConcurrent() { return OpGuard.maxConcurrent(); }

    /** Engine operations running right now. */
    @Entry
    static int activeOps() { return OpGuard.active(); }

    /** Starts a new measurement (the max becomes the number of operations running now). */
    @Entry
    static void resetMaxConcurrent() {
        Settings.current().requireTestHooks("diagnostics.reset");
        OpGuard.resetMax();
    }

    /** Which backend computes matrix products: "openblas (config; kernel; dir)" or "java (why)". */
    @Entry
    static String blas() { return OpenBlas.backend(); }

    /** Test hook: products on OpenBLAS (true) or on the Java kernels (false), process-wide; returns the previous value. */
    @Entry
    static boolean setBlas(boolean on) {
        Settings.current().requireTestHooks("diagnostics.set_blas");
        return OpenBlas.setEnabled(on);
    }

    /** Checked mode for the calling thread's session only (process-wide in the standalone launchers). */
    @Entry
    static void setBorrowChecking(boolean on) { Settings.current().setBorrowChecking(on); }

    @Entry
    static boolean borrowChecking() { return Settings.current().borrowChecking(); }

    /**
     * An engine operation that returns once {@code n} engine operations (itself included) run at the same
     * moment, or after {@code timeoutMillis}; returns the most it saw. Called from n Python threads, it
     * can only reach n if the runtime released the GIL around the call.
     */
    @Entry
    static int rendezvous(int n, long timeoutMillis) throws InterruptedException {
        Settings.current().requireTestHooks("diagnostics.rendezvous");
        // Being counted by the gauge is what this probe is for, so it enters the guard itself (the gateway
        // guards only entries that touch arrays).
        OpGuard.Slot g = OpGuard.enter("Diagnostics.rendezvous", "rendezvous", null, null, null);
        try {
            synchronized (RV) {
                long gen = rvGeneration;
                rvWaiting++;
                RV.notifyAll(); // callers waiting for a smaller n re-check the count
                int seen = OpGuard.active();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                long left;
                while (gen == rvGeneration) {
                    if (rvWaiting >= n) { // n callers are inside the engine right now
                        rvSeen = Math.max(seen, OpGuard.active());
                        rvGeneration++;
                        rvWaiting = 0;
                        RV.notifyAll();
                        return rvSeen;
                    }
                    if ((left = deadline - System.nanoTime()) <= 0) break;
                    TimeUnit.NANOSECONDS.timedWait(RV, left);
                }
                if (gen != rvGeneration) return Math.max(seen, rvSeen);
                rvWaiting--; // timed out: leave the rendezvous
                return seen;
            }
        } finally {
            OpGuard.exit(g);
        }
    }

    private static final Object RV = new Object();
    private static int rvWaiting;
    private static long rvGeneration;
    private static int rvSeen;

    /**
     * For benchmarks/borrow_cost.py: nanoseconds per call of {@code what} ("guard": the op guard's
     * enter/exit alone; "add": {@code add(a, b, out=out)} through the Ufunc entry point), looped in Java
     * so no Python crossing is measured. Median of 5 batches after one warm-up batch.
     */
    @Entry
    static double nanosPerCall(String what, NDArray a, NDArray b, NDArray out, int iters) {
        Settings.current().requireTestHooks("Diagnostics.nanosPerCall");
        Ufunc add = Ufunc.get("add");
        boolean guard = "guard".equals(what);
        double[] batches = new double[5];
        for (int round = -1; round < batches.length; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                if (guard) {
                    OpGuard.Slot g = OpGuard.enter("bench", "bench", a, b, out); // the guard alone, as the gateway enters it
                    OpGuard.exit(g);
                } else {
                    add.call2(a, b, out);
                }
            }
            if (round >= 0) batches[round] = (System.nanoTime() - t0) / (double) iters;
        }
        java.util.Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    @Entry
    static Hold newHold() {
        Settings.current().requireTestHooks("diagnostics.hold");
        return new Hold();
    }

    /** Starts recording the entries the calling thread enters (emptying what it recorded before). */
    @Entry
    static void startRecording() {
        Settings.current().requireTestHooks("Diagnostics.startRecording");
        OpGuard.startRecording();
    }

    /** Stops recording on the calling thread: the entries it entered since, in order ("Engine.astype", ...). */
    @Entry
    static String[] stopRecording() {
        Settings.current().requireTestHooks("Diagnostics.stopRecording");
        return OpGuard.stopRecording();
    }

    // ----- the scaling profiler (gilfree.profile): records per thread while on, see core.Profiler -----

    /** Starts a new profile (dropping the records of an earlier one). */
    @Entry
    static void profileStart() { Profiler.start(); }

    @Entry
    static void profileStop() { Profiler.stop(); }

    /** The engine's clock in nanoseconds, for aligning Python's timestamps with the engine's. */
    @Entry
    static long profileNow() { return Profiler.now(); }

    /** The calling thread's id, as {@link #profileCollect} names threads. */
    @Entry
    static long profileThread() { return Profiler.threadId(); }

    /** Per recorded thread: {thread id, alloc ns, alloc bytes, alloc count, conflicts, ops...} (see Profiler). */
    @Entry
    static long[][] profileCollect() { return Profiler.collect(); }

    /** Operation names, indexed by the first long of each recorded operation. */
    @Entry
    static String[] profileNames() { return Profiler.names(); }

    /** Every entry point and what it declares, one row of strings each (see {@link dev.gilfree.gateway.EntrySpec#row()}). */
    @Entry
    static String[][] entryTable() { return Entries.table(); }
}
