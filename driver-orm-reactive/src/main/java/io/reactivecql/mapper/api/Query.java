package io.reactivecql.mapper.api;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query on one table, like cqlengine's QuerySet: immutable, each method returns a narrowed copy,
 * and nothing runs before one of the terminal methods is subscribed to.
 *
 * <pre>{@code
 * import static io.reactivecql.mapper.api.Relation.*;
 *
 * events.query()
 *     .where(eq("user_id", id)).and(gt("ts", since))
 *     .orderBy("ts", Order.DESC)
 *     .limit(50)
 *     .flux();
 * }</pre>
 *
 * Before it is sent, a query is checked against the table's keys and indexes: one Cassandra could
 * only serve by filtering fails with {@link QueryRefusedException} unless {@link #allowFiltering()}
 * was called. Statements are prepared once per shape and cached; limits are bound values.
 *
 * @param <T> the entity type
 */
public interface Query<T> {

    /** Adds a restriction ({@code AND}ed with the others). */
    Query<T> where(Relation relation);

    /** The same as {@link #where}: reads better after the first restriction. */
    Query<T> and(Relation relation);

    /** Orders by a clustering column (a field or column name). */
    Query<T> orderBy(String column, Order order);

    /** At most {@code rows} rows. */
    Query<T> limit(int rows);

    /** At most {@code rows} rows of each partition ({@code PER PARTITION LIMIT}). */
    Query<T> perPartitionLimit(int rows);

    /** Lets Cassandra filter ({@code ALLOW FILTERING}): the query may read far more than it returns. */
    Query<T> allowFiltering();

    /** Per-call options (consistency, page size, execution profile, timeout; TTL and timestamp for writes). */
    Query<T> options(QueryOptions options);

    /** The matching entities, page after page as the subscriber asks for more. */
    Flux<T> flux();

    /** The first matching entity ({@code LIMIT 1}), or empty. */
    Mono<T> first();

    /** The number of matching rows ({@code SELECT COUNT(*)}). */
    Mono<Long> count();

    /** Whether any row matches. */
    Mono<Boolean> exists();

    /** Deletes the matching rows (the restrictions must name whole partitions or a clustering prefix/range). */
    Mono<Void> delete();

    /** An update of the matching rows (the restrictions must name whole primary keys). */
    UpdateQuery<T> update();

    /** The CQL of {@link #flux()} (bind markers for values). */
    String cql();
}
