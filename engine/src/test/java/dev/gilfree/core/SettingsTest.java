package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.exec.Parallel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Per-session settings: bound to the thread running a session's script, inherited by the threads it starts. */
class SettingsTest {
    @Test
    void unboundThreadsUseTheProcessSettingsAndBindingsNest() {
        assertSame(Settings.process(), Settings.current());
        Settings a = Settings.builder().build(), b = Settings.builder().build();
        try (Settings.Scope sa = a.bind()) {
            assertSame(a, Settings.current());
            try (Settings.Scope sb = b.bind()) {
                assertSame(b, Settings.current());
            }
            assertSame(a, Settings.current());
        }
        assertSame(Settings.process(), Settings.current());
    }

    @Test
    void threadsStartedUnderABindingInheritIt() throws Exception {
        Settings s = Settings.builder().numThreads(1).build();
        AtomicReference<Settings> seen = new AtomicReference<>();
        try (Settings.Scope ignored = s.bind()) {
            Thread t = Thread.ofPlatform().start(() -> seen.set(Settings.current()));
            t.join();
        }
        assertSame(s, seen.get());
        Thread t = Thread.ofPlatform().start(() -> seen.set(Settings.current()));
        t.join();
        assertSame(Settings.process(), seen.get());
    }

    @Test
    void aSessionsThreadCountIsItsOwnAndCapped() {
        int processBefore = Settings.process().numThreads();
        Settings capped = Settings.builder().maxThreads(2).build();
        assertEquals(Math.min(processBefore, 2), capped.numThreads());
        try (Settings.Scope ignored = capped.bind()) {
            Settings.current().setNumThreads(1);
            assertEquals(1, Parallel.numThreads());
            GilfreeException e = assertThrows(GilfreeException.class, () -> Settings.current().setNumThreads(3));
            assertEquals("ValueError", e.pythonType());
            assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
            assertEquals(1, capped.numThreads());
        }
        assertEquals(processBefore, Settings.process().numThreads());
        assertEquals(processBefore, Parallel.numThreads());
        assertThrows(GilfreeException.class, () -> Settings.builder().build().setNumThreads(Settings.MAX_THREADS + 1));
    }

    @Test
    void oneThreadSessionsStayOnTheCallerAndHelpersWorkUnderTheCallersSettings() {
        Settings one = Settings.builder().numThreads(1).build();
        try (Settings.Scope ignored = one.bind()) {
            assertFalse(Parallel.worthSplitting(1L << 30));
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            Parallel.run(64, i -> { threads.add(Thread.currentThread()); return 0; });
            assertEquals(Set.of(Thread.currentThread()), threads);
        }
        Settings four = Settings.builder().numThreads(4).build();
        Set<Settings> seen = ConcurrentHashMap.newKeySet();
        try (Settings.Scope ignored = four.bind()) {
            Parallel.run(256, i -> {
                seen.add(Settings.current());
                return 0;
            });
        }
        assertEquals(Set.of(four), seen);
    }

    @Test
    void borrowCheckingIsPerSessionAndClosingASessionEndsIt() {
        Settings checked = Settings.builder().build(), other = Settings.builder().build();
        checked.setBorrowChecking(true);
        try {
            assertTrue(checked.borrowChecking());
            assertFalse(other.borrowChecking());
            assertFalse(Settings.process().borrowChecking());
            assertTrue(OpGuard.slowPath(), "some session checks: operations take the slow path");
        } finally {
            checked.close();
        }
        assertFalse(checked.borrowChecking());
        assertFalse(OpGuard.slowPath());
    }

    @Test
    void budgetsBelongToTheirSession() {
        Settings limited = Settings.builder().memoryLimit(1 << 20).build();
        assertNotSame(null, limited.budget());
        assertSame(null, Settings.builder().build().budget());
        try (Settings.Scope ignored = limited.bind()) {
            assertEquals("MemoryError", assertThrows(GilfreeException.class,
                    () -> NDArray.zeros(DType.FLOAT64, new long[]{1 << 20})).pythonType());
        }
    }
}
