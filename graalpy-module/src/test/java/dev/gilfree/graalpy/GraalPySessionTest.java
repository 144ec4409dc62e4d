package dev.gilfree.graalpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.NDArray;
import dev.gilfree.embed.EngineArrays;
import dev.gilfree.embed.PythonException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java embedding API on GraalPy: arrays in, script run, results out, memory shared. */
class GraalPySessionTest {
    static GraalPySession s;

    @BeforeAll
    static void open() { s = GraalPySession.create(); }

    @AfterAll
    static void close() { s.close(); }

    @Test
    void wrappedSegmentIsSharedBothWays() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(8 * 6, 8);
            for (int i = 0; i < 6; i++) seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
            NDArray a = EngineArrays.wrap(seg, "float64", 2, 3);
            s.put("a", a);
            assertEquals("<class 'gilfree._ndarray.ndarray'>", s.eval("str(type(a))"));
            assertEquals(List.of(2L, 3L), s.eval("a.shape"));
            s.exec("a *= 10\nt = float(gilfree.sum(a)) if False else float(a.sum())");
            assertEquals(10.0 * 15, s.get("t", Double.class));
            assertEquals(30.0, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, 3)); // Python wrote the Java memory
            seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 5, -1.0);
            assertEquals(-1.0, s.eval("float(a[1, 2])")); // and reads what Java writes
        }
    }

    @Test
    void directByteBufferIsShared() {
        ByteBuffer bb = ByteBuffer.allocateDirect(4 * 4).order(ByteOrder.nativeOrder());
        NDArray a = EngineArrays.wrap(bb, "int32", 4);
        s.put("b", a);
        s.exec("b[2] = 7");
        assertEquals(7, bb.getInt(8));
    }

    @Test
    void resultsComeBackAsEngineArraysAndJavaValues() {
        s.put("x", EngineArrays.of(new double[]{1, 2, 3}));
        s.exec("y = gilfree.exp(x) * 0 + x * 2\nn = 3\nflag = True\nname = 'hi'\nnothing = None");
        NDArray y = s.get("y", NDArray.class);
        assertArrayEquals(new double[]{2, 4, 6}, EngineArrays.toDoubles(y));
        assertEquals(3L, s.get("n"));
        assertEquals(Boolean.TRUE, s.get("flag"));
        assertEquals("hi", s.get("name"));
        assertNull(s.get("nothing"));
        assertEquals(2.5, s.eval("2.5"));
        assertInstanceOf(Double.class, s.eval("3.0"));
        NDArray x = s.get("x", NDArray.class);
        s.put("x2", x);
        assertSame(x, s.eval("x2._j if False else x2") instanceof NDArray n ? n : null);
    }

    @Test
    void callPassesArraysAndReturnsResults() {
        s.exec("def scale(arr, k):\n    return arr * k\n");
        NDArray r = (NDArray) s.call("scale", EngineArrays.of(new long[]{1, 2}), 3L);
        assertArrayEquals(new long[]{3, 6}, EngineArrays.toLongs(r));
    }

    @Test
    void pythonErrorsArriveTyped() {
        PythonException e = assertThrows(PythonException.class, () -> s.exec("gilfree.zeros((2, -1))"));
        assertEquals("ValueError", e.pythonType());
        assertTrue(e.getMessage().contains("negative dimensions"), e.getMessage());
        assertEquals("NameError", assertThrows(PythonException.class, () -> s.get("no_such_name")).pythonType());
        assertEquals("ZeroDivisionError", assertThrows(PythonException.class, () -> s.eval("1/0")).pythonType());
        assertEquals(4L, s.eval("2 + 2")); // still usable
    }

    @Test
    void severalJavaThreadsShareOneSession() throws Exception {
        s.exec("def work(chunk):\n    return float((chunk * 2.0).sum())\n");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                double[] d = new double[1000];
                java.util.Arrays.fill(d, t);
                NDArray chunk = EngineArrays.of(d);
                fs.add(pool.submit(() -> s.call("work", chunk)));
            }
            for (int t = 0; t < 8; t++) assertEquals(2000.0 * t, fs.get(t).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
