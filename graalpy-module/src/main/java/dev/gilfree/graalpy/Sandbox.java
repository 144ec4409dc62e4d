package dev.gilfree.graalpy;

import dev.gilfree.core.Settings;
import java.io.OutputStream;
import java.time.Duration;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Limits for a sandboxed {@link GraalPySession}: what an untrusted script may reach and how much it
 * may use. By default a sandboxed script reaches the gilfree package and nothing else of the host: no
 * Java class lookup beyond gilfree's engine facade, no files, no processes, no network, no threads, no
 * environment variables, no native code.
 *
 * <pre>{@code
 * Sandbox limits = Sandbox.builder().memoryLimit(64 << 20).timeLimit(Duration.ofSeconds(2)).build();
 * try (GraalPySession s = GraalPySession.sandboxed(limits)) { ... }
 * }</pre>
 *
 * <p><b>Memory.</b> {@code memoryLimit} bounds the engine's off-heap array memory allocated by the
 * session's scripts (live arrays; dropped ones are credited back after garbage collection); a script that
 * asks for more gets {@code MemoryError} and the session goes on. Python objects themselves live on the
 * Java heap, which GraalPy's community edition cannot limit per context (Oracle GraalVM's
 * {@code sandbox.MaxHeapMemory} can): run untrusted sessions in a JVM sized for them.
 *
 * <p><b>Time.</b> {@code timeLimit} bounds each {@code exec}/{@code eval}/{@code call}: a watchdog
 * interrupts the script when it runs over ({@link dev.gilfree.embed.SessionInterruptedException}); the
 * session stays usable. If the script cannot be interrupted within a grace period (it is inside one long
 * engine call), the context is cancelled and the session is closed.
 *
 * <p><b>Threads.</b> {@code maxThreads} caps the threads one engine operation of the session may use
 * (default 1: an untrusted script gets one core per call unless the embedder grants more); the script's
 * {@code gf.set_num_threads(n)} above it raises ValueError naming the cap. The session's own settings
 * (threads, borrow checking) never reach other sessions, and its scripts cannot call the engine's test hooks
 * (PermissionError) or anything that reveals a memory address.
 */
public final class Sandbox {
    final long memoryLimit;
    final int maxThreads;
    final Duration timeLimit;
    final IOAccess io;
    final OutputStream out;
    final OutputStream err;

    private Sandbox(Builder b) {
        this.memoryLimit = b.memoryLimit;
        this.maxThreads = b.maxThreads;
        this.timeLimit = b.timeLimit;
        this.io = b.io;
        this.out = b.out;
        this.err = b.err;
    }

    public static Builder builder() { return new Builder(); }

    /** A new session's engine settings: these limits, no test hooks, no addresses. */
    Settings settings() {
        return Settings.builder().maxThreads(maxThreads)
                .testHooks(false).addresses(false).memoryLimit(memoryLimit).build();
    }

    /** No IO, 256 MiB of array memory, 10 seconds per call, one thread per operation. */
    public static Sandbox defaults() { return builder().build(); }

    public static final class Builder {
        private long memoryLimit = 256L << 20;
        private int maxThreads = 1;
        private Duration timeLimit = Duration.ofSeconds(10);
        private IOAccess io = IOAccess.NONE;
        private OutputStream out = System.out;
        private OutputStream err = System.err;

        private Builder() {}

        /** Bytes of live engine array memory the session's scripts may hold. */
        public Builder memoryLimit(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("negative memory limit");
            this.memoryLimit = bytes;
            return this;
        }

        /**
         * The most threads one engine operation of the session may use, the calling thread included
         * (1 to {@value Settings#MAX_THREADS}; default 1). Scripts start at the cap or the process-wide count, whichever is smaller.
         */
        public Builder maxThreads(int n) {
            if (n < 1 || n > Settings.MAX_THREADS) throw new IllegalArgumentException("maxThreads must be 1 to " + Settings.MAX_THREADS + ", got " + n);
            this.maxThreads = n;
            return this;
        }

        /** Longest a single exec/eval/call may run; {@code null} for no limit. */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /**
         * File system access the embedder grants (default {@link IOAccess#NONE}); for example
         * {@code IOAccess.newBuilder().fileSystem(FileSystem.newReadOnlyFileSystem(...)).build()}.
         * gilfree itself needs none.
         */
        public Builder io(IOAccess io) {
            this.io = io;
            return this;
        }

        /** Where the script's stdout goes (default System.out). */
        public Builder out(OutputStream out) {
            this.out = out;
            return this;
        }

        /** Where the script's stderr goes (default System.err). */
        public Builder err(OutputStream err) {
            this.err = err;
            return this;
        }

        public Sandbox build() { return new Sandbox(this); }
    }
}
