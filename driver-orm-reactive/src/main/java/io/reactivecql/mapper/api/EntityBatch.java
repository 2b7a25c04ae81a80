package io.reactivecql.mapper.api;

import io.reactivecql.api.statement.BoundStatement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Entity writes executed together as one CQL {@code BATCH}: LOGGED (all or nothing, across
 * partitions), UNLOGGED (one round trip; atomic only within a partition) or COUNTER. Immutable:
 * each method returns a batch with one more statement. Get one from {@link ReactiveMapper#batch}.
 *
 * <pre>{@code
 * mapper.batch(BatchType.LOGGED).save(orders, order).save(items, item).delete(carts, cart).execute();
 * }</pre>
 *
 * The batch's options (timestamp, consistency) apply to all its statements; TTLs stay per write.
 */
public interface EntityBatch {

    /** Adds the save of {@code entity}. */
    <T> EntityBatch save(ReactiveRepository<T, ?> repository, T entity);

    /** Adds the save of {@code entity} with a TTL from {@code options}. */
    <T> EntityBatch save(ReactiveRepository<T, ?> repository, T entity, QueryOptions options);

    /** Adds the delete of {@code entity}'s row. */
    <T> EntityBatch delete(ReactiveRepository<T, ?> repository, T entity);

    /** Adds an increment of a counter (COUNTER batches). */
    <ID> EntityBatch increment(ReactiveRepository<?, ID> repository, ID id, String counter, long delta);

    /** Adds any statement (built by a repository's {@code ...Statement} methods or prepared by hand). */
    EntityBatch add(Publisher<BoundStatement> statement);

    /** The batch's own options (timestamp, consistency, serial consistency, execution profile, timeout). */
    EntityBatch options(QueryOptions options);

    /** The number of statements added. */
    int size();

    /**
     * Executes the batch; emits whether it was applied (false only for a batch of conditional
     * writes whose conditions did not hold). An empty batch does nothing and emits true.
     */
    Mono<Boolean> execute();
}
