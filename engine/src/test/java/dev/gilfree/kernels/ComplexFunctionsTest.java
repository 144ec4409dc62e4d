package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilfree.api.Engine;
import dev.gilfree.api.FpSignal;
import dev.gilfree.api.Ufunc;
import dev.gilfree.api.Ufuncs;
import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/**
 * Complex transcendental functions, power, ordering and extremes: values NumPy 2.4 gives (on glibc), their
 * C99 special values and the conditions reported.
 */
class ComplexFunctionsTest {
    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    private static NDArray c128(double... interleaved) {
        return Engine.fromComplex(interleaved, new long[] {interleaved.length / 2}, "complex128");
    }

    private static double[] f(String name, double... z) { return Ufunc.get(name).call1(c128(z), null).toComplexArray(); }

    private static double[] f2(String name, double[] x, double[] y) { return Ufunc.get(name).call2(c128(x), c128(y), null).toComplexArray(); }

    // within a few ulps of the larger part: the Java and C libraries round differently
    private static void near(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i += 2) {
            double scale = Math.max(Math.abs(want[i]), Math.abs(want[i + 1]));
            assertEquals(want[i], got[i], 4 * Math.ulp(scale), "re " + i / 2);
            assertEquals(want[i + 1], got[i + 1], 4 * Math.ulp(scale), "im " + i / 2);
        }
    }

    @Test
    void circularAndHyperbolicValues() {
        near(new double[] {3.165778513216168, 1.9596010414216063}, f("sin", 1, 2));
        near(new double[] {2.0327230070196656, -3.0518977991518}, f("cos", 1, 2));
        near(new double[] {0.03381282607989669, 1.0147936161466335}, f("tan", 1, 2));
        near(new double[] {-0.4890562590412937, 1.4031192506220405}, f("sinh", 1, 2));
        near(new double[] {0.5535743588970452, 0.40235947810852507}, f("arctan", 0.5, 0.5));
        near(new double[] {0.5003700000525311, 0.3143981432077165}, f("arctanh", 0.5, 0.25));
        near(new double[] {1.0612750619050357, 0.6662394324925153}, f("arcsinh", 1, 1));
    }

    @Test
    void branchCutsFollowTheSignOfZero() {
        near(new double[] {Math.PI / 2, 1.3169578969248166}, f("arcsin", 2, 0.0));
        near(new double[] {Math.PI / 2, -1.3169578969248166}, f("arcsin", 2, -0.0));
        near(new double[] {0, -1.3169578969248166}, f("arccos", 2, 0.0));
        near(new double[] {0, Math.PI / 3}, f("arccosh", 0.5, 0.0));
        near(new double[] {0, -Math.PI / 3}, f("arccosh", 0.5, -0.0));
    }

    @Test
    void logOfTheLargestComplexIsFinite() {
        // |z| overflows for z = max + max·i; log|z| = log(max) + ln(2)/2 does not (NumPy: 710.1292...)
        double max = Double.MAX_VALUE;
        near(new double[] {Math.log(max) + Math.log(2) / 2, Math.PI / 4}, f("log", max, max));
    }

    @Test
    void hugeArgumentsDoNotOverflowInTheMiddle() {
        double[] s = f("sinh", 711, 1e-300); // exp(711) overflows; cosh(711)·sin(1e-300) does not
        assertEquals(INF, s[0]);
        assertEquals(3.036313688864997e8, s[1], 1e-3);
        double[] a = f("arcsinh", 1e308, 1e308); // 1 + z² would overflow: the asymptotic form
        near(new double[] {Math.log(Math.hypot(0.5e308, 0.5e308)) + 2 * Math.log(2), Math.PI / 4}, a);
    }

    @Test
    void specialValuesAreC99s() {
        assertArrayEquals(new double[] {1, -0.0}, f("tanh", INF, 2)); // sign of sin(2y)
        assertArrayEquals(new double[] {INF, Math.PI / 4}, f("arcsinh", INF, INF));
        assertArrayEquals(new double[] {NAN, INF}, f("sin", INF, -INF)); // glibc's choice of sign
        assertArrayEquals(new double[] {0.0, Math.PI / 2}, f("arctanh", 0.0, INF));
        assertArrayEquals(new double[] {NAN, NAN}, f("arccosh", NAN, 0));
        assertArrayEquals(new double[] {NAN, Math.PI / 2}, f("arccosh", 0, NAN));
    }

    @Test
    void polesReportDivisionByZeroAndDomainErrorsInvalid() {
        FpSignal s = assertThrows(FpSignal.class, () -> Ufuncs.call1Checked(Ufunc.get("arctanh"), c128(1, 0), FpFlags.DIVIDE));
        assertArrayEquals(new double[] {INF, 0}, s.result().toComplexArray());
        FpSignal t = assertThrows(FpSignal.class, () -> Ufuncs.call1Checked(Ufunc.get("sinh"), c128(1, INF), FpFlags.INVALID));
        assertEquals(FpFlags.INVALID, t.fpFlags());
    }

    @Test
    void logarithmAndExponentialVariantsUseNumPysFormulas() {
        near(new double[] {2, 0.6821881769209206}, f("log10", 0, 100));
        near(new double[] {1.5384778027279442, 1.2779225526272695}, f("exp2", 1, 1));
        near(new double[] {1e-10, 1.0000000001000001e-10}, f("expm1", 1e-10, 1e-10));
        assertArrayEquals(new double[] {0, 0}, f("log1p", 1e-20, 0)); // NumPy's log|1 + z| loses tiny z
    }

    @Test
    void powerTakesProductsForSmallIntegersAndExpLogOtherwise() {
        assertArrayEquals(new double[] {0, 2}, f2("power", new double[] {1, 1}, new double[] {2, 0}));
        assertArrayEquals(new double[] {0.5, -0.5}, f2("power", new double[] {1, 1}, new double[] {-1, 0}));
        assertArrayEquals(new double[] {-4, 0}, f2("power", new double[] {1, 1}, new double[] {4, 0}));
        assertArrayEquals(new double[] {1, 0}, f2("power", new double[] {NAN, NAN}, new double[] {0, 0}));
        assertArrayEquals(new double[] {0, 0}, f2("power", new double[] {0, 0}, new double[] {1, 1}));
        near(new double[] {0.6777725052404346, 0.4306022701168375}, f2("power", new double[] {1, 1}, new double[] {0.5, 0.5}));
        FpSignal s = assertThrows(FpSignal.class, () -> Ufuncs.call2Checked(Ufunc.get("power"), c128(0, 0), c128(-1, 0), FpFlags.INVALID));
        assertArrayEquals(new double[] {NAN, NAN}, s.result().toComplexArray());
        assertEquals(DType.COMPLEX128, Ufunc.get("float_power").call2(c128(1, 1), c128(2, 0), null).dtype());
    }

    @Test
    void orderIsLexicographicAndNaNsPropagateAsNumPy() {
        double[] x = {1, 5, 1, 1, NAN, 0, 1, NAN};
        double[] y = {2, 0, 1, 2, 1, 0, 2, 0};
        assertArrayEquals(new double[] {1, 1, 0, 0}, Ufunc.get("less").call2(c128(x), c128(y), null).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0, 0}, Ufunc.get("greater").call2(c128(x), c128(y), null).toDoubleArray());
        assertArrayEquals(new double[] {2, 0, 1, 2, NAN, 0, 1, NAN}, f2("maximum", x, y));
        assertArrayEquals(new double[] {2, 0, 1, 2, 1, 0, 2, 0}, f2("fmax", x, y));
        assertArrayEquals(new double[] {1, 5, 1, 1, NAN, 0, 1, NAN}, f2("minimum", x, y));
    }

    @Test
    void productsFuseAsNumPysSimdLoopsAndFoldsDoNot() {
        // each part one fused multiply-add: nothing lost to a cancelling or overflowing half
        assertArrayEquals(new double[] {-INF, INF}, f("square", 1e300, 1e300));
        NDArray z = Engine.fromComplex(new double[] {0.8f, 0.8f}, new long[] {1}, "complex64");
        double[] sq = Ufunc.get("square").call1(z, null).toComplexArray();
        assertEquals(Math.fma(0.8f, 0.8f, -(0.8f * 0.8f)), sq[0]); // the float rounding error of 0.8f², not 0
        assertEquals(-2.6226043559063328e-08, sq[0]);
        // a product reduction folds with the textbook formula, as NumPy's reduce loop: (1e300+1e300i)² is nan+infj
        double[] p = dev.gilfree.api.Reduce.reduce("multiply", c128(1e300, 1e300, 1e300, 1e300), new int[] {0}, false, null,
                null, "none", 0, 0).toComplexArray();
        assertEquals(NAN, p[0]);
        assertEquals(INF, p[1]);
    }

    @Test
    void modulusQuotientAndReciprocalUseNumPysFormulas() {
        // |z| as the larger part times sqrt(1 + r²), not hypot (which rounds sqrt(6.5) to ...922)
        assertArrayEquals(new double[] {2.5495097567963927}, Ufunc.get("absolute").call1(c128(0.5, -2.5), null).toDoubleArray());
        // complex64 divides in float as NumPy: Smith's scale 1/1e-40 overflows, with its condition
        NDArray tiny = Engine.fromComplex(new double[] {1e-40f, -0.0}, new long[] {1}, "complex64");
        FpSignal s = assertThrows(FpSignal.class, () -> Ufuncs.call2Checked(Ufunc.get("divide"), tiny, tiny, FpFlags.OVERFLOW));
        assertEquals(INF, s.result().toComplexArray()[0]);
        assertEquals(NAN, s.result().toComplexArray()[1]);
        // a NaN divisor signals invalid in NumPy's |re| >= |im| comparison
        FpSignal t = assertThrows(FpSignal.class, () -> Ufuncs.call1Checked(Ufunc.get("reciprocal"), c128(NAN, 1), FpFlags.INVALID));
        assertEquals(FpFlags.INVALID, t.fpFlags());
    }

    @Test
    void signIsTheUnitDirection() {
        assertArrayEquals(new double[] {0.6, 0.8, 1, 0, 0, 0, NAN, NAN}, f("sign", 3, 4, INF, 1, 0, 0, INF, INF));
    }
}
