package dev.chikuden.config;

import dev.chikuden.units.Dimension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a number of a configuration record as a quantity in human units ("150 MW", "4 h", "95 %"),
 * read in the base unit of its dimension (kW, kWh, s, fraction) by the one quantity deserializer,
 * which also reports a value outside {@code [min, max]} (or {@code (min, max]}) as a problem. On a
 * list, it applies to every item.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Quantity {
    Dimension value();

    /** The smallest value allowed, in the base unit. */
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** True when {@link #min()} itself is not allowed. */
    boolean aboveMin() default false;

    /** What a fraction with a range stands for, for its message: "an efficiency". */
    String meaning() default "";
}
