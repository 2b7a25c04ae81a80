package io.reactivecql.mapper.api;

import reactor.core.publisher.Mono;

import java.util.Collection;

/**
 * An {@code UPDATE} of the rows a {@link Query} names. Immutable like the query; nothing runs
 * before {@link #execute()} is subscribed to.
 *
 * <pre>{@code
 * products.query().where(eq("id", id)).update().set("price", price).onlyIf(Condition.ifEq("price", old)).execute();
 * }</pre>
 *
 * @param <T> the entity type
 */
public interface UpdateQuery<T> {

    /** {@code column = value} (null clears the column). */
    UpdateQuery<T> set(String column, Object value);

    /** {@code counter = counter + delta} on a {@link Counter} column. */
    UpdateQuery<T> increment(String counter, long delta);

    /** {@code counter = counter - delta} on a {@link Counter} column. */
    UpdateQuery<T> decrement(String counter, long delta);

    /** Appends to a list, adds to a set or puts into a map ({@code column = column + value}). */
    UpdateQuery<T> add(String column, Object elements);

    /** Removes from a list or set, or removes map keys (a set of keys) ({@code column = column - value}). */
    UpdateQuery<T> remove(String column, Collection<?> elements);

    /** Applies only when these conditions hold (a lightweight transaction). */
    UpdateQuery<T> onlyIf(Condition... conditions);

    /** Whether the update was applied (always true without conditions). */
    Mono<Boolean> execute();

    /** The CQL it runs. */
    String cql();
}
