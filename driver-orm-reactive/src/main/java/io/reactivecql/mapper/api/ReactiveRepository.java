package io.reactivecql.mapper.api;

import io.reactivecql.api.statement.BoundStatement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes entities of one mapped class. Get one from {@link ReactiveMapper#repository}
 * (or extend this interface with derived query methods and get it from
 * {@link ReactiveMapper#implement}). Thread-safe; every method is cold (nothing runs before
 * subscription) and non-blocking; entities are emitted on driver threads, so do not block in
 * subscribers.
 *
 * <p>The id is the value of the single primary key column, or a {@link Key} of all primary key
 * columns (partition key then clustering columns) when there are several.
 *
 * <p>Writes leave columns of null fields unset by default (no tombstones; see
 * {@link NullSaving}). Every statement is prepared once and cached.
 *
 * @param <T>  the entity type
 * @param <ID> the id type ({@link Key} for a compound primary key)
 */
public interface ReactiveRepository<T, ID> {

    /** The mapped class. */
    Class<T> entityClass();

    /** The keyspace of the table (internal name). */
    String keyspace();

    /** The table (internal name). */
    String table();

    /**
     * Upserts {@code entity} ({@code INSERT}). For a {@link Version}ed entity the write is a
     * lightweight transaction and fails with {@link OptimisticLockException} when the version in the
     * table is not the entity's; the result then carries the new version. Refused for counter
     * entities (use {@link #increment}).
     *
     * @return the saved entity (a {@link Version}ed one with its new version: a new record instance,
     *         or the same bean with its version field updated)
     */
    Mono<T> save(T entity);

    /** {@link #save(Object)} with per-call options (TTL, timestamp, consistency, execution profile). */
    Mono<T> save(T entity, QueryOptions options);

    /** Saves every entity, at most the mapper's save concurrency at a time; emits them as saved. */
    Flux<T> saveAll(Publisher<? extends T> entities);

    /** Saves every entity, at most {@code concurrency} at a time; emits them as saved (not in order). */
    Flux<T> saveAll(Publisher<? extends T> entities, int concurrency);

    /**
     * Inserts {@code entity}; with {@code ifNotExists} only when no row has its key (a lightweight
     * transaction): the result says whether it was applied and holds the existing row when not.
     */
    Mono<WriteResult<T>> insert(T entity, boolean ifNotExists);

    /** {@link #insert(Object, boolean)} with per-call options. */
    Mono<WriteResult<T>> insert(T entity, boolean ifNotExists, QueryOptions options);

    /**
     * Updates the non-key columns of the row of {@code entity} ({@code UPDATE ... SET}), only when
     * the conditions hold if any are given (a lightweight transaction). A {@link Version}ed entity
     * is also checked and advanced like in {@link #save(Object)}.
     */
    Mono<WriteResult<T>> update(T entity, Condition... conditions);

    /** {@link #update(Object, Condition...)} with per-call options. */
    Mono<WriteResult<T>> update(T entity, QueryOptions options, Condition... conditions);

    /** The entity with this id, or empty. */
    Mono<T> findById(ID id);

    /** {@link #findById(Object)} with per-call options. */
    Mono<T> findById(ID id, QueryOptions options);

    /**
     * Every entity of the table, page after page as the subscriber asks for more (a slow subscriber
     * holds at most about two pages in memory).
     */
    Flux<T> findAll();

    /** {@link #findAll()} with per-call options (page size among them). */
    Flux<T> findAll(QueryOptions options);

    /** The entities of these ids, in the order of the ids; ids with no row are skipped. */
    Flux<T> findAllById(Publisher<? extends ID> ids);

    /** Whether a row has this id. */
    Mono<Boolean> existsById(ID id);

    /** The number of rows ({@code SELECT COUNT(*)}: a full scan, for small tables and tests). */
    Mono<Long> count();

    /** Deletes the row of this id. */
    Mono<Void> deleteById(ID id);

    /** {@link #deleteById(Object)} with per-call options (timestamp, consistency...). */
    Mono<Void> deleteById(ID id, QueryOptions options);

    /**
     * Deletes the row of {@code entity}; for a {@link Version}ed entity only if its version is
     * still the entity's, else {@link OptimisticLockException}.
     */
    Mono<Void> delete(T entity);

    /** Deletes the row of {@code entity} only when the conditions hold (a lightweight transaction). */
    Mono<WriteResult<T>> delete(T entity, Condition... conditions);

    /** {@link #delete(Object, Condition...)} with per-call options. */
    Mono<WriteResult<T>> delete(T entity, QueryOptions options, Condition... conditions);

    /** Adds {@code delta} to the {@link Counter} field or column {@code counter} of the row of {@code id}. */
    Mono<Void> increment(ID id, String counter, long delta);

    /** {@link #increment(Object, String, long)} with per-call options. */
    Mono<Void> increment(ID id, String counter, long delta, QueryOptions options);

    /** Subtracts {@code delta} from a {@link Counter}. */
    Mono<Void> decrement(ID id, String counter, long delta);

    /** A query on this table, to narrow with {@link Query#where}. */
    Query<T> query();

    /**
     * The statement {@link #save(Object)} would execute, for an {@link EntityBatch} (for a
     * {@link Version}ed entity, its conditional form; the entity's version field is left alone).
     */
    Mono<BoundStatement> saveStatement(T entity, QueryOptions options);

    /** The statement {@link #delete(Object)} would execute, for an {@link EntityBatch}. */
    Mono<BoundStatement> deleteStatement(T entity, QueryOptions options);

    /** The statement {@link #increment(Object, String, long)} would execute, for a counter batch. */
    Mono<BoundStatement> incrementStatement(ID id, String counter, long delta, QueryOptions options);
}
