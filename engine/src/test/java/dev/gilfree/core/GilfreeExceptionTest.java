package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GilfreeExceptionTest {
    @Test
    void factoriesNameThePythonType() {
        assertEquals("ValueError", GilfreeException.value("v").pythonType());
        assertEquals("TypeError", GilfreeException.type("t").pythonType());
        assertEquals("IndexError", GilfreeException.index("i").pythonType());
        assertEquals("MemoryError", GilfreeException.memory("m").pythonType());
        assertEquals(GilfreeException.PyType.IndexError, GilfreeException.index("i").pyType());
        assertEquals("OverflowError", new GilfreeException(GilfreeException.PyType.OverflowError, "o").pythonType());
    }

    @Test
    void keepsTheMessageAndHasNoJavaStackTrace() {
        GilfreeException e = GilfreeException.value("operands could not be broadcast");
        assertEquals("operands could not be broadcast", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        assertNull(e.getCause());
    }
}
