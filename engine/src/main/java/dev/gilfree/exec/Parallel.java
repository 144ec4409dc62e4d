package dev.gilfree.exec;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The executor: splits one large operation into chunks that the calling thread and idle pool workers
 * share. Small operations never get here (callers check {@link #worthSplitting}).
 *
 * <p>Work sharing, not work handing: the calling thread claims chunks itself until none are left, and
 * helpers submitted to the pool claim chunks only if they start while some remain. So when every core is
 * already busy (many Python threads calling at once), helpers find nothing to do and the caller does its
 * own work: no oversubscription, and no waiting for a queued helper. {@code setNumThreads(1)} makes every
 * operation single-threaded.
 */
public final class Parallel {
    private Parallel() {}

    /** Below this many elements an operation stays on the calling thread (a chunk hand-off costs ~10 µs). */
    public static final long MIN_ELEMENTS = 1L << 17;

    /** Elements per chunk: large enough to amortise claiming, small enough to balance two to dozens of cores. */
    public static final long CHUNK_ELEMENTS = 1L << 16;

    /** The most threads one operation may use. */
    public static final int MAX_THREADS = 256;

    private static volatile int numThreads = initialThreads();
    private static volatile ForkJoinPool pool;

    private static int initialThreads() {
        String env = System.getenv("GILFREE_NUM_THREADS");
        int cores = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        if (env == null || env.isBlank()) return cores;
        try {
            int n = Integer.parseInt(env.trim());
            return n >= 1 ? Math.min(n, MAX_THREADS) : cores;
        } catch (NumberFormatException e) {
            return cores;
        }
    }

    /** Threads one operation may use, the caller included (gf.get_num_threads()). */
    public static int numThreads() { return numThreads; }

    /** gf.set_num_threads(n): 1 = every operation on its calling thread. */
    public static synchronized void setNumThreads(int n) {
        if (n < 1 || n > MAX_THREADS) throw new IllegalArgumentException("number of threads must be 1 to " + MAX_THREADS + ", got " + n);
        numThreads = n;
        ForkJoinPool old = pool;
        pool = null; // the next split makes a pool of the new size
        if (old != null) old.shutdown();
    }

    public static boolean worthSplitting(long elements) {
        return numThreads > 1 && elements >= MIN_ELEMENTS;
    }

    /** One chunk of work: process chunk {@code index}; returns flags that are OR-ed over all chunks. */
    @FunctionalInterface
    public interface Chunk {
        int run(int index);
    }

    /** Runs chunks 0..count-1, on the caller and on idle helpers; returns the OR of their results. */
    public static int run(int count, Chunk chunk) {
        int helpers = Math.min(numThreads, count) - 1;
        if (helpers <= 0) {
            int flags = 0;
            for (int i = 0; i < count; i++) flags |= chunk.run(i);
            return flags;
        }
        Job job = new Job(count, chunk, Thread.currentThread());
        ForkJoinPool p = pool();
        for (int h = 0; h < helpers; h++) p.execute(job::work);
        job.work();
        job.awaitChunks();
        Throwable t = job.failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        return job.flags.get();
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p != null) return p;
        synchronized (Parallel.class) {
            if (pool == null) {
                // Daemon workers (the common pool's factory), so an idle pool never keeps the JVM alive.
                pool = new ForkJoinPool(Math.max(1, numThreads - 1), ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                        null, true, 0, Math.max(1, numThreads - 1), 1, null, 30, TimeUnit.SECONDS);
            }
            return pool;
        }
    }

    private static final class Job {
        final int count;
        final Chunk chunk;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger flags = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int count, Chunk chunk, Thread caller) {
            this.count = count;
            this.chunk = chunk;
            this.caller = caller;
        }

        void work() {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                try {
                    int f = chunk.run(i);
                    if (f != 0) flags.getAndUpdate(x -> x | f);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == count) LockSupport.unpark(caller);
                }
            }
        }

        // The caller has run out of chunks to claim; wait for the ones helpers are still running.
        void awaitChunks() {
            while (done.get() < count) LockSupport.parkNanos(this, 50_000);
        }
    }
}
