package dev.gilfree.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Indexing;
import dev.gilfree.api.Interop;
import dev.gilfree.api.Ufunc;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

class EngineArraysTest {
    @Test
    void wrapSegmentSharesMemory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(8 * 6, 8);
            NDArray a = EngineArrays.wrap(seg, "float64", 2, 3);
            Indexing.setDouble(a, new long[]{1, 2}, 4.5);
            assertEquals(4.5, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, 5));
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, -2.0);
            assertEquals(-2.0, Indexing.getDouble(a, new long[]{0, 0}));
            NDArray r = Ufunc.get("add").call2Double(a, 1.0, false, null);
            assertArrayEquals(new double[]{-1, 1, 1, 1, 1, 5.5}, EngineArrays.toDoubles(r));
            assertEquals(seg.address(), Interop.storageAddress(a));
        }
    }

    @Test
    void wrapChecksSizeAndReadOnly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(16);
            GilfreeException e = assertThrows(GilfreeException.class, () -> EngineArrays.wrap(seg, "float64", 3));
            assertEquals("ValueError", e.pythonType());
            assertThrows(GilfreeException.class, () -> EngineArrays.wrap(seg, "float64", -1));
            assertThrows(GilfreeException.class, () -> EngineArrays.wrap(seg, "float99", 1));
            NDArray ro = EngineArrays.wrap(seg.asReadOnly(), "int32", 4);
            assertFalse(ro.isWriteable());
            assertThrows(GilfreeException.class, () -> dev.gilfree.api.Indexing.assign(ro, Engine.zeros(new long[0], "int32")));
        }
    }

    @Test
    void wrapBuffers() {
        ByteBuffer bb = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        NDArray a = EngineArrays.wrap(bb, "int64", 2);
        Indexing.setLong(a, new long[]{1}, 77);
        assertEquals(77, bb.getLong(8));
        assertTrue(Interop.hasAddress(a));
        DoubleBuffer db = ByteBuffer.allocateDirect(24).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        NDArray d = EngineArrays.wrap(db, 3);
        assertEquals("float64", d.dtypeName());
        NDArray heap = EngineArrays.wrap(ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()), "float64", 1);
        assertFalse(Interop.hasAddress(heap));
        assertEquals(0, Interop.arrayInterface(heap)[0]);
        ByteBuffer swapped = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN
                ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        assertThrows(GilfreeException.class, () -> EngineArrays.wrap(swapped, "float64", 1));
    }

    @Test
    void segmentOfAContiguousArrayIsItsMemory() {
        NDArray a = EngineArrays.of(new long[]{1, 2, 3, 4}, 2, 2);
        MemorySegment s = EngineArrays.segment(a);
        assertEquals(32, s.byteSize());
        s.setAtIndex(ValueLayout.JAVA_LONG, 3, 9);
        assertArrayEquals(new long[]{1, 2, 3, 9}, EngineArrays.toLongs(a));
    }

    @Test
    void interopViewIsBoundsChecked() {
        NDArray a = EngineArrays.zeros("float64", 4);
        NDArray v = Interop.view(a, "float64", new long[]{2}, new long[]{16}, 8, true);
        Indexing.setDouble(v, new long[]{1}, 3.0);
        assertEquals(3.0, Indexing.getDouble(a, new long[]{3}));
        // a layout outside the storage never becomes an array; the gateway reports it as an internal error
        assertEquals("InternalError", assertThrows(GilfreeException.class,
                () -> Interop.view(a, "float64", new long[]{4}, new long[]{8}, 8, true)).pythonType());
        assertEquals("InternalError", assertThrows(GilfreeException.class,
                () -> Interop.view(a, "float64", new long[]{2}, new long[]{-8}, 0, true)).pythonType());
        long[] info = Interop.arrayInterface(v);
        assertEquals(Interop.storageAddress(a) + 8, info[0]);
        assertEquals(1, info[1]);
        assertEquals(1, info[3]);
        assertEquals(2, info[4]);
        assertEquals(16, info[5]);
    }
}
