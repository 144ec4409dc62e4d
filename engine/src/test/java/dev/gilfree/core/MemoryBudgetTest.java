package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void allocationsAreChargedAndLimited() {
        Settings session = Settings.builder().memoryLimit(1 << 20).build();
        MemoryBudget b = session.budget();
        NDArray keep;
        try (Settings.Scope s = session.bind()) {
            assertSame(b, Settings.current().budget());
            keep = NDArray.zeros(DType.FLOAT64, new long[]{65536}); // 512 KiB
            assertEquals(512 * 1024, b.used());
            GilfreeException e = assertThrows(GilfreeException.class, () -> NDArray.zeros(DType.FLOAT64, new long[]{98304}));
            assertEquals("MemoryError", e.pythonType());
            assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
        }
        assertNull(Settings.current().budget());
        NDArray.zeros(DType.FLOAT64, new long[]{1 << 20}); // no budget on this thread now
        assertEquals(512 * 1024, b.used());
        assertEquals(65536, keep.size());
    }

    @Test
    void droppedArraysAreCreditedBack() {
        Settings session = Settings.builder().memoryLimit(1 << 20).build();
        MemoryBudget b = session.budget();
        try (Settings.Scope s = session.bind()) {
            for (int i = 0; i < 50; i++) NDArray.zeros(DType.FLOAT64, new long[]{100_000}); // 800 KB each, dropped
        }
        assertTrue(b.used() <= 800_000, "used " + b.used());
    }

    @Test
    void impossibleSizesFailFast() {
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThrows(GilfreeException.class, () -> Storage.allocate(1L << 60));
        }
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
    }
}
