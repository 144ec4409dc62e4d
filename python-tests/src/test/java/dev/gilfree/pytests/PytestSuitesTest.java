package dev.gilfree.pytests;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pytest suites in python-tests/suites, run on every runtime; each pytest case shows up as its own
 * JUnit test (grouped by test module) in Surefire's reports, and any failure fails the Maven build.
 * CPython runs first: its NumPy answers (python-tests/suites/recorded.py) are what GraalPy is checked against.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PytestSuitesTest {
    private static final List<String> RUNTIMES =
            Arrays.asList(System.getProperty("gilfree.runtimes", "graalpy,cpython").split(","));

    private static Stream<DynamicNode> suites(String runtime, String label, List<String> args) throws Exception {
        if (!RUNTIMES.contains(runtime)) return Stream.empty();
        return JUnitXmlCases.toDynamicTests(PytestRun.run(runtime, label, args));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicNode> graalpy() throws Exception {
        return suites("graalpy", "graalpy", List.of());
    }

    @TestFactory
    @Order(1)
    Stream<DynamicNode> cpython() throws Exception {
        return suites("cpython", "cpython", List.of());
    }

    /**
     * The same suites under pytest-run-parallel: every test runs on 4 threads at once (tests that cannot
     * be thread-safe carry {@code @pytest.mark.thread_unsafe} and run on one). -Dgilfree.parallel=false skips.
     */
    private static final List<String> PARALLEL = List.of("--parallel-threads=4");

    private static boolean parallelRuns() { return !"false".equals(System.getProperty("gilfree.parallel", "true")); }

    @TestFactory
    @Order(4)
    Stream<DynamicNode> graalpyParallel() throws Exception {
        return parallelRuns() ? suites("graalpy", "graalpy-parallel", PARALLEL) : Stream.empty();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicNode> cpythonParallel() throws Exception {
        return parallelRuns() ? suites("cpython", "cpython-parallel", PARALLEL) : Stream.empty();
    }
}
