package dev.gilfree.core;

import static dev.gilfree.TestSupport.arange;
import static dev.gilfree.TestSupport.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StridedWalkTest {
    private static long[] a(long... v) { return v; }

    private static long[] offsets(NDArray x) {
        List<Long> seen = new ArrayList<>();
        StridedWalk.forEachOffset(x, seen::add);
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    /** Offsets in C order computed from first principles. */
    private static long[] expected(NDArray x) {
        long[] shape = x.shape(), strides = x.strides();
        long n = x.size();
        long[] out = new long[(int) n];
        for (int k = 0; k < n; k++) {
            long rem = k, off = x.offset();
            for (int ax = shape.length - 1; ax >= 0; ax--) {
                off += (rem % shape[ax]) * strides[ax];
                rem /= shape[ax];
            }
            out[k] = off;
        }
        return out;
    }

    @Test
    void visitsEveryElementOnceInCOrder() {
        NDArray base = arange(60, DType.INT32); // 240 bytes
        List<NDArray> views = List.of(
                base,
                view(base, a(3, 4, 5), a(80, 20, 4), 0),
                view(base, a(5, 4, 3), a(4, 20, 80), 0),           // transposed
                view(base, a(3, 4, 5), a(-80, -20, -4), 236),      // all axes reversed
                view(base, a(2, 3), a(100, -8), 40),
                view(base, a(4, 1, 3), a(48, 12345, 16), 4),      // size-1 axis with a stray stride
                view(base, a(3, 7), a(0, 4), 0),                   // broadcast outer axis
                view(base, a(1), a(4), 236),
                view(base, a(), a(), 12));
        for (NDArray v : views) assertArrayEquals(expected(v), offsets(v), v.layout().toString());
    }

    @Test
    void emptyArraysAreNotVisited() {
        NDArray base = arange(6, DType.FLOAT64);
        assertEquals(0, offsets(view(base, a(3, 0), a(16, 8), 0)).length);
        assertEquals(0, offsets(view(base, a(0, 3), a(8, 8), 0)).length);
    }
}
