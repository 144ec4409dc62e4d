package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gilfree.embed.PythonException;
import dev.gilfree.embed.PythonSession;
import dev.gilfree.graalpy.GraalPySession;
import dev.gilfree.jep.JepSession;
import org.junit.jupiter.api.Test;

/** The application's computation on each runtime: same script, same answers. */
class StatsTest {
    private static final double[] SERIES = {2, 4, 4, 4, 5, 5, 7, 9};

    @Test
    void graalpy() {
        try (PythonSession py = GraalPySession.create()) {
            check(py);
        }
    }

    @Test
    void cpythonThroughJep() {
        String config = System.getProperty("gilfree.jep.config", "");
        assumeTrue(!config.isEmpty(), "no -Dgilfree.jep.config: jep's library and CPython are not configured");
        try (PythonSession py = JepSession.create()) {
            check(py);
        }
    }

    private static void check(PythonSession py) {
        double[] d = Stats.describe(py, SERIES);
        assertEquals(5.0, d[0], 1e-12);
        assertEquals(2.0, d[1], 1e-12);
        // A Python error arrives typed.
        PythonException e = assertThrows(PythonException.class, () -> py.exec("gf.zeros(-1)"));
        assertEquals("ValueError", e.pythonType());
    }
}
