package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.Promotion.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks against NumPy 2's numpy.promote_types and NEP 50 weak-scalar promotion (hard-coded from NumPy). */
class PromotionTest {
    private static final Map<String, DType> SHORT = Map.ofEntries(
            Map.entry("b", DType.BOOL),
            Map.entry("i1", DType.INT8), Map.entry("i2", DType.INT16), Map.entry("i4", DType.INT32), Map.entry("i8", DType.INT64),
            Map.entry("u1", DType.UINT8), Map.entry("u2", DType.UINT16), Map.entry("u4", DType.UINT32), Map.entry("u8", DType.UINT64),
            Map.entry("f2", DType.FLOAT16), Map.entry("f4", DType.FLOAT32), Map.entry("f8", DType.FLOAT64),
            Map.entry("c8", DType.COMPLEX64), Map.entry("c16", DType.COMPLEX128));

    private static final String[] ORDER = {"b", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"};

    /** np.promote_types(ORDER[row], ORDER[col]) as printed by NumPy 2.x. */
    private static final String[][] TABLE = {
        /* b  */ {"b", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"},
        /* i1 */ {"i1", "i1", "i2", "i4", "i8", "i2", "i4", "i8", "f8", "f2", "f4", "f8", "c8", "c16"},
        /* i2 */ {"i2", "i2", "i2", "i4", "i8", "i2", "i4", "i8", "f8", "f4", "f4", "f8", "c8", "c16"},
        /* i4 */ {"i4", "i4", "i4", "i4", "i8", "i4", "i4", "i8", "f8", "f8", "f8", "f8", "c16", "c16"},
        /* i8 */ {"i8", "i8", "i8", "i8", "i8", "i8", "i8", "i8", "f8", "f8", "f8", "f8", "c16", "c16"},
        /* u1 */ {"u1", "i2", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"},
        /* u2 */ {"u2", "i4", "i4", "i4", "i8", "u2", "u2", "u4", "u8", "f4", "f4", "f8", "c8", "c16"},
        /* u4 */ {"u4", "i8", "i8", "i8", "i8", "u4", "u4", "u4", "u8", "f8", "f8", "f8", "c16", "c16"},
        /* u8 */ {"u8", "f8", "f8", "f8", "f8", "u8", "u8", "u8", "u8", "f8", "f8", "f8", "c16", "c16"},
        /* f2 */ {"f2", "f2", "f4", "f8", "f8", "f2", "f4", "f8", "f8", "f2", "f4", "f8", "c8", "c16"},
        /* f4 */ {"f4", "f4", "f4", "f8", "f8", "f4", "f4", "f8", "f8", "f4", "f4", "f8", "c8", "c16"},
        /* f8 */ {"f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "f8", "c16", "c16"},
        /* c8 */ {"c8", "c8", "c8", "c16", "c16", "c8", "c8", "c16", "c16", "c8", "c8", "c16", "c8", "c16"},
        /* c16*/ {"c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16", "c16"},
    };

    @Test
    void expectedTableIsSymmetricAndComplete() {
        assertEquals(ORDER.length, DType.values().length);
        for (int i = 0; i < ORDER.length; i++) {
            assertEquals(ORDER.length, TABLE[i].length);
            for (int j = 0; j < ORDER.length; j++) assertEquals(TABLE[i][j], TABLE[j][i], ORDER[i] + "," + ORDER[j]);
        }
    }

    @Test
    void promoteMatchesNumPyForEveryPair() {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            for (int j = 0; j < ORDER.length; j++) {
                DType a = SHORT.get(ORDER[i]), b = SHORT.get(ORDER[j]);
                DType expected = SHORT.get(TABLE[i][j]);
                DType got = Promotion.promote(a, b);
                if (got != expected) wrong.add(a.npName() + "+" + b.npName() + " -> " + got.npName() + " (NumPy: " + expected.npName() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " pairs differ from numpy.promote_types: " + wrong);
    }

    @ParameterizedTest
    @CsvSource({
        "int8,uint8,int16", "int64,uint64,float64", "int32,float32,float64", "int16,float32,float32",
        "uint32,int32,int64", "complex64,float64,complex128", "int8,float32,float32", "uint8,float32,float32",
        "uint16,float32,float32", "uint32,float32,float64", "int16,uint16,int32", "int64,uint32,int64",
        "uint64,int8,float64", "bool,bool,bool", "bool,uint64,uint64", "float32,complex64,complex64",
        "int16,complex64,complex64", "int32,complex64,complex128", "uint64,uint8,uint64"})
    void spotChecks(String a, String b, String expected) {
        assertEquals(DType.of(expected), Promotion.promote(DType.of(a), DType.of(b)));
        assertEquals(DType.of(expected), Promotion.promote(DType.of(b), DType.of(a)));
    }

    @Test
    void int8Uint8Float32GiveFloat32InEitherOrder() {
        // (int8 + uint8) + float32 = int16 + float32 = float32; int8 + (uint8 + float32) = float32
        DType[] xs = {DType.INT8, DType.UINT8, DType.FLOAT32};
        assertEquals(DType.FLOAT32, Promotion.promote(Promotion.promote(xs[0], xs[1]), xs[2]));
        assertEquals(DType.FLOAT32, Promotion.promote(xs[0], Promotion.promote(xs[1], xs[2])));
    }

    /** NEP 50: result of (array of dtype) op (Python scalar of kind). */
    @ParameterizedTest
    @CsvSource({
        // dtype,      bool,      int,       float,     complex
        "bool,        bool,       int64,      float64,   complex128",
        "int8,        int8,       int8,       float64,   complex128",
        "int16,       int16,      int16,      float64,   complex128",
        "int32,       int32,      int32,      float64,   complex128",
        "int64,       int64,      int64,      float64,   complex128",
        "uint8,       uint8,      uint8,      float64,   complex128",
        "uint16,      uint16,     uint16,     float64,   complex128",
        "uint32,      uint32,     uint32,     float64,   complex128",
        "uint64,      uint64,     uint64,     float64,   complex128",
        "float16,     float16,    float16,    float16,   complex64",
        "float32,     float32,    float32,    float32,   complex64",
        "float64,     float64,    float64,    float64,   complex128",
        "complex64,   complex64,  complex64,  complex64, complex64",
        "complex128,  complex128, complex128, complex128, complex128"})
    void weakScalarsFollowNep50(String dtype, String withBool, String withInt, String withFloat, String withComplex) {
        DType a = DType.of(dtype);
        assertEquals(DType.of(withBool), Promotion.promoteWeak(a, ScalarKind.BOOL), "bool scalar");
        assertEquals(DType.of(withInt), Promotion.promoteWeak(a, ScalarKind.INT), "int scalar");
        assertEquals(DType.of(withFloat), Promotion.promoteWeak(a, ScalarKind.FLOAT), "float scalar");
        assertEquals(DType.of(withComplex), Promotion.promoteWeak(a, ScalarKind.COMPLEX), "complex scalar");
    }
}
