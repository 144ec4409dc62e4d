package dev.gilfree.core;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 3, 8, 63, 64, 65, 1000, 4096, 100_003})
    void allocationsAre64ByteAlignedAndZeroFilled(long bytes) {
        Storage s = Storage.allocate(bytes);
        assertEquals(0, s.segment().address() % 64, "address " + s.segment().address());
        assertEquals(64, Storage.ALIGNMENT);
        assertTrue(s.byteSize() >= bytes);
        for (long i = 0; i < bytes; i++) assertEquals(0, s.segment().get(ValueLayout.JAVA_BYTE, i), "byte " + i);
    }

    @Test
    void manyAllocationsStayAligned() {
        for (int i = 0; i < 200; i++) {
            Storage s = Storage.allocate(1 + i * 7L);
            assertEquals(0, s.segment().address() % Storage.ALIGNMENT, "allocation " + i);
        }
    }

    @Test
    void negativeSizeIsValueError() {
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Storage.allocate(-1));
        assertPyError("ValueError", "negative dimensions are not allowed", () -> Storage.allocate(Long.MIN_VALUE));
    }

    @Test
    void absurdSizeIsMemoryError() {
        GilfreeException e = assertPyError("MemoryError", null, () -> Storage.allocate(Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().startsWith("Unable to allocate "), e.getMessage());
        assertTrue(e.getMessage().contains("EiB"), e.getMessage());
        assertPyError("MemoryError", null, () -> Storage.allocate(Long.MAX_VALUE));
        // the failure leaves the allocator usable
        assertEquals(0, Storage.allocate(16).segment().address() % 64);
    }

    @Test
    void humanBytesUsesBinaryUnits() {
        assertEquals("0 B", Storage.humanBytes(0));
        assertEquals("1023 B", Storage.humanBytes(1023));
        assertEquals("1.00 KiB", Storage.humanBytes(1024));
        assertEquals("1.50 KiB", Storage.humanBytes(1536));
        assertEquals("8.00 MiB", Storage.humanBytes(8L << 20));
        assertEquals("4.00 EiB", Storage.humanBytes(Long.MAX_VALUE / 2 + 1));
    }

    @Test
    void wrapUsesTheCallersSegmentWithoutCopying() {
        MemorySegment seg = Arena.ofAuto().allocate(32);
        Storage s = Storage.wrap(seg);
        assertSame(seg, s.segment());
        assertEquals(32, s.byteSize());
        seg.set(ValueLayout.JAVA_LONG, 8, 77L);
        assertEquals(77L, s.segment().get(ValueLayout.JAVA_LONG, 8));
    }
}
