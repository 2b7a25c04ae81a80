package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the column of a field. Unannotated fields are mapped too: this annotation is only
 * needed to change the name or the CQL type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** The column name (CQL identifier rules: quote it to keep its case); empty for the naming strategy's. */
    String name() default "";

    /**
     * The CQL type, e.g. {@code "timeuuid"}, {@code "ascii"}, {@code "vector<float, 3>"},
     * {@code "tuple<int, text>"}; empty to derive it from the Java type. Used when the mapper creates
     * the column ({@code syncTable}) and checked against the live schema like any other type.
     */
    String cqlType() default "";
}
