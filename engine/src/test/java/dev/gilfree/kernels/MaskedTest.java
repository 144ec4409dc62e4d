package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Views;
import dev.gilfree.api.Indexing;
import dev.gilfree.api.Reduce;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** where(), masked copies and full-shape boolean indexing through the width-typed loops of Masked. */
class MaskedTest {
    private static NDArray bools(long... v) { return Engine.fromLongs(v, new long[]{v.length}, "bool"); }

    @Test
    void whereBroadcastsEveryOperandForEveryWidth() {
        NDArray cond = Views.reshape(bools(1, 0, 1, 0, 0, 1), new long[]{2, 3});
        for (String dt : new String[]{"int8", "int16", "float32", "float64", "complex128"}) {
            NDArray x = Views.reshape(Engine.arange(1, 1, 6, dt), new long[]{2, 3});
            NDArray y = Engine.arange(-1, -1, 3, dt); // broadcast along rows
            NDArray r = Reduce.select(cond, x, y, dt);
            assertArrayEquals(new double[]{1, -2, 3, -1, -2, 6}, r.toDoubleArray(), dt);
        }
        NDArray row = bools(0, 1, 1); // a condition broadcast along rows
        NDArray grid = Views.reshape(Engine.arange(0, 1, 6, "int64"), new long[]{2, 3});
        NDArray r = Reduce.select(row, grid, Engine.zeros(new long[]{2, 3}, "int64"), "int64");
        assertArrayEquals(new long[]{0, 1, 2, 0, 4, 5}, r.toLongArray());
    }

    @Test
    void maskedCopyKeepsUnselectedElements() {
        NDArray dst = Engine.arange(10, 1, 4, "float64");
        Elementwise.maskedCopy(Engine.zeros(new long[]{4}, "float64"), bools(1, 0, 0, 1), dst);
        assertArrayEquals(new double[]{0, 11, 12, 0}, dst.toDoubleArray());
    }

    @Test
    void maskSelectAndAssignFollowCOrderOfATransposedView() {
        NDArray a = Views.reshape(Engine.arange(0, 1, 6, "int32"), new long[]{2, 3});
        NDArray t = Reduce.transpose(a, new int[]{1, 0}); // [[0,3],[1,4],[2,5]]
        NDArray m = Views.reshape(bools(1, 1, 0, 1, 1, 0), new long[]{3, 2});
        assertArrayEquals(new long[]{0, 3, 4, 2}, Indexing.maskSelect(t, m).toLongArray());
        Indexing.maskAssign(t, m, Engine.arange(100, 1, 4, "int32"));
        assertArrayEquals(new long[]{100, 1, 103, 101, 102, 5}, a.toLongArray());
    }
}
