package dev.gilfree.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The scaling profiler's engine half: while {@link #on}, every outermost guarded operation records on its own
 * thread's buffer when it entered and left the engine, its operands' elements and bytes, how many chunks it
 * was split into, plus the thread's allocation time/bytes and borrow conflicts. Off, the cost is one static
 * volatile read per operation. Buffers are thread-local (no lock on the hot path); {@link #collect} reads them
 * after the recorded threads stopped calling (the Python side collects at the end of its profile block).
 */
public final class Profiler {
    private Profiler() {}

    /** Whether a profile is recording (read once per operation by the op guard). */
    public static volatile boolean on;
    /** Bumped by each start: a buffer from an earlier profile empties itself before recording. */
    private static volatile int generation;

    /** Longs per recorded operation: name index, enter ns, exit ns, elements, bytes, splits. */
    static final int STRIDE = 6;

    private static final ConcurrentLinkedQueue<Buffer> BUFFERS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentHashMap<String, Integer> NAME_INDEX = new ConcurrentHashMap<>();
    private static final List<String> NAMES = new ArrayList<>();
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(() -> {
        Buffer b = new Buffer(Thread.currentThread());
        BUFFERS.add(b);
        return b;
    });

    /** One thread's records. */
    static final class Buffer {
        final Thread thread;
        int gen = -1;
        long[] ops = new long[STRIDE * 256];
        int n;
        long t0, elements, bytes;
        long splits;
        long allocNanos, allocBytes, allocCount, conflicts;

        Buffer(Thread thread) { this.thread = thread; }

        Buffer fresh() {
            if (gen != generation) {
                gen = generation;
                n = 0;
                allocNanos = allocBytes = allocCount = conflicts = 0;
            }
            return this;
        }
    }

    private static Buffer buffer() { return BUFFER.get().fresh(); }

    public static synchronized void start() {
        generation++;
        if (!on) OpGuard.watch(1);
        on = true;
    }

    public static synchronized void stop() {
        if (on) OpGuard.watch(-1);
        on = false;
    }

    /** The engine's clock, for aligning the Python side's timestamps (both read CLOCK_MONOTONIC on Linux). */
    public static long now() { return System.nanoTime(); }

    /** An outermost operation entered the engine reading/writing these operands (nulls skipped). */
    static void enter(NDArray r0, NDArray r1, NDArray w) {
        Buffer b = buffer();
        b.elements = size(r0) + size(r1) + size(w);
        b.bytes = bytes(r0) + bytes(r1) + bytes(w);
        b.splits = 0;
        b.t0 = System.nanoTime();
    }

    static void enterAll(NDArray[][] reads, NDArray[][] writes) {
        Buffer b = buffer();
        long e = 0, by = 0;
        for (NDArray[][] group : new NDArray[][][] {reads, writes}) {
            if (group == null) continue;
            for (NDArray[] row : group) if (row != null) for (NDArray a : row) { e += size(a); by += bytes(a); }
        }
        b.elements = e;
        b.bytes = by;
        b.splits = 0;
        b.t0 = System.nanoTime();
    }

    /** An entry outside the op guard started (0: it runs inside a timed one, which counts it). */
    static long enterUnguarded() {
        Buffer b = buffer();
        if (b.t0 != 0) return 0;
        b.elements = b.bytes = b.splits = 0;
        return b.t0 = System.nanoTime();
    }

    static void exitUnguarded(long t0, String op) {
        Buffer b = buffer();
        if (b.t0 == t0) exit(op);
    }

    /** The outermost operation named {@code op} left the engine. */
    static void exit(String op) {
        long t1 = System.nanoTime();
        Buffer b = buffer();
        if (b.t0 == 0) return; // entered before the profile started
        if (b.n + STRIDE > b.ops.length) b.ops = java.util.Arrays.copyOf(b.ops, b.ops.length * 2);
        long[] o = b.ops;
        int i = b.n;
        o[i] = nameIndex(op == null ? "?" : op);
        o[i + 1] = b.t0;
        o[i + 2] = t1;
        o[i + 3] = b.elements;
        o[i + 4] = b.bytes;
        o[i + 5] = b.splits;
        b.n = i + STRIDE;
        b.t0 = 0;
    }

    /** The running operation was split into {@code chunks} pieces run on several cores. */
    public static void split(int chunks) { buffer().splits += chunks; }

    static void allocated(long bytes, long nanos) {
        Buffer b = buffer();
        b.allocNanos += nanos;
        b.allocBytes += bytes;
        b.allocCount++;
    }

    static void conflict() { buffer().conflicts++; }

    private static long size(NDArray a) { return a == null ? 0 : a.size(); }

    private static long bytes(NDArray a) { return a == null ? 0 : a.size() * a.dtype().itemsize(); }

    private static int nameIndex(String op) {
        Integer k = NAME_INDEX.get(op);
        if (k != null) return k;
        synchronized (NAMES) { // once per new name
            return NAME_INDEX.computeIfAbsent(op, x -> { NAMES.add(x); return NAMES.size() - 1; });
        }
    }

    /** The calling thread's id, as {@link #collect} names threads. */
    public static long threadId() { return Thread.currentThread().threadId(); }

    /**
     * The current profile's records: per thread that recorded, {thread id, ops (STRIDE longs each), allocation
     * nanos, bytes and count, conflicts}; the op names by index come from {@link #names}.
     */
    public static long[][] collect() {
        List<long[]> out = new ArrayList<>();
        int g = generation;
        for (Buffer b : BUFFERS) {
            if (b.gen != g) continue;
            long[] row = new long[5 + b.n];
            row[0] = b.thread.threadId();
            row[1] = b.allocNanos;
            row[2] = b.allocBytes;
            row[3] = b.allocCount;
            row[4] = b.conflicts;
            System.arraycopy(b.ops, 0, row, 5, b.n);
            out.add(row);
        }
        BUFFERS.removeIf(b -> !b.thread.isAlive() && b.gen != g); // threads that ended and were collected before
        return out.toArray(long[][]::new);
    }

    public static String[] names() {
        synchronized (NAMES) { return NAMES.toArray(String[]::new); }
    }
}
