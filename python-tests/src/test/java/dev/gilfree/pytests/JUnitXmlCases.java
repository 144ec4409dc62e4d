package dev.gilfree.pytests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Turns a pytest JUnit XML report into JUnit dynamic tests: one per pytest case, grouped by module. */
final class JUnitXmlCases {
    private JUnitXmlCases() {}

    /** One pytest case's outcome: "passed", "failed", "error" or "skipped", with pytest's message. */
    record Case(String group, String name, String outcome, String message) {}

    static Stream<DynamicNode> toDynamicTests(PytestRun run) throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        List<Case> cases = Files.exists(run.report()) ? parse(run) : List.of();
        // The run itself: pytest must have finished normally (0 = all passed, 1 = some failed).
        nodes.add(DynamicTest.dynamicTest("pytest run on " + run.runtime(), () -> {
            if (run.exitCode() != 0 && run.exitCode() != 1 || cases.isEmpty()) {
                fail("pytest on " + run.runtime() + " ended with exit code " + run.exitCode() + " and "
                        + cases.size() + " reported cases:\n" + PytestRun.tail(run.output(), 60));
            }
        }));
        Map<String, List<DynamicNode>> groups = new LinkedHashMap<>();
        for (Case c : cases) {
            groups.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(c.name(), () -> {
                switch (c.outcome()) {
                    case "passed" -> { }
                    case "skipped" -> Assumptions.abort("skipped by pytest: " + c.message());
                    default -> fail("pytest " + c.outcome() + " on " + run.runtime() + ":\n" + c.message());
                }
            }));
        }
        groups.forEach((g, tests) -> nodes.add(DynamicContainer.dynamicContainer(g, tests)));
        return nodes.stream();
    }

    static List<Case> parse(PytestRun run) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.report().toFile());
        NodeList tcs = doc.getElementsByTagName("testcase");
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < tcs.getLength(); i++) {
            Element tc = (Element) tcs.item(i);
            String outcome = "passed", message = "";
            for (String kind : new String[] {"failure", "error", "skipped"}) {
                NodeList l = tc.getElementsByTagName(kind);
                if (l.getLength() > 0) {
                    Element e = (Element) l.item(0);
                    outcome = kind.equals("failure") ? "failed" : kind;
                    message = (e.getAttribute("message") + "\n" + e.getTextContent()).strip();
                    break;
                }
            }
            // A module skipped as a whole is reported with an empty classname and the module as its name.
            String group = tc.getAttribute("classname").isBlank() ? tc.getAttribute("name") : tc.getAttribute("classname");
            String name = tc.getAttribute("classname").isBlank() ? "(module)" : tc.getAttribute("name");
            out.add(new Case(group.isBlank() ? "(unnamed)" : group, name.isBlank() ? "(unnamed)" : name, outcome, message));
        }
        return out;
    }
}
