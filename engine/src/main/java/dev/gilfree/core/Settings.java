package dev.gilfree.core;

/**
 * The engine switches one session sees: threads per operation, borrow checking, whether test hooks and
 * address-revealing calls are allowed, the most threads the session may ask for, and its memory budget.
 *
 * <p>There is one process-wide instance ({@link #process()}), which the standalone launchers use. An
 * embedding with sessions gives each session its own and {@link #bind binds} it to the thread that runs
 * each of the session's scripts, for the duration; threads that a script starts inherit it (an
 * {@link InheritableThreadLocal}), so a trusted script's worker threads see its session's switches. So a
 * script changes its own session only, and a sandboxed session cannot raise what its embedder capped.
 *
 * <p>Cost: engine code reads {@link #current()} (one thread-local read) only where a switch matters: at an
 * allocation (the budget), at the split decision of a large operation, on the borrow-checking slow path.
 */
public final class Settings {
    /** The most threads one operation may use, for any session (so no script can make the process start thousands). */
    public static final int MAX_THREADS = 256;

    private static final Settings PROCESS = new Settings(builder().numThreads(initialThreads()));
    private static final InheritableThreadLocal<Settings> CURRENT = new InheritableThreadLocal<>();

    private final int maxThreads;
    private final boolean testHooks;
    private final boolean addresses;
    private final MemoryBudget budget;
    private volatile int numThreads;
    private volatile boolean checking; // written under OpGuard's lock, which keeps the count of checking sessions

    private Settings(Builder b) {
        this.maxThreads = b.maxThreads;
        this.testHooks = b.testHooks;
        this.addresses = b.addresses;
        this.budget = b.memoryLimit < 0 ? null : MemoryBudget.of(b.memoryLimit);
        // (the process-wide instance itself is built with an explicit count, from the environment)
        this.numThreads = Math.min(b.numThreads > 0 ? b.numThreads : PROCESS.numThreads, maxThreads);
    }

    /** The process-wide settings: what threads with no session bound (the standalone launchers) use. */
    public static Settings process() { return PROCESS; }

    /** The calling thread's session settings, or the process-wide ones. */
    public static Settings current() {
        Settings s = CURRENT.get();
        return s != null ? s : PROCESS;
    }

    /** Makes these the calling thread's settings until the returned scope is closed (scopes nest). */
    public Scope bind() {
        Settings previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** A bound {@link Settings}; closing it restores the thread's previous ones. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    // ----- threads -----

    /** Threads one large operation may use, the calling thread included (gf.get_num_threads()). */
    public int numThreads() { return numThreads; }

    /** The most {@link #setNumThreads} accepts in this session. */
    public int maxThreads() { return maxThreads; }

    /** gf.set_num_threads(n): 1 = every operation on its calling thread; above the session's cap is a ValueError. */
    public void setNumThreads(int n) {
        if (n < 1) throw GilfreeException.value("number of threads must be at least 1, got " + n);
        if (n > maxThreads) {
            throw GilfreeException.value("number of threads must be at most " + maxThreads
                    + (maxThreads < MAX_THREADS ? " (this session's limit)" : "") + ", got " + n);
        }
        numThreads = n;
    }

    // ----- borrow checking -----

    /** Whether every operation of this session takes borrows on its operands. */
    public boolean borrowChecking() { return checking; }

    /** Turns checked mode on or off for this session's operations only. */
    public void setBorrowChecking(boolean on) {
        synchronized (OpGuard.class) {
            if (checking == on) return;
            checking = on;
            OpGuard.checkingSessionsChanged(on ? 1 : -1);
        }
    }

    // ----- what the session may call -----

    public boolean testHooksAllowed() { return testHooks; }

    public boolean addressesAllowed() { return addresses; }

    /** Refuses test hook {@code what} (e.g. "diagnostics.hold") unless this session allows test hooks. */
    public void requireTestHooks(String what) {
        if (!testHooks) throw GilfreeException.permission(what + " is a test hook: it blocks or resets engine state, so this session refuses it");
    }

    /** Refuses {@code what}, which reveals memory addresses, unless this session allows them. */
    public void requireAddresses(String what) {
        if (!addresses) throw GilfreeException.permission(what + " reveals memory addresses, which this session refuses");
    }

    /** This session's memory budget, or null for no limit. */
    public MemoryBudget budget() { return budget; }

    /** The session ended: its checked mode stops counting towards the engine's slow path. */
    public void close() { setBorrowChecking(false); }

    public static Builder builder() { return new Builder(); }

    /** Defaults: the process-wide thread count (GILFREE_NUM_THREADS or the cores), everything allowed, no memory limit. */
    public static final class Builder {
        private int numThreads;
        private int maxThreads = MAX_THREADS;
        private boolean testHooks = true;
        private boolean addresses = true;
        private long memoryLimit = -1;

        private Builder() {}

        /** Threads per operation at the start (capped by {@link #maxThreads}); 0 = the process-wide count. */
        public Builder numThreads(int n) {
            if (n < 0 || n > MAX_THREADS) throw new IllegalArgumentException("number of threads must be 0 to " + MAX_THREADS + ", got " + n);
            this.numThreads = n;
            return this;
        }

        /** The most threads per operation the session may ask for (1 to {@link #MAX_THREADS}). */
        public Builder maxThreads(int n) {
            if (n < 1 || n > MAX_THREADS) throw new IllegalArgumentException("thread cap must be 1 to " + MAX_THREADS + ", got " + n);
            this.maxThreads = n;
            return this;
        }

        public Builder testHooks(boolean allowed) {
            this.testHooks = allowed;
            return this;
        }

        public Builder addresses(boolean allowed) {
            this.addresses = allowed;
            return this;
        }

        /** Bytes of live engine array memory the session may hold (a {@link MemoryBudget}); negative = no limit. */
        public Builder memoryLimit(long bytes) {
            this.memoryLimit = bytes;
            return this;
        }

        public Settings build() { return new Settings(this); }
    }

    private static int initialThreads() {
        int cores = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        String env = System.getenv("GILFREE_NUM_THREADS");
        if (env == null || env.isBlank()) return cores;
        try {
            int n = Integer.parseInt(env.trim());
            return n >= 1 ? Math.min(n, MAX_THREADS) : cores;
        } catch (NumberFormatException e) {
            return cores;
        }
    }
}
