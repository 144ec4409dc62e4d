package dev.gilfree.kernels;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IterationTest {
    private static long[] a(long... v) { return v; }

    private static long[][] ops(long[]... s) { return s; }

    // ---- broadcastShapes ----

    @Test
    void broadcastShapesFollowsNumPy() {
        assertArrayEquals(a(3, 4), Iteration.broadcastShapes(a(3, 1), a(4)));
        assertArrayEquals(a(2, 3, 4), Iteration.broadcastShapes(a(2, 1, 4), a(3, 1)));
        assertArrayEquals(a(5), Iteration.broadcastShapes(a(), a(5)));
        assertArrayEquals(a(5), Iteration.broadcastShapes(a(5), a()));
        assertArrayEquals(a(), Iteration.broadcastShapes(a(), a()));
        assertArrayEquals(a(3), Iteration.broadcastShapes(a(3)));
        assertArrayEquals(a(3, 2), Iteration.broadcastShapes(a(1, 2), a(3, 1), a(1)));
        assertArrayEquals(a(6, 7), Iteration.broadcastShapes(a(6, 7), a(6, 7)));
        assertArrayEquals(a(1, 1), Iteration.broadcastShapes(a(1, 1), a(1)));
    }

    @Test
    void zeroLengthDimsBroadcastAgainstOne() {
        assertArrayEquals(a(0), Iteration.broadcastShapes(a(0), a(1)));
        assertArrayEquals(a(0), Iteration.broadcastShapes(a(1), a(0)));
        assertArrayEquals(a(0, 3), Iteration.broadcastShapes(a(0, 1), a(3)));
        assertArrayEquals(a(2, 0), Iteration.broadcastShapes(a(2, 1), a(0)));
        assertArrayEquals(a(0), Iteration.broadcastShapes(a(0), a()));
    }

    @Test
    void incompatibleShapesAreValueErrorsNamingTheShapes() {
        assertPyError("ValueError", "operands could not be broadcast together with shapes (3,) (4,)",
                () -> Iteration.broadcastShapes(a(3), a(4)));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (2,3) (3,2)",
                () -> Iteration.broadcastShapes(a(2, 3), a(3, 2)));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (0,) (3,)",
                () -> Iteration.broadcastShapes(a(0), a(3)));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (2,1) (3,) (4,1)",
                () -> Iteration.broadcastShapes(a(2, 1), a(3), a(4, 1)));
        assertPyError("ValueError", "operands could not be broadcast together with shapes (5,2,3) (4,3)",
                () -> Iteration.broadcastShapes(a(5, 2, 3), a(4, 3)));
    }

    @Test
    void pyShapeWritesShapesLikeNumPysMessages() {
        assertEquals("()", Iteration.pyShape(a()));
        assertEquals("(3,)", Iteration.pyShape(a(3)));
        assertEquals("(0,)", Iteration.pyShape(a(0)));
        assertEquals("(2,3)", Iteration.pyShape(a(2, 3)));
        assertEquals("(2,3,4)", Iteration.pyShape(a(2, 3, 4)));
        assertEquals("(10000000000,1)", Iteration.pyShape(a(10_000_000_000L, 1)));
    }

    @Test
    void broadcastStridesZeroStretchedAndMissingAxes() {
        assertArrayEquals(a(0, 8, 0), Iteration.broadcastStrides(a(3, 1), a(8, 8), a(2, 3, 4)));
        assertArrayEquals(a(0, 8), Iteration.broadcastStrides(a(4), a(8), a(3, 4)));
        assertArrayEquals(a(0, 0), Iteration.broadcastStrides(a(), a(), a(3, 4)));
        assertArrayEquals(a(-24, 16), Iteration.broadcastStrides(a(2, 3), a(-24, 16), a(2, 3)));
    }

    // ---- run ----

    private record Call(long[] offsets, long[] strides, long n) {}

    private static List<Call> calls(long[] shape, long[][] strides, long[] offsets) {
        List<Call> out = new ArrayList<>();
        Iteration.run(shape, strides, offsets, (off, st, n) -> out.add(new Call(off.clone(), st.clone(), n)));
        return out;
    }

    /** The per-element offset tuples the calls cover, in visiting order. */
    private static List<List<Long>> visited(List<Call> calls, int nops) {
        List<List<Long>> seen = new ArrayList<>();
        for (Call c : calls) {
            for (long i = 0; i < c.n; i++) {
                List<Long> t = new ArrayList<>();
                for (int k = 0; k < nops; k++) t.add(c.offsets[k] + i * c.strides[k]);
                seen.add(t);
            }
        }
        return seen;
    }

    /** Offset tuples of every element of {@code shape} in C order, from first principles. */
    private static List<List<Long>> expected(long[] shape, long[][] strides, long[] offsets) {
        long n = 1;
        for (long d : shape) n *= d;
        List<List<Long>> out = new ArrayList<>();
        for (long e = 0; e < n; e++) {
            long[] idx = new long[shape.length];
            long rem = e;
            for (int ax = shape.length - 1; ax >= 0; ax--) {
                idx[ax] = rem % shape[ax];
                rem /= shape[ax];
            }
            List<Long> t = new ArrayList<>();
            for (int k = 0; k < strides.length; k++) {
                long off = offsets[k];
                for (int ax = 0; ax < shape.length; ax++) off += idx[ax] * strides[k][ax];
                t.add(off);
            }
            out.add(t);
        }
        return out;
    }

    private static List<Call> checkVisitsEveryElementOnce(long[] shape, long[][] strides, long[] offsets) {
        long[] offsetsCopy = offsets.clone();
        List<Call> cs = calls(shape, strides, offsets);
        assertEquals(expected(shape, strides, offsets), visited(cs, strides.length),
                "shape " + Arrays.toString(shape) + " strides " + Arrays.deepToString(strides));
        assertArrayEquals(offsetsCopy, offsets, "run must not change the caller's offsets");
        return cs;
    }

    @Test
    void contiguousOperandsCoalesceIntoOneCall() {
        long[] shape = a(2, 3, 4);
        long[] c = a(96, 32, 8);
        List<Call> cs = checkVisitsEveryElementOnce(shape, ops(c, c, c), a(0, 8, 16));
        assertEquals(1, cs.size());
        assertEquals(24, cs.get(0).n);
        assertArrayEquals(a(8, 8, 8), cs.get(0).strides);
        assertArrayEquals(a(0, 8, 16), cs.get(0).offsets);
    }

    @Test
    void reversedContiguousOperandCoalescesWithNegativeStride() {
        List<Call> cs = checkVisitsEveryElementOnce(a(2, 3, 4), ops(a(-96, -32, -8), a(96, 32, 8)), a(184, 0));
        assertEquals(1, cs.size());
        assertArrayEquals(a(-8, 8), cs.get(0).strides);
        assertEquals(24, cs.get(0).n);
    }

    @Test
    void scalarOperandCoalescesWithZeroStride() {
        List<Call> cs = checkVisitsEveryElementOnce(a(5, 6), ops(a(48, 8), a(0, 0), a(48, 8)), a(0, 40, 0));
        assertEquals(1, cs.size());
        assertEquals(30, cs.get(0).n);
        assertArrayEquals(a(8, 0, 8), cs.get(0).strides);
    }

    @Test
    void sizeOneAxesAreDroppedWhateverTheirStride() {
        List<Call> cs = checkVisitsEveryElementOnce(a(1, 5, 1), ops(a(999, 8, 777), a(-3, 8, 12)), a(0, 0));
        assertEquals(1, cs.size());
        assertEquals(5, cs.get(0).n);
        assertArrayEquals(a(8, 8), cs.get(0).strides);
    }

    @Test
    void slicedRowsCannotCoalesce() {
        // a[:, :3] of a (4, 6) float64 array: 4 runs of 3
        List<Call> cs = checkVisitsEveryElementOnce(a(4, 3), ops(a(48, 8), a(24, 8)), a(0, 0));
        assertEquals(4, cs.size());
        for (Call c : cs) assertEquals(3, c.n);
        assertArrayEquals(a(48, 24), cs.get(1).offsets);
    }

    @Test
    void operandsThatDisagreeOnContiguityAreNotMerged() {
        // out is C-contiguous, the input is a transpose: no merging, one run per row
        List<Call> cs = checkVisitsEveryElementOnce(a(3, 4), ops(a(8, 24), a(32, 8)), a(0, 0));
        assertEquals(3, cs.size());
        assertArrayEquals(a(24, 8), cs.get(0).strides);
    }

    @Test
    void broadcastOperandsVisitEveryElementOnce() {
        // (3, 1) op (4,) -> (3, 4)
        List<Call> cs = checkVisitsEveryElementOnce(a(3, 4), ops(a(8, 0), a(0, 8), a(32, 8)), a(0, 0, 0));
        assertEquals(3, cs.size());
        // (2, 1, 4) op (3, 1) -> (2, 3, 4), with a reversed output
        checkVisitsEveryElementOnce(a(2, 3, 4), ops(a(32, 0, 8), a(0, 8, 0), a(-96, -32, -8)), a(0, 0, 184));
        // the inner axis is the broadcast one
        checkVisitsEveryElementOnce(a(4, 5), ops(a(8, 0), a(40, 8)), a(0, 0));
    }

    @Test
    void stridedAndNegativeStridedOperandsVisitEveryElementOnce() {
        checkVisitsEveryElementOnce(a(7), ops(a(16), a(-8), a(8)), a(0, 48, 0));
        checkVisitsEveryElementOnce(a(3, 5), ops(a(-80, 16), a(8, 24), a(40, 8)), a(160, 0, 0));
        checkVisitsEveryElementOnce(a(2, 3, 2, 2), ops(a(96, 32, 16, 8), a(8, 16, 48, 96)), a(0, 0));
        checkVisitsEveryElementOnce(a(2, 2, 2), ops(a(4, 2, 1)), a(0)); // itemsize 1, fully merged
        // merges only the axes it can: inner two merge, the outer does not
        List<Call> cs = checkVisitsEveryElementOnce(a(3, 2, 4), ops(a(128, 32, 8)), a(0));
        assertEquals(3, cs.size());
        assertEquals(8, cs.get(0).n);
    }

    @Test
    void offsetsAreDistinctForADenseOperand() {
        List<Call> cs = calls(a(6, 5, 4), ops(a(-160, 32, -8)), a(800));
        Set<Long> seen = new HashSet<>();
        for (List<Long> t : visited(cs, 1)) assertTrue(seen.add(t.get(0)), "visited twice: " + t);
        assertEquals(120, seen.size());
    }

    @Test
    void zeroSizeShapesMakeNoCalls() {
        assertEquals(0, calls(a(0), ops(a(8)), a(0)).size());
        assertEquals(0, calls(a(3, 0, 2), ops(a(16, 16, 8), a(0, 0, 0)), a(0, 0)).size());
        assertEquals(0, calls(a(5, 0), ops(a(8, 8)), a(0)).size());
    }

    @Test
    void zeroDimensionalShapeMakesOneCallOfOne() {
        List<Call> cs = calls(a(), ops(a(), a()), a(24, 8));
        assertEquals(1, cs.size());
        assertEquals(1, cs.get(0).n);
        assertArrayEquals(a(24, 8), cs.get(0).offsets);
        List<Call> ones = calls(a(1, 1), ops(a(5, 5)), a(16));
        assertEquals(1, ones.size());
        assertEquals(1, ones.get(0).n);
        assertArrayEquals(a(16), ones.get(0).offsets);
    }
}
