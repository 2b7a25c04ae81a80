package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A partition key column. Several fields form a composite partition key in the order of
 * {@link #value()} (0, 1, 2...); each order appears once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PartitionKey {

    /** The position in the partition key, from 0. */
    int value() default 0;
}
