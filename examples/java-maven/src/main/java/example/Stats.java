package example;

import dev.gilfree.core.NDArray;
import dev.gilfree.embed.EngineArrays;
import dev.gilfree.embed.PythonSession;
import java.util.List;

/** The application's use of Python: hand a series to a script, get its mean and standard deviation back. */
public final class Stats {
    private Stats() {}

    /** The script, as the application would keep it (a resource or a user's file). */
    static final String SCRIPT = """
            def describe(x):
                centred = x - x.mean()
                return [float(x.mean()), float(gf.sqrt((centred * centred).mean()))]
            """;

    /** {mean, standard deviation} of {@code values}, computed by gilfree in {@code py}. */
    public static double[] describe(PythonSession py, double[] values) {
        NDArray x = EngineArrays.of(values);
        py.exec(SCRIPT);
        List<?> r = (List<?>) py.call("describe", x);
        return new double[]{((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue()};
    }

    public static void main(String[] args) {
        try (PythonSession py = dev.gilfree.graalpy.GraalPySession.create()) {
            double[] d = describe(py, new double[]{2, 4, 4, 4, 5, 5, 7, 9});
            System.out.println("mean " + d[0] + ", std " + d[1] + " (on " + py.runtime() + ")");
        }
    }
}
