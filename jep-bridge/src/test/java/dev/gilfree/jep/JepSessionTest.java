package dev.gilfree.jep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Java embedding API on CPython through jep (a session per thread, each test on its own thread). */
class JepSessionTest {
    /** jep sessions are thread-bound: run each body on a fresh thread with its own session. */
    private static <T> T onThread(java.util.function.Function<JepSession, T> body) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            return ex.submit(() -> {
                try (JepSession s = JepSession.create()) {
                    return body.apply(s);
                }
            }).get();
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void wrappedSegmentIsSharedWithPythonAndNumPy() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(8 * 6, 8);
            for (int i = 0; i < 6; i++) seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
            NDArray a = EngineArrays.wrap(seg, "float64", 2, 3);
            onThread(s -> {
                assertEquals("cpython", s.runtime());
                s.put("a", a);
                assertEquals("<class 'gilfree._ndarray.ndarray'>", s.eval("str(type(a))"));
                s.exec("a *= 10\nimport numpy as np\nv = np.asarray(a)\nv[0, 0] = -1.0\nshared = np.shares_memory(v, np.asarray(a))");
                assertEquals(Boolean.TRUE, s.get("shared"));
                return null;
            });
            assertEquals(-1.0, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, 0)); // NumPy wrote the Java memory
            assertEquals(50.0, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, 5));
        }
    }

    @Test
    void directByteBufferIsShared() throws Exception {
        ByteBuffer bb = ByteBuffer.allocateDirect(8 * 3).order(ByteOrder.nativeOrder());
        NDArray a = EngineArrays.wrap(bb, "int64", 3);
        onThread(s -> {
            s.put("b", a);
            s.exec("b[1] = 99");
            return null;
        });
        assertEquals(99L, bb.getLong(8));
    }

    @Test
    void valuesComeBackConverted() throws Exception {
        onThread(s -> {
            s.put("x", EngineArrays.of(new double[]{1, 2, 3}));
            s.exec("y = x * 2\nn = 3\nflag = True\nname = 'hi'\nnothing = None\nf = 3.0\nt = (1, 2.5)");
            assertArrayEquals(new double[]{2, 4, 6}, EngineArrays.toDoubles(s.get("y", NDArray.class)));
            assertEquals(3L, s.get("n"));
            assertEquals(Boolean.TRUE, s.get("flag"));
            assertEquals("hi", s.get("name"));
            assertNull(s.get("nothing"));
            assertInstanceOf(Double.class, s.get("f"));
            assertEquals(List.of(1L, 2.5), s.get("t"));
            assertEquals(6.0, s.eval("float(y.sum()) / 2"));
            s.exec("def scale(arr, k):\n    return arr * k\n");
            NDArray r = (NDArray) s.call("scale", EngineArrays.of(new long[]{1, 2}), 3L);
            assertArrayEquals(new long[]{3, 6}, EngineArrays.toLongs(r));
            return null;
        });
    }

    @Test
    void pythonErrorsArriveTyped() throws Exception {
        onThread(s -> {
            PythonException e = assertThrows(PythonException.class, () -> s.exec("gilfree.zeros((2, -1))"));
            assertEquals("ValueError", e.pythonType());
            assertTrue(e.getMessage().contains("negative dimensions"), e.getMessage());
            assertEquals("NameError", assertThrows(PythonException.class, () -> s.get("nope")).pythonType());
            assertEquals(4L, s.eval("2 + 2"));
            return null;
        });
    }

    @Test
    void sessionIsBoundToItsThread() throws Exception {
        JepSession[] holder = new JepSession[1];
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            ex.submit(() -> holder[0] = JepSession.create()).get();
            assertThrows(IllegalStateException.class, () -> holder[0].eval("1"));
            ex.submit(() -> holder[0].close()).get();
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void severalThreadsEachWithASession() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                double[] d = new double[10_000];
                java.util.Arrays.fill(d, t);
                NDArray chunk = EngineArrays.of(d);
                fs.add(pool.submit((Callable<Object>) () -> {
                    try (JepSession s = JepSession.create()) {
                        s.exec("def work(c):\n    return float((c * 2.0).sum())\n");
                        return s.call("work", chunk);
                    }
                }));
            }
            for (int t = 0; t < 8; t++) assertEquals(20_000.0 * t, fs.get(t).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
