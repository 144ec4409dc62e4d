package dev.gilfree.core;

import java.util.ArrayList;

/**
 * Runtime borrow checking, "one writer XOR many readers", per storage (so per array and all its views).
 *
 * <p>A borrow is held by a thread (its {@link OpGuard.Slot}); borrows of one thread never conflict with
 * each other. A shared borrow conflicts with another thread's exclusive borrow; an exclusive borrow
 * conflicts with any other thread's borrow. A conflict raises {@code BorrowError} at once (never waits),
 * naming both threads and their operations.
 *
 * <p>Borrows are taken by scoped {@code borrow()/borrow_mut()} blocks, and by every engine operation
 * while borrow checking is on for its session ({@link Settings#borrowChecking}) (shared on its inputs, exclusive on its output), or, with checking off,
 * by operations touching a storage that has scoped borrows.
 */
public final class Borrows {
    private Borrows() {}

    /** One borrow: who holds it, for which operation, shared or exclusive. */
    public static final class Borrow {
        final Storage storage;
        final OpGuard.Slot owner;
        final String op;
        final boolean exclusive;
        final boolean scoped;
        private boolean released;

        Borrow(Storage storage, OpGuard.Slot owner, String op, boolean exclusive, boolean scoped) {
            this.storage = storage;
            this.owner = owner;
            this.op = op;
            this.exclusive = exclusive;
            this.scoped = scoped;
        }

        public boolean exclusive() { return exclusive; }

        public String op() { return op; }

        public String threadLabel() { return owner.label(); }

        /** Releases a scoped borrow (idempotent). */
        public void release() {
            synchronized (storage.borrowTable()) {
                if (released) return;
                released = true;
                storage.borrowTable().remove(this);
            }
            if (scoped) OpGuard.scopedBorrowClosed();
        }
    }

    /** Takes a scoped borrow on {@code a}'s storage for the calling thread, or raises BorrowError. */
    public static Borrow acquireScoped(NDArray a, boolean exclusive, String op) {
        OpGuard.scopedBorrowOpened();
        try {
            return acquire(a.storage(), OpGuard.current(), op, exclusive, true);
        } catch (RuntimeException e) {
            OpGuard.scopedBorrowClosed();
            throw e;
        }
    }

    // Called by OpGuard.enter on the slow path: shared borrows on the inputs, exclusive on the output.
    static void acquireForOp(OpGuard.Slot s, String op) {
        boolean all = Settings.current().borrowChecking(); // this session's checked mode, not another's
        Storage w = s.write;
        if (w != null && (all || w.hasBorrowTable())) s.taken.add(acquire(w, s, op, true, false));
        Storage r0 = s.read0, r1 = s.read1;
        if (r0 != null && r0 != w && (all || r0.hasBorrowTable())) s.taken.add(acquire(r0, s, op, false, false));
        if (r1 != null && r1 != w && r1 != r0 && (all || r1.hasBorrowTable())) s.taken.add(acquire(r1, s, op, false, false));
        // Entries with many operands: a storage met twice is borrowed twice by the same thread, which never conflicts.
        if (s.writes != null) for (Storage x : s.writes) if (all || x.hasBorrowTable()) s.taken.add(acquire(x, s, op, true, false));
        if (s.reads != null) for (Storage x : s.reads) if (all || x.hasBorrowTable()) s.taken.add(acquire(x, s, op, false, false));
        // on a conflict the exception propagates and OpGuard.exit releases what was taken
    }

    static void releaseAll(OpGuard.Slot s) {
        for (Borrow b : s.taken) b.release();
        s.taken.clear();
    }

    private static Borrow acquire(Storage st, OpGuard.Slot me, String op, boolean exclusive, boolean scoped) {
        ArrayList<Borrow> table = st.borrowTable();
        synchronized (table) {
            for (Borrow b : table) {
                if (b.owner != me && (exclusive || b.exclusive)) throw conflict(me, op, exclusive, b);
            }
            Borrow nb = new Borrow(st, me, op, exclusive, scoped);
            table.add(nb);
            return nb;
        }
    }

    private static GilfreeException conflict(OpGuard.Slot me, String op, boolean exclusive, Borrow held) {
        if (Profiler.on) Profiler.conflict();
        return new GilfreeException(GilfreeException.PyType.BorrowError,
                "thread '" + me.label() + "' cannot " + (exclusive ? "write" : "read") + " the array in " + describe(op)
                        + ": thread '" + held.owner.label() + "' holds it " + (held.exclusive ? "exclusively (writing)" : "shared (reading)")
                        + " in " + describe(held.op));
    }

    private static String describe(String op) {
        return op.endsWith(")") ? op : op + "()";
    }

    /** True when another thread holds a borrow on {@code s} (resize refuses meanwhile). */
    public static boolean hasOtherBorrow(Storage s) {
        if (!s.hasBorrowTable()) return false;
        OpGuard.Slot me = OpGuard.current();
        ArrayList<Borrow> table = s.borrowTable();
        synchronized (table) {
            for (Borrow b : table) if (b.owner != me) return true;
        }
        return false;
    }
}
