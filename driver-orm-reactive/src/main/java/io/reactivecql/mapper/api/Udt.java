package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class (record or bean) to a user-defined type. Fields of that class in an entity (or in
 * its collections, or in another UDT) are written as the type's values. The type lives in the
 * keyspace of the entity that uses it.
 *
 * <pre>{@code
 * @Udt
 * public record Address(String street, String city, int zip) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Udt {

    /** The type's name; empty for the class's simple name through {@link #naming()}. */
    String name() default "";

    /** How field names (and the class name) become UDT field names. */
    NamingStrategy naming() default NamingStrategy.SNAKE_CASE;
}
