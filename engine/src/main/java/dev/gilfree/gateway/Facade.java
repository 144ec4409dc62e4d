package dev.gilfree.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package-private class of {@link Entry} methods; the gateway processor generates the public class
 * named {@link #value} in the same package, whose methods are the only way to reach them.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Facade {
    /** Simple name of the generated public class (for example "Engine" for EngineOps). */
    String value();
}
