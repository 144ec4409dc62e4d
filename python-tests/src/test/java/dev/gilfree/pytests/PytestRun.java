package dev.gilfree.pytests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One pytest run of the suites on one runtime, through the ./gilfree launcher in a child process (so a
 * crash of the runtime fails the tests instead of killing the build), with a JUnit XML report.
 */
record PytestRun(String runtime, int exitCode, Path report, String output) {
    static final Path ROOT = Path.of(System.getProperty("gilfree.root", "..")).toAbsolutePath().normalize();
    static final Path REPORTS = Path.of(System.getProperty("gilfree.reports", "target/pytest-reports")).toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 20;

    /** Runs pytest on {@code runtime} with {@code extraArgs}; {@code label} names the report file. */
    static PytestRun run(String runtime, String label, List<String> extraArgs) throws IOException, InterruptedException {
        Files.createDirectories(REPORTS);
        Path report = REPORTS.resolve("pytest-" + label + ".xml");
        Path log = REPORTS.resolve("pytest-" + label + ".log");
        Files.deleteIfExists(report);
        List<String> cmd = new ArrayList<>(List.of(
                ROOT.resolve("gilfree").toString(), "--runtime", runtime, "-m", "pytest",
                ROOT.resolve("python-tests/suites").toString(),
                "-p", "no:cacheprovider", "-q", "-rfE", "--junitxml=" + report, "-o", "junit_family=xunit1"));
        cmd.addAll(extraArgs);
        String more = System.getProperty("gilfree.pytest.args", "").trim();
        if (!more.isEmpty()) cmd.addAll(Arrays.asList(more.split("\\s+")));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("GILFREE_NO_BUILD", "1"); // Maven has just built the jars
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        int code;
        if (p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            code = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            code = -1;
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("---- pytest on " + runtime + " (" + label + "), exit code " + code + " ----");
        System.out.println(tail(output, 40));
        return new PytestRun(runtime, code, report, output);
    }

    static String tail(String s, int lines) {
        String[] all = s.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
