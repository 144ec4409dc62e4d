package dev.gilfree.core;

import static dev.gilfree.TestSupport.assertPyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks against numpy.can_cast(from, to, casting) (values hard-coded from NumPy 2). */
class CastingTest {
    @ParameterizedTest(name = "can_cast({0}, {1}, {2}) == {3}")
    @CsvSource({
        // safe
        "int64,float64,safe,true", "float64,int64,safe,false", "int8,uint8,safe,false", "uint8,int8,safe,false",
        "uint8,int16,safe,true", "uint8,uint16,safe,true", "int16,float32,safe,true", "int32,float32,safe,false",
        "int64,float32,safe,false", "uint16,float32,safe,true", "uint32,float32,safe,false", "uint64,float64,safe,true",
        "uint64,int64,safe,false", "int64,uint64,safe,false", "uint32,int64,safe,true", "uint32,int32,safe,false",
        "int32,int64,safe,true", "int64,int32,safe,false", "float32,float64,safe,true", "float64,float32,safe,false",
        "float32,complex64,safe,true", "float64,complex64,safe,false", "float64,complex128,safe,true",
        "complex64,complex128,safe,true", "complex128,complex64,safe,false", "complex64,float64,safe,false",
        "bool,int8,safe,true", "bool,float32,safe,true", "bool,uint64,safe,true", "int8,bool,safe,false",
        "int8,complex64,safe,true", "int32,complex64,safe,false", "uint64,complex128,safe,true",
        // same_kind
        "float64,int64,same_kind,false", "int8,uint8,same_kind,false", "uint8,int8,same_kind,true",
        "float64,float32,same_kind,true", "int64,int8,same_kind,true", "uint64,uint8,same_kind,true",
        "uint64,int8,same_kind,true", "int64,uint64,same_kind,false", "complex128,complex64,same_kind,true",
        "complex64,float32,same_kind,false", "complex128,float64,same_kind,false", "float32,int32,same_kind,false",
        "int8,float32,same_kind,true", "int64,complex64,same_kind,true", "bool,uint8,same_kind,true",
        "int8,bool,same_kind,false", "uint8,bool,same_kind,false", "float64,bool,same_kind,false",
        "float64,uint8,same_kind,false",
        // unsafe
        "complex128,bool,unsafe,true", "float64,int8,unsafe,true", "int64,uint8,unsafe,true",
        // no / equiv
        "int64,int64,no,true", "int64,float64,no,false", "float32,float32,equiv,true", "int32,int64,equiv,false",
        "uint8,int8,no,false"})
    void canCastMatchesNumPy(String from, String to, String mode, String expected) {
        assertEquals(Boolean.parseBoolean(expected), Casting.of(mode).allows(DType.of(from), DType.of(to)));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyTypeCastsToItselfUnderEveryRule(DType t) {
        for (Casting c : Casting.values()) assertTrue(c.allows(t, t), c + " " + t);
    }

    @Test
    void rulesAreNestedAsInNumPy() {
        // no <= equiv <= safe <= same_kind <= unsafe
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                String pair = from + "->" + to;
                if (Casting.NO.allows(from, to)) assertTrue(Casting.EQUIV.allows(from, to), pair);
                if (Casting.EQUIV.allows(from, to)) assertTrue(Casting.SAFE.allows(from, to), pair);
                if (Casting.SAFE.allows(from, to)) assertTrue(Casting.SAME_KIND.allows(from, to), pair);
                assertTrue(Casting.UNSAFE.allows(from, to), pair);
                assertEquals(from == to, Casting.NO.allows(from, to), pair);
                // bool casts safely to anything; nothing but bool casts to bool under same_kind
                if (from == DType.BOOL) assertTrue(Casting.SAFE.allows(from, to), pair);
                if (to == DType.BOOL) assertEquals(from == DType.BOOL, Casting.SAME_KIND.allows(from, to), pair);
            }
        }
    }

    @Test
    void namesRoundTripAndBadNamesAreValueErrors() {
        for (Casting c : Casting.values()) assertSame(c, Casting.of(c.npName()));
        assertEquals("same_kind", Casting.SAME_KIND.npName());
        assertPyError("ValueError", "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'",
                () -> Casting.of("sometimes"));
    }
}
