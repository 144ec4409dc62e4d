package dev.gilfree.gateway.processor;

import java.util.List;

/**
 * One {@code @Entry} method as the processor read it: enough to write its public method and its row in
 * the entry table.
 *
 * @param facade simple name of the generated class ("Engine")
 * @param impl simple name of the annotated class ("EngineOps")
 * @param op Java expression naming the operation in BorrowError messages
 */
record EntryModel(String facade, String impl, String method, String returnType, List<Param> params, List<String> thrown,
                  List<String> reads, List<String> writes, String fp, boolean resizes, String sample, String dtype, boolean numpy,
                  String op, String doc) {

    /** A parameter: its name, its type as Java source, and the short name the entry table shows. */
    record Param(String name, String type, String shortType) {
        boolean isArray() { return type.equals(NDARRAY); }

        boolean isArrays() { return type.equals(NDARRAY + "[]"); }
    }

    static final String NDARRAY = "dev.gilfree.core.NDArray";

    Param param(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        return null;
    }

    boolean guarded() { return !reads.isEmpty() || !writes.isEmpty(); }

    /** Entry name as recorded and listed: "Engine.astype". */
    String qualifiedName() { return facade + "." + method; }
}
