package dev.gilfree.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What a session whose settings refuse test hooks and addresses (a sandboxed one) gets from the engine itself,
 * before any host-access allow-list: PermissionError from every hook that blocks or resets engine state and
 * every call that reveals an address; the read-only gauges still answer. And borrow checking is per session.
 */
class SessionRefusalsTest {
    private static final Settings LOCKED = Settings.builder().testHooks(false).addresses(false).build();

    private static void refused(Executable call, String names) {
        GilfreeException e = assertThrows(GilfreeException.class, call);
        assertEquals("PermissionError", e.pythonType());
        assertTrue(e.getMessage().contains(names), e.getMessage());
    }

    @Test
    void testHooksAndAddressesAreRefused() throws InterruptedException {
        NDArray a = Engine.zeros(new long[] {4}, "float64");
        try (Settings.Scope ignored = LOCKED.bind()) {
            refused(Diagnostics::newHold, "diagnostics.hold");
            refused(() -> Diagnostics.rendezvous(1, 10), "diagnostics.rendezvous");
            refused(Diagnostics::resetMaxConcurrent, "diagnostics.reset");
            refused(Diagnostics::startRecording, "startRecording");
            refused(Diagnostics::stopRecording, "stopRecording");
            refused(() -> Diagnostics.nanosPerCall("guard", a, a, a, 1), "nanosPerCall");
            refused(() -> Interop.storageAddress(a), "storageAddress");
            refused(() -> Interop.arrayInterface(a), "__array_interface__");
            // read-only gauges stay
            assertTrue(Diagnostics.maxConcurrent() >= 0);
            assertTrue(Diagnostics.activeOps() >= 0);
            assertFalse(Diagnostics.borrowChecking());
            assertTrue(Interop.hasAddress(a));
        }
        // unbound (the process settings, as in the launchers): allowed
        assertTrue(Interop.storageAddress(a) != 0);
        assertEquals(1, Diagnostics.rendezvous(1, 10));
    }

    @Test
    void aSessionsBorrowCheckingDoesNotReachAnotherSessionsOperations() throws Exception {
        Settings checked = Settings.builder().build(), unchecked = Settings.builder().build();
        try {
            for (Settings s : new Settings[] {checked, unchecked}) {
                try (Settings.Scope ignored = s.bind()) {
                    Diagnostics.setBorrowChecking(s == checked);
                    NDArray x = Engine.zeros(new long[] {8}, "float64");
                    Hold h = Diagnostics.newHold();
                    AtomicReference<Throwable> failed = new AtomicReference<>();
                    Thread writer = Thread.ofPlatform().start(() -> { // inherits s
                        try {
                            h.run(x, true, "fill");
                        } catch (Throwable t) {
                            failed.set(t);
                        }
                    });
                    assertTrue(h.awaitStarted(60_000));
                    try {
                        if (s == checked) {
                            assertEquals("BorrowError", assertThrows(GilfreeException.class, () -> Engine.copy(x)).pythonType());
                        } else {
                            assertEquals(8, Engine.copy(x).size()); // racy by contract, but never refused
                        }
                    } finally {
                        h.release();
                        writer.join();
                    }
                    assertEquals(null, failed.get());
                }
            }
            assertFalse(Diagnostics.borrowChecking(), "the process settings were never touched");
        } finally {
            checked.close();
        }
    }
}
