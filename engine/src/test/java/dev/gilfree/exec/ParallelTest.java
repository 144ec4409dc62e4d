package dev.gilfree.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Views;
import dev.gilfree.api.Ufunc;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The executor: every chunk once, flags OR-ed, failures surface, set_num_threads(1) stays on the caller. */
class ParallelTest {
    // Each test's thread counts are its own session's: no other test sees them.
    private Settings.Scope session;

    @BeforeEach
    void bind() { session = Settings.builder().build().bind(); }

    @AfterEach
    void unbind() { session.close(); }

    @Test
    void everyChunkRunsExactlyOnceAndFlagsAreOred() {
        Settings.current().setNumThreads(4);
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        int flags = Parallel.run(1000, i -> {
            runs.incrementAndGet(i);
            return i == 7 ? 1 : i == 900 ? 4 : 0;
        });
        for (int i = 0; i < 1000; i++) assertEquals(1, runs.get(i), "chunk " + i);
        assertEquals(5, flags);
    }

    @Test
    void oneThreadMeansTheCallerRunsEveryChunk() {
        Settings.current().setNumThreads(1);
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallel.run(64, i -> { seen.add(Thread.currentThread()); return 0; });
        assertEquals(Set.of(Thread.currentThread()), seen);
        assertTrue(!Parallel.worthSplitting(1L << 30));
    }

    @Test
    void aChunkFailureReachesTheCallerAfterAllChunksFinish() {
        Settings.current().setNumThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException got = assertThrows(IllegalStateException.class, () -> Parallel.run(100, i -> {
            runs.incrementAndGet(i);
            if (i == 50) throw boom;
            return 0;
        }));
        assertSame(boom, got);
        for (int i = 0; i < 100; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void setNumThreadsRejectsLessThanOne() {
        assertThrows(dev.gilfree.core.GilfreeException.class, () -> Settings.current().setNumThreads(0));
        assertThrows(dev.gilfree.core.GilfreeException.class, () -> Engine.setNumThreads(-1));
    }

    @Test
    void splitUfuncsAndSumsAgreeBitForBitWithOneThread() {
        long n = 1_000_003; // large enough to split, not a multiple of any chunk
        NDArray a = Engine.arange(0.001, 1e-6, n, "float64");
        NDArray b = Views.reshape(Engine.arange(-3, 1e-5, 2 * 500_000, "float64"), new long[] {2, 500_000});
        Settings.current().setNumThreads(1);
        double[] expOne = Ufunc.get("exp").call1(a, null).toDoubleArray();
        double[] addOne = Ufunc.get("add").call2(b, b, null).toDoubleArray();
        double meanOne = Engine.mean(a);
        Settings.current().setNumThreads(3);
        // exp may differ by 1 ulp between JIT tiers (the Vector API's EXP intrinsic vs its Java fallback),
        // and a helper thread can run a tier the caller has left; add and the pairwise sum are exact.
        double[] expSplit = Ufunc.get("exp").call1(a, null).toDoubleArray();
        for (int i = 0; i < expOne.length; i++) assertEquals(expOne[i], expSplit[i], Math.ulp(expOne[i]), "exp at " + i);
        assertArrayEquals(addOne, Ufunc.get("add").call2(b, b, null).toDoubleArray());
        assertEquals(Double.doubleToRawLongBits(meanOne), Double.doubleToRawLongBits(Engine.mean(a)));
    }
}
