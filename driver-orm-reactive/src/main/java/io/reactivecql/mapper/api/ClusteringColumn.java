package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A clustering column, at position {@link #value()} (from 0) of the clustering key. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ClusteringColumn {

    /** The position among the clustering columns, from 0. */
    int value() default 0;

    /** Whether rows are stored in descending order of this column ({@code CLUSTERING ORDER BY ... DESC}). */
    boolean descending() default false;
}
