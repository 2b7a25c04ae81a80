package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code counter} column ({@code long} or {@code Long} field). A table with counters holds only
 * counters besides its primary key; change them with
 * {@link ReactiveRepository#increment(Object, String, long)} (saving such an entity is refused).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Counter {
}
