package dev.gilfree.graalpy;

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
 */
public final class Sandbox {
    final long memoryLimit;
    final Duration timeLimit;
    final IOAccess io;
    final OutputStream out;
    final OutputStream err;

    private Sandbox(Builder b) {
        this.memoryLimit = b.memoryLimit;
        this.timeLimit = b.timeLimit;
        this.io = b.io;
        this.out = b.out;
        this.err = b.err;
    }

    public static Builder builder() { return new Builder(); }

    /** No IO, 256 MiB of array memory, 10 seconds per call. */
    public static Sandbox defaults() { return builder().build(); }

    public static final class Builder {
        private long memoryLimit = 256L << 20;
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
