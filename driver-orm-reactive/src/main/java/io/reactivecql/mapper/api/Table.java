package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class (a record or a mutable bean) to a table. Names follow CQL identifier rules: an
 * unquoted name is case-insensitive ({@code "Products"} is table {@code products}), a double-quoted
 * one is exact ({@code "\"Products\""}).
 *
 * <pre>{@code
 * @Table(keyspace = "shop", name = "products")
 * public record Product(@PartitionKey UUID id, String name, BigDecimal price) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The keyspace; empty for the mapper's default keyspace (or the session's). */
    String keyspace() default "";

    /** The table; empty for the class's simple name through {@link #naming()}. */
    String name() default "";

    /** How field names (and the class name, when {@link #name()} is empty) become column names. */
    NamingStrategy naming() default NamingStrategy.SNAKE_CASE;
}
