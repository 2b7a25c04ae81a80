package io.reactivecql.mapper.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optimistic-locking version of an entity ({@code int}, {@code long} or their wrappers, a
 * regular column). {@link ReactiveRepository#save(Object)} then writes through a lightweight
 * transaction: an entity whose version is null or 0 is inserted {@code IF NOT EXISTS} with version
 * 1; any other is updated {@code IF version = <its version>} and gets version + 1. When another
 * writer got there first the save fails with {@link OptimisticLockException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Version {
}
