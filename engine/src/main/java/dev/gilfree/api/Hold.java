package dev.gilfree.api;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An engine operation on an array, held open until released: "in use by another thread", deterministically. */
public final class Hold {
    Hold() {}

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Runs operation {@code op} reading (or writing) {@code a}, and blocks until {@link #release} (at most 2 minutes). */
    public void run(NDArray a, boolean write, String op) throws InterruptedException {
        // Simulates any operation, reading or writing: the one guard use that is not an entry's.
        OpGuard.Slot g = OpGuard.enter("Diagnostics.Hold", op, write ? null : a, null, write ? a : null);
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
