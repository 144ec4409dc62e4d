package dev.gilfree.api;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Observable parallelism without timing: the gauge of engine operations running at the same moment,
 * the borrow-checking switch, and two test aids (a rendezvous inside the engine, an operation held open).
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** The most engine operations that ran at the same moment since the last {@link #resetMaxConcurrent}. */
    public static int maxConcurrent() { return OpGuard.maxConcurrent(); }

    /** Engine operations running right now. */
    public static int activeOps() { return OpGuard.active(); }

    /** Starts a new measurement (the max becomes the number of operations running now). */
    public static void resetMaxConcurrent() { OpGuard.resetMax(); }

    public static void setBorrowChecking(boolean on) { OpGuard.setChecking(on); }

    public static boolean borrowChecking() { return OpGuard.isChecking(); }

    /**
     * An engine operation that returns once {@code n} engine operations (itself included) run at the same
     * moment, or after {@code timeoutMillis}; returns the most it saw. Called from n Python threads, it
     * can only reach n if the runtime released the GIL around the call.
     */
    public static int rendezvous(int n, long timeoutMillis) throws InterruptedException {
        OpGuard.Slot g = OpGuard.enter("rendezvous", null, null, null);
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
    public static double nanosPerCall(String what, NDArray a, NDArray b, NDArray out, int iters) {
        Ufunc add = Ufunc.get("add");
        boolean guard = "guard".equals(what);
        double[] batches = new double[5];
        for (int round = -1; round < batches.length; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                if (guard) {
                    OpGuard.Slot g = OpGuard.enter("bench", a, b, out);
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

    public static Hold newHold() { return new Hold(); }

    /** An engine operation on an array, held open until released: "in use by another thread", deterministically. */
    public static final class Hold {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Runs operation {@code op} reading (or writing) {@code a}, and blocks until {@link #release} (at most 2 minutes). */
        public void run(NDArray a, boolean write, String op) throws InterruptedException {
            OpGuard.Slot g = OpGuard.enter(op, write ? null : a, null, write ? a : null);
            try {
                if (write) a.checkWriteable();
                started.countDown();
                if (!released.await(2, TimeUnit.MINUTES)) throw GilfreeException.value("hold was never released");
            } finally {
                started.countDown();
                OpGuard.exit(g);
            }
        }

        /** True once the held operation runs (or failed to start), waiting at most {@code timeoutMillis}. */
        public boolean awaitStarted(long timeoutMillis) throws InterruptedException {
            return started.await(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        public void release() { released.countDown(); }
    }
}
