package dev.gilfree.core;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DTypeTest {
    @ParameterizedTest
    @CsvSource({
        "bool,b,1", "int8,i,1", "int16,i,2", "int32,i,4", "int64,i,8",
        "uint8,u,1", "uint16,u,2", "uint32,u,4", "uint64,u,8",
        "float16,f,2", "float32,f,4", "float64,f,8", "complex64,c,8", "complex128,c,16"})
    void namesKindsAndSizesMatchNumPy(String name, char kind, int itemsize) {
        DType t = DType.of(name);
        assertEquals(name, t.npName());
        assertEquals(kind, t.kind());
        assertEquals(itemsize, t.itemsize());
        assertEquals(kind == 'i' || kind == 'u', t.isInteger());
        assertEquals(kind == 'f', t.isFloating());
    }

    @Test
    void thereAreExactlyFourteenDTypes() {
        assertEquals(14, DType.values().length);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void ofRoundTripsAndElementLayoutFitsTheItem(DType t) {
        assertSame(t, DType.of(t.npName()));
        long component = t.kind() == 'c' ? t.itemsize() / 2 : t.itemsize();
        assertEquals(component, t.elementLayout().byteSize());
        // unaligned access: views may start at any byte
        assertEquals(1, t.elementLayout().byteAlignment());
    }

    @Test
    void unknownNameIsTypeError() {
        assertPyError("TypeError", "data type 'float128x' not understood", () -> DType.of("float128x"));
        assertPyError("TypeError", "data type 'Float64' not understood", () -> DType.of("Float64"));
    }

    @Test
    void boolIsNeitherIntegerNorFloating() {
        assertFalse(DType.BOOL.isInteger());
        assertFalse(DType.BOOL.isFloating());
        assertFalse(DType.COMPLEX128.isFloating());
        assertTrue(DType.UINT64.isInteger());
    }
}
