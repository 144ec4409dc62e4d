package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.api.Engine;
import dev.gilfree.api.FpSignal;
import dev.gilfree.api.Indexing;
import dev.gilfree.api.Reduce;
import dev.gilfree.api.Ufunc;
import dev.gilfree.api.Ufuncs;
import dev.gilfree.api.Views;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/** Complex loops: NumPy's formulas, the conditions they report, complex reductions, accumulations and part views. */
class ComplexLoopsTest {
    private static NDArray c128(double... interleaved) {
        return Engine.fromComplex(interleaved, new long[] {interleaved.length / 2}, "complex128");
    }

    @Test
    void arithmeticFollowsNumPysFormulas() {
        NDArray z = c128(1, 2, 3, -1);
        assertArrayEquals(new double[] {-3, 4, 8, -6}, Ufunc.get("multiply").call2(z, z, null).toComplexArray());
        assertArrayEquals(new double[] {1.5, 0.5, 1, -2}, Ufunc.get("divide").call2(z, c128(1, 1, 1, 1), null).toComplexArray());
        assertArrayEquals(new double[] {1, -2, 3, 1}, Ufunc.get("conjugate").call1(z, null).toComplexArray());
        NDArray mag = Ufunc.get("absolute").call1(c128(3, 4), null);
        assertEquals(DType.FLOAT64, mag.dtype());
        assertArrayEquals(new double[] {5}, mag.toDoubleArray());
        assertArrayEquals(new double[] {1, 0}, Ufunc.get("equal").call2(z, c128(1, 2, 3, 1), null).toDoubleArray());
    }

    @Test
    void divisionByZeroReportsDivideAndInvalidAsNumPy() {
        FpSignal s = assertThrows(FpSignal.class,
                () -> Ufuncs.call2Checked(Ufunc.get("divide"), c128(1, 0), c128(0, 0), FpFlags.DIVIDE | FpFlags.INVALID));
        assertEquals(FpFlags.DIVIDE | FpFlags.INVALID, s.fpFlags());
        double[] r = s.result().toComplexArray();
        assertEquals(Double.POSITIVE_INFINITY, r[0]);
        assertEquals(Double.NaN, r[1]);
    }

    @Test
    void sumsByPartProductsInOrderAndTruthTests() {
        NDArray z = c128(1, 2, 3, -1, 0, 0.5);
        assertArrayEquals(new double[] {4, 1.5}, Reduce.reduce("add", z, new int[] {0}, false, null, null, "none", 0, 0).toComplexArray());
        assertArrayEquals(new double[] {5, 5}, Reduce.reduce("multiply", c128(1, 2, 3, -1), new int[] {0}, false, null, null, "none", 0, 0).toComplexArray());
        assertArrayEquals(new double[] {1}, Reduce.reduce("logical_or", c128(0, 0, 0, 1), new int[] {0}, false, null, null, "none", 0, 0).toDoubleArray());
        // extremes fold lexicographically from the first element; an empty one has nothing to start from
        assertArrayEquals(new double[] {3, -1}, Reduce.reduce("maximum", z, new int[] {0}, false, null, null, "none", 0, 0).toComplexArray());
        assertArrayEquals(new double[] {0, 0.5}, Reduce.reduce("minimum", z, new int[] {0}, false, null, null, "none", 0, 0).toComplexArray());
        assertThrows(GilfreeException.class, () -> Reduce.reduce("maximum", c128(), new int[] {0}, false, null, null, "none", 0, 0));
        assertArrayEquals(new double[] {1, 2, 4, 1, 4, 1.5}, Reduce.accumulate("add", z, 0, null).toComplexArray());
        assertArrayEquals(new double[] {1, 2, 3, -1, 3, -1}, Reduce.accumulate("maximum", z, 0, null).toComplexArray());
    }

    @Test
    void sortingOrdersByRealThenImaginaryWithNaNGroupsLast() {
        double nan = Double.NaN;
        NDArray z = c128(1, nan, 3, -1, 1, 2, nan, 0, 1, 1);
        NDArray idx = dev.gilfree.api.Sort.argsort(z, 0, false);
        assertArrayEquals(new double[] {4, 2, 1, 0, 3}, idx.toDoubleArray());
        NDArray arg = NDArray.zeros(DType.INT64, new long[0]);
        Reductions.argExtreme(c128(1, 2, 3, -1, 3, -2), 0, false, arg);
        assertArrayEquals(new double[] {0}, arg.toDoubleArray());
        Reductions.argExtreme(c128(1, 2, 3, -2, 3, -1), 0, true, arg);
        assertArrayEquals(new double[] {2}, arg.toDoubleArray());
    }

    @Test
    void partsAreWriteableViews() {
        NDArray z = c128(1, 2, 3, -1);
        NDArray im = Views.complexPart(z, true);
        assertEquals(DType.FLOAT64, im.dtype());
        Indexing.setDoubleAt(im, 1, 7);
        assertArrayEquals(new double[] {1, 2, 3, 7}, z.toComplexArray());
        assertArrayEquals(new double[] {1, 3}, Views.complexPart(z, false).toDoubleArray());
    }
}
