package dev.gilfree.gateway;

import java.util.List;

/**
 * One engine entry point as declared by its {@link Entry}: the generated {@code Entries.ALL} lists them all,
 * so tests (Java and Python) enumerate every entry without reflection or a hand-kept list.
 *
 * @param facade the public class Python calls ("Engine")
 * @param paramTypes short type names ("NDArray", "NDArray[]", "long[]", "int", "Ufunc")
 */
public record EntrySpec(String facade, String method, List<String> paramNames, List<String> paramTypes,
                        List<String> reads, List<String> writes, String fp, boolean resizes, String sample, String dtype, boolean numpy) {

    /** "Engine.astype": the name the guard records when a thread enters this entry. */
    public String name() { return facade + "." + method; }

    /** True when the entry reads or writes array memory (the contract tests try these frozen and borrowed). */
    public boolean touchesMemory() { return !reads.isEmpty() || !writes.isEmpty(); }

    /**
     * The spec as strings for Python: facade, method, parameter names, parameter types, reads, writes
     * (lists joined by ","), fp, resizes ("true"/"false"), sample, dtype, numpy ("true"/"false").
     */
    public String[] row() {
        return new String[] {facade, method, String.join(",", paramNames), String.join(",", paramTypes), String.join(",", reads),
            String.join(",", writes), fp, Boolean.toString(resizes), sample, dtype, Boolean.toString(numpy)};
    }

    static String[][] table(List<EntrySpec> specs) {
        return specs.stream().map(EntrySpec::row).toArray(String[][]::new);
    }
}
