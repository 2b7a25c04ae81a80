package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a derived query method run with {@code ALLOW FILTERING} (the same as ending its name with
 * {@code AllowFiltering}). Without it, a method whose query Cassandra could only serve by filtering
 * is refused when the repository is created.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowFiltering {
}
