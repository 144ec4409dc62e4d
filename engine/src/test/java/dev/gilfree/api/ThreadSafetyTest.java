package dev.gilfree.api;

import static dev.gilfree.TestSupport.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.Borrows;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine side of docs/thread-safety.md: op guard and gauge, freeze, borrows, resize. */
class ThreadSafetyTest {
    @AfterEach
    void checkingOff() { Diagnostics.setBorrowChecking(false); }

    /** Like TestSupport.assertPyError, with a message fragment instead of the whole message. */
    private static GilfreeException assertPyError(String pythonType, String fragment, org.junit.jupiter.api.function.Executable body) {
        GilfreeException e = org.junit.jupiter.api.Assertions.assertThrows(GilfreeException.class, body);
        assertEquals(pythonType, e.pythonType(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> "message: " + e.getMessage());
        return e;
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void gaugeIsBalancedAfterFailingAndNestedOperations() {
        int before = Diagnostics.activeOps();
        assertPyError("ValueError", "operands could not be broadcast", () -> Ufunc.get("add").call2(f64(1, 2), f64(1, 2, 3), null));
        assertPyError("IndexError", "out of bounds", () -> Indexing.getDouble(f64(1), new long[]{3}));
        assertEquals(1.5, Engine.mean(f64(1, 2)));          // mean calls sum: nested, counted once
        assertEquals(before, Diagnostics.activeOps());
        assertTrue(Diagnostics.maxConcurrent() >= 1);
    }

    @Test
    void slotsOfEndedThreadsDoNotAccumulate() throws Exception {
        for (int i = 0; i < 200; i++) {
            Thread t = start("short-" + i, () -> Engine.mean(f64(1, 2)));
            t.join();
        }
        assertTrue(OpGuard.slotCount() < 50, "slots: " + OpGuard.slotCount());
    }

    @Test
    void rendezvousOfTwoThreadsSeesBothInsideTheEngine() throws Exception {
        AtomicReference<Integer> other = new AtomicReference<>();
        Thread t = start("rv", () -> {
            try { other.set(Diagnostics.rendezvous(2, 60_000)); } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
        int mine = Diagnostics.rendezvous(2, 60_000);
        t.join();
        assertTrue(mine >= 2 && other.get() >= 2, mine + " " + other.get());
        assertTrue(Diagnostics.maxConcurrent() >= 2);
    }

    @Test
    void freezeCoversEveryViewAndEveryWritePath() {
        NDArray a = Engine.arange(0, 1, 6, "float64");
        NDArray v = Views.reshape(a, new long[]{2, 3});
        ThreadSafety.freeze(v);
        assertTrue(ThreadSafety.isFrozen(a) && !a.isWriteable() && !v.isWriteable());
        String ro = "assignment destination is read-only";
        assertPyError("ValueError", ro, () -> Indexing.setDouble(a, new long[]{0}, 1));
        assertPyError("ValueError", ro, () -> Indexing.setLong(a, new long[]{0}, 1));
        assertPyError("ValueError", ro, () -> Indexing.assign(v, f64(1)));
        assertPyError("ValueError", ro, () -> Ufunc.get("add").call2Double(a, 1, false, a));
        assertPyError("ValueError", ro, () -> Ufunc.get("exp").call1(a, a));
        assertPyError("ValueError", ro, () -> ThreadSafety.resize(a, new long[]{3}, true));
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, a.toDoubleArray());
        assertFalse(ThreadSafety.isFrozen(Engine.copy(a)));
    }

    @Test
    void resizeKeepsDataAndRefusesWhileViewedExportedOrInUse() throws Exception {
        NDArray a = Engine.arange(0, 1, 4, "float64");
        NDArray r = ThreadSafety.resize(a, new long[]{2, 3}, true);
        assertArrayEquals(new long[]{2, 3}, r.shape());
        assertArrayEquals(new double[]{0, 1, 2, 3, 0, 0}, r.toDoubleArray());
        String refused = "cannot resize an array that references or is referenced";
        NDArray view = Views.reshape(r, new long[]{6});
        assertPyError("ValueError", refused, () -> ThreadSafety.resize(r, new long[]{1}, true));
        assertPyError("ValueError", "it does not own its data", () -> ThreadSafety.resize(view, new long[]{1}, true));
        NDArray small = ThreadSafety.resize(r, new long[]{2}, false);       // refcheck=False: the view keeps the old memory
        assertArrayEquals(new double[]{0, 1}, small.toDoubleArray());
        assertArrayEquals(new double[]{0, 1, 2, 3, 0, 0}, view.toDoubleArray());

        NDArray b = f64(1, 2, 3);
        ThreadSafety.setExported(b, true);
        assertEquals("exported", ThreadSafety.resizeBlocker(b));
        assertPyError("ValueError", refused, () -> ThreadSafety.resize(b, new long[]{1}, true));
        ThreadSafety.setExported(b, false);
        assertNull(ThreadSafety.resizeBlocker(b));

        Hold h = Diagnostics.newHold();
        Thread t = start("holder", () -> {
            try { h.run(b, false, "sum"); } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
        assertTrue(h.awaitStarted(60_000));
        assertEquals("in use", ThreadSafety.resizeBlocker(b));
        assertPyError("ValueError", refused, () -> ThreadSafety.resize(b, new long[]{1}, true));
        h.release();
        t.join();
        assertNull(ThreadSafety.resizeBlocker(b));
        assertArrayEquals(new double[]{1}, ThreadSafety.resize(b, new long[]{1}, true).toDoubleArray());
    }

    @Test
    void scopedBorrowsConflictAcrossThreadsOnlyAndNameBoth() throws Exception {
        NDArray a = f64(1, 2, 3);
        NDArray view = Views.reshape(a, new long[]{3, 1});
        AtomicReference<Borrows.Borrow> held = new AtomicReference<>();
        Thread t = start("writer-thread", () -> {
            ThreadSafety.setThreadLabel("py-writer");
            held.set(ThreadSafety.borrow(a, true, "borrow_mut()"));
        });
        t.join();
        ThreadSafety.setThreadLabel("py-main");
        GilfreeException e = assertPyError("BorrowError", "thread 'py-main' cannot read the array in mean(): thread 'py-writer' holds it exclusively (writing) in borrow_mut()",
                () -> Engine.mean(view));
        assertSame(GilfreeException.PyType.BorrowError, e.pyType());
        assertPyError("BorrowError", "cannot write", () -> Indexing.assign(a, f64(0)));
        assertPyError("BorrowError", "holds it", () -> ThreadSafety.borrow(a, false, "borrow()"));
        assertEquals(2.0, Engine.mean(f64(1, 2, 3)));               // other arrays are not affected
        held.get().release();
        held.get().release();                                        // idempotent
        Borrows.Borrow mine = ThreadSafety.borrow(a, false, "borrow()");
        Borrows.Borrow mine2 = ThreadSafety.borrow(a, true, "borrow_mut()"); // a thread never conflicts with itself
        Indexing.assign(a, f64(2));
        mine2.release();
        mine.release();
        assertEquals(2.0, Engine.mean(a));
        assertEquals(0, Diagnostics.activeOps() - OpGuard.active());
    }

    @Test
    void checkedModeTakesSharedBorrowsOnInputsAndExclusiveOnOutput() throws Exception {
        NDArray a = f64(1, 2, 3);
        Diagnostics.setBorrowChecking(true);
        assertTrue(Diagnostics.borrowChecking());
        Ufunc.get("add").call2Double(a, 1, false, a);                // in == out: one exclusive borrow, no self-conflict
        assertArrayEquals(new double[]{2, 3, 4}, a.toDoubleArray());
        Hold h = Diagnostics.newHold();
        Thread t = start("reader", () -> {
            ThreadSafety.setThreadLabel("py-reader");
            try { h.run(a, false, "sum"); } catch (InterruptedException e) { throw new RuntimeException(e); }
        });
        assertTrue(h.awaitStarted(60_000));
        assertEquals(3.0, Engine.mean(a));                           // shared with shared: fine
        assertPyError("BorrowError", "holds it shared (reading) in sum()", () -> Ufunc.get("negative").call1(f64(1, 1, 1), a));
        h.release();
        t.join();
        Ufunc.get("negative").call1(f64(1, 1, 1), a);
        assertArrayEquals(new double[]{-1, -1, -1}, a.toDoubleArray());
        Diagnostics.setBorrowChecking(false);
        assertFalse(Diagnostics.borrowChecking());
    }
}
