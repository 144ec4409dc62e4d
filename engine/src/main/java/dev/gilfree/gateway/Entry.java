package dev.gilfree.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one engine entry point: what it reads and what it writes. The gateway processor turns every
 * {@code @Entry} method of a {@link Facade} class into a public method of the generated facade that applies
 * the thread-safety contract (op guard, writeable/frozen checks, borrows, resize refusal, floating-point
 * signals, error typing) before and after calling it. A non-private static method of a facade class without
 * {@code @Entry} fails the build.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Entry {
    /** Parameters (NDArray or NDArray[], may be null at run time) whose memory the entry reads. */
    String[] reads() default {};

    /** Parameters whose memory the entry writes: they must be writeable, and are borrowed exclusively. */
    String[] writes() default {};

    /** The int parameter holding the caller's errstate mask: flags the body reports in it end the call with an FpSignal. */
    String fp() default "";

    /** The entry resizes its (single) written array in place: refused while the array is in use elsewhere. */
    boolean resizes() default false;

    /**
     * Python code that reaches this entry, for the contract tests generated from these declarations. It sees
     * {@code xp} (the gilfree module, or numpy for the oracle) and {@code a}, an array of shape (3, 4) and
     * dtype {@link #dtype} that takes the role of the first written parameter (else the first read one), and
     * {@code b}, a second such array. An expression's value is the call's result; a statement returns None.
     */
    String sample() default "";

    /** The dtype of {@code a} and {@code b} in {@link #sample}. */
    String dtype() default "float64";

    /**
     * The operation's name in BorrowError messages, as a Java expression over the parameters (for example
     * {@code "u.name()"} or {@code "\"tolist\""}); empty means the method's name. It is what a Python user
     * called, so messages say "in sum()" rather than naming the facade.
     */
    String op() default "";

    /** Whether {@link #sample} means the same with numpy as {@code xp}, so NumPy is the oracle for it. */
    boolean numpy() default true;
}
