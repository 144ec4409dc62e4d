package dev.gilfree.exec;

import dev.gilfree.core.Settings;
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
 * own work: no oversubscription, and no waiting for a queued helper. The thread count is the calling
 * thread's session's ({@link Settings#numThreads}); 1 makes every operation single-threaded.
 */
public final class Parallel {
    private Parallel() {}

    /** Below this many elements an operation stays on the calling thread (a chunk hand-off costs ~10 µs). */
    public static final long MIN_ELEMENTS = 1L << 17;

    /** Elements per chunk: large enough to amortise claiming, small enough to balance two to dozens of cores. */
    public static final long CHUNK_ELEMENTS = 1L << 16;

    /** The most threads one operation may use. */
    public static final int MAX_THREADS = Settings.MAX_THREADS;

    /**
     * One pool for the process, with room for the largest count any session may ask for: workers start only
     * when an operation submits helpers (and end after 30 s idle), so each operation uses at most its own
     * session's count and an idle pool holds no threads.
     */
    private static final class Pool {
        static final ForkJoinPool POOL = new ForkJoinPool(MAX_THREADS - 1, ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                null, true, 0, MAX_THREADS - 1, 1, null, 30, TimeUnit.SECONDS);
    }

    /** Threads one operation of the calling thread's session may use, the caller included (gf.get_num_threads()). */
    public static int numThreads() { return Settings.current().numThreads(); }

    /** Large enough to split, and the session allows more than one thread (small work reads no thread-local). */
    public static boolean worthSplitting(long elements) {
        return elements >= MIN_ELEMENTS && Settings.current().numThreads() > 1;
    }

    /** One chunk of work: process chunk {@code index}; returns flags that are OR-ed over all chunks. */
    @FunctionalInterface
    public interface Chunk {
        int run(int index);
    }

    /** Runs chunks 0..count-1, on the caller and on idle helpers; returns the OR of their results. */
    public static int run(int count, Chunk chunk) {
        Settings settings = Settings.current();
        int helpers = Math.min(settings.numThreads(), count) - 1;
        if (helpers <= 0) {
            int flags = 0;
            for (int i = 0; i < count; i++) {
                Interrupts.check(); // Ctrl-C between chunks (a no-op unless the launcher took over SIGINT)
                flags |= chunk.run(i);
            }
            return flags;
        }
        if (dev.gilfree.core.Profiler.on) dev.gilfree.core.Profiler.split(count);
        Job job = new Job(count, chunk, Thread.currentThread());
        // Helpers work under the caller's settings: a chunk's allocations charge the caller's budget.
        Runnable help = () -> {
            try (Settings.Scope ignored = settings.bind()) {
                job.work();
            }
        };
        for (int h = 0; h < helpers; h++) Pool.POOL.execute(help);
        job.callerWork();
        job.awaitChunks();
        Throwable t = job.failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        return job.flags.get();
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
            while ((i = next.getAndIncrement()) < count) runChunk(i);
        }

        /** The caller's share: as {@link #work}, but Ctrl-C stops it and the helpers claim nothing more. */
        void callerWork() {
            if (!Interrupts.watched()) {
                work();
                return;
            }
            int i;
            while (true) {
                try {
                    Interrupts.check();
                } catch (RuntimeException interrupted) {
                    failure.compareAndSet(null, interrupted);
                    int unclaimed = count - Math.min(count, next.getAndSet(count));
                    if (unclaimed > 0 && done.addAndGet(unclaimed) == count) LockSupport.unpark(caller);
                    return;
                }
                if ((i = next.getAndIncrement()) >= count) return;
                runChunk(i);
            }
        }

        void runChunk(int i) {
            try {
                int f = chunk.run(i);
                if (f != 0) flags.getAndUpdate(x -> x | f);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                if (done.incrementAndGet() == count) LockSupport.unpark(caller);
            }
        }

        // The caller has run out of chunks to claim; wait for the ones helpers are still running.
        void awaitChunks() {
            while (done.get() < count) LockSupport.parkNanos(this, 50_000);
        }
    }
}
