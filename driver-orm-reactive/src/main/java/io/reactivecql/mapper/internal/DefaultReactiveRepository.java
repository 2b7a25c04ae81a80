package io.reactivecql.mapper.internal;

import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.mapper.api.Condition;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.OptimisticLockException;
import io.reactivecql.mapper.api.Query;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.WriteResult;
import io.reactivecql.protocol.types.CqlIdentifiers;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository of one entity class over its validated {@link EntityBinding}. CQL text is
 * computed once here; statements are prepared once through the mapper's {@link StatementCache}.
 */
final class DefaultReactiveRepository<T, ID> implements ReactiveRepository<T, ID> {

    private static final Object[] NO_VALUES = new Object[0];
    private static final Condition[] NO_CONDITIONS = new Condition[0];

    final MapperContext ctx;
    final EntityBinding<T> binding;
    final EntityModel<T> model;
    private final String insert;
    private final String insertTtl;
    private final String insertIfNotExists;
    private final String insertIfNotExistsTtl;
    private final String selectById;
    private final String selectAll;
    private final String existsById;
    private final String count;
    private final String deleteById;
    private final EntityValues<T> entityValues;
    /** Columns an UPDATE of the entity sets: every non-key column, the version last. */
    private final List<BoundColumn> updated;
    private final Map<String, String> increments = new HashMap<>();

    DefaultReactiveRepository(MapperContext ctx, EntityBinding<T> binding) {
        this.ctx = ctx;
        this.binding = binding;
        this.model = binding.model;
        this.insert = Cql.insert(binding, false, false);
        this.insertTtl = Cql.insert(binding, false, true);
        this.insertIfNotExists = Cql.insert(binding, true, false);
        this.insertIfNotExistsTtl = Cql.insert(binding, true, true);
        this.selectById = Cql.selectById(binding);
        this.selectAll = "SELECT " + binding.selection + " FROM " + binding.qualifiedTable;
        this.existsById = Cql.existsById(binding);
        this.count = "SELECT COUNT(*) FROM " + binding.qualifiedTable;
        this.deleteById = Cql.delete(binding, null);
        this.entityValues = new EntityValues<>(binding, ctx.nullSaving);
        this.updated = entityValues.updated;
        for (BoundColumn c : binding.nonKey) {
            if (c.property.counter) {
                increments.put(c.property.column, Cql.increment(binding, c));
            }
        }
    }

    @Override
    public Class<T> entityClass() {
        return model.type;
    }

    @Override
    public String keyspace() {
        return binding.table.keyspace();
    }

    @Override
    public String table() {
        return binding.table.name();
    }

    // ---- execution helpers, shared with queries and derived methods

    Mono<BoundStatement> bound(String cql, Object[] values, QueryOptions options, boolean idempotent) {
        return ctx.statements.prepare(cql).map(ps -> {
            BoundStatement statement = ps.bind(values);
            return statement.withOptions(options.applyTo(statement.options()).withIdempotent(idempotent));
        });
    }

    Flux<T> selectMany(String cql, Object[] values, QueryOptions options) {
        return bound(cql, values, options, true)
                .flatMapMany(statement -> ctx.session.execute(statement))
                .map(binding::read);
    }

    Flux<Row> rows(String cql, Object[] values, QueryOptions options) {
        return bound(cql, values, options, true).flatMapMany(statement -> ctx.session.execute(statement));
    }

    Mono<ResultPage> write(String cql, Object[] values, QueryOptions options, boolean idempotent) {
        return bound(cql, values, options, idempotent).flatMap(statement -> ctx.session.executePage(statement));
    }

    private MappingException counterRefused() {
        return new MappingException("an entity with counters cannot be saved or inserted: change its counters with "
                + "increment/decrement", model.entityName(), null, null, null);
    }

    // ---- writes

    @Override
    public Mono<T> save(T entity) {
        return save(entity, QueryOptions.defaults());
    }

    @Override
    public Mono<T> save(T entity, QueryOptions options) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            if (model.counterTable) {
                return Mono.error(counterRefused());
            }
            if (binding.version == null) {
                return write(options.hasTtl() ? insertTtl : insert, entityValues.insertValues(entity, null, options),
                        options, true)
                        .thenReturn(entity);
            }
            return saveVersioned(entity, options);
        });
    }

    private Mono<T> saveVersioned(T entity, QueryOptions options) {
        Object current = binding.version.property.get(entity);
        if (EntityValues.isNew(current)) {
            Object next = entityValues.versionValue(1);
            return write(options.hasTtl() ? insertIfNotExistsTtl : insertIfNotExists,
                    entityValues.insertValues(entity, next, options), options, false)
                    .handle((page, sink) -> {
                        if (page.wasApplied()) {
                            sink.next(model.with(entity, binding.version.property, next));
                        } else {
                            sink.error(new OptimisticLockException(model.entityName(), null,
                                    entityValues.actualVersion(page)));
                        }
                    });
        }
        Object next = entityValues.versionValue(((Number) current).longValue() + 1);
        Conditions conditions = Conditions.of(binding, NO_CONDITIONS, binding.version, current);
        return write(Cql.update(binding, updated, options.hasTtl(), conditions.cql()),
                entityValues.updateValues(entity, next, conditions, options), options, false)
                .handle((page, sink) -> {
                    if (page.wasApplied()) {
                        sink.next(model.with(entity, binding.version.property, next));
                    } else {
                        sink.error(new OptimisticLockException(model.entityName(), current,
                                entityValues.actualVersion(page)));
                    }
                });
    }

    @Override
    public Flux<T> saveAll(Publisher<? extends T> entities) {
        return saveAll(entities, ctx.saveConcurrency);
    }

    @Override
    public Flux<T> saveAll(Publisher<? extends T> entities, int concurrency) {
        Objects.requireNonNull(entities, "entities");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        return Flux.from(entities).flatMap(this::save, concurrency);
    }

    @Override
    public Mono<WriteResult<T>> insert(T entity, boolean ifNotExists) {
        return insert(entity, ifNotExists, QueryOptions.defaults());
    }

    @Override
    public Mono<WriteResult<T>> insert(T entity, boolean ifNotExists, QueryOptions options) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            if (model.counterTable) {
                return Mono.error(counterRefused());
            }
            // a new versioned entity is written with version 1 (and only gets it once written)
            Object version = binding.version != null && EntityValues.isNew(binding.version.property.get(entity))
                    ? entityValues.versionValue(1) : null;
            String cql = ifNotExists ? (options.hasTtl() ? insertIfNotExistsTtl : insertIfNotExists)
                    : (options.hasTtl() ? insertTtl : insert);
            return write(cql, entityValues.insertValues(entity, version, options), options, !ifNotExists)
                    .map(page -> page.wasApplied()
                            ? new WriteResult<>(true, version == null ? entity
                                    : model.with(entity, binding.version.property, version), Optional.empty())
                            : new WriteResult<>(false, entity, entityValues.existing(page)));
        });
    }

    @Override
    public Mono<WriteResult<T>> update(T entity, Condition... conditions) {
        return update(entity, QueryOptions.defaults(), conditions);
    }

    @Override
    public Mono<WriteResult<T>> update(T entity, QueryOptions options, Condition... conditions) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(conditions, "conditions");
        return Mono.defer(() -> {
            if (updated.isEmpty()) {
                return Mono.error(new IllegalArgumentException(model.entityName()
                        + " has no column outside its primary key to update"));
            }
            if (model.counterTable) {
                return Mono.error(counterRefused());
            }
            BoundColumn version = binding.version;
            Object current = version == null ? null : version.property.get(entity);
            Object next = version == null ? null
                    : entityValues.versionValue(current == null ? 1 : ((Number) current).longValue() + 1);
            Conditions c = Conditions.of(binding, conditions, version, current);
            String cql = Cql.update(binding, updated, options.hasTtl(), c.cql());
            boolean conditional = c != Conditions.NONE;
            return write(cql, entityValues.updateValues(entity, next, c, options), options, !conditional)
                    .handle((page, sink) -> {
                        if (page.wasApplied()) {
                            sink.next(new WriteResult<>(true, version == null ? entity
                                    : model.with(entity, version.property, next), Optional.empty()));
                            return;
                        }
                        if (version != null) {
                            Object actual = entityValues.actualVersion(page);
                            if (!EntityValues.sameVersion(actual, current)) {
                                sink.error(new OptimisticLockException(model.entityName(), current, actual));
                                return;
                            }
                        }
                        sink.next(new WriteResult<>(false, entity, entityValues.existing(page)));
                    });
        });
    }

    // ---- reads

    @Override
    public Mono<T> findById(ID id) {
        return findById(id, QueryOptions.defaults());
    }

    @Override
    public Mono<T> findById(ID id, QueryOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> selectMany(selectById, entityValues.keyValues(id), options).next());
    }

    @Override
    public Flux<T> findAll() {
        return findAll(QueryOptions.defaults());
    }

    @Override
    public Flux<T> findAll(QueryOptions options) {
        Objects.requireNonNull(options, "options");
        return selectMany(selectAll, NO_VALUES, options);
    }

    @Override
    public Flux<T> findAllById(Publisher<? extends ID> ids) {
        Objects.requireNonNull(ids, "ids");
        return Flux.from(ids).flatMapSequential(this::findById, ctx.saveConcurrency);
    }

    @Override
    public Mono<Boolean> existsById(ID id) {
        return Mono.defer(() -> rows(existsById, entityValues.keyValues(id), QueryOptions.defaults()).hasElements());
    }

    @Override
    public Mono<Long> count() {
        return rows(count, NO_VALUES, QueryOptions.defaults()).next().map(row -> row.getLong(0)).defaultIfEmpty(0L);
    }

    // ---- deletes

    @Override
    public Mono<Void> deleteById(ID id) {
        return deleteById(id, QueryOptions.defaults());
    }

    @Override
    public Mono<Void> deleteById(ID id, QueryOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> write(deleteById, entityValues.keyValues(id), options, true).then());
    }

    @Override
    public Mono<Void> delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        if (binding.version == null) {
            return Mono.defer(() -> write(deleteById, entityValues.keyValuesOf(entity, List.of()),
                    QueryOptions.defaults(), true)
                    .then());
        }
        return delete(entity, QueryOptions.defaults(), NO_CONDITIONS).then();
    }

    @Override
    public Mono<WriteResult<T>> delete(T entity, Condition... conditions) {
        return delete(entity, QueryOptions.defaults(), conditions);
    }

    @Override
    public Mono<WriteResult<T>> delete(T entity, QueryOptions options, Condition... conditions) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(conditions, "conditions");
        return Mono.defer(() -> {
            BoundColumn version = binding.version;
            Object current = version == null ? null : version.property.get(entity);
            Conditions c = Conditions.of(binding, conditions, version, current);
            boolean conditional = c != Conditions.NONE;
            return write(Cql.delete(binding, c.cql()), entityValues.keyValuesOf(entity, c.values()), options,
                    !conditional)
                    .handle((page, sink) -> {
                        if (!page.wasApplied() && version != null) {
                            Object actual = entityValues.actualVersion(page);
                            if (!EntityValues.sameVersion(actual, current)) {
                                sink.error(new OptimisticLockException(model.entityName(), current, actual));
                                return;
                            }
                        }
                        sink.next(new WriteResult<>(page.wasApplied(), entity,
                                page.wasApplied() ? Optional.empty() : entityValues.existing(page)));
                    });
        });
    }

    // ---- counters

    @Override
    public Mono<Void> increment(ID id, String counter, long delta) {
        return increment(id, counter, delta, QueryOptions.defaults());
    }

    @Override
    public Mono<Void> increment(ID id, String counter, long delta, QueryOptions options) {
        return incrementStatement(id, counter, delta, options).flatMap(s -> ctx.session.executePage(s)).then();
    }

    @Override
    public Mono<Void> decrement(ID id, String counter, long delta) {
        if (delta == Long.MIN_VALUE) {
            return Mono.error(new IllegalArgumentException("delta out of range: " + delta));
        }
        return increment(id, counter, -delta);
    }

    // ---- statements for batches

    @Override
    public Mono<BoundStatement> saveStatement(T entity, QueryOptions options) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            if (model.counterTable) {
                return Mono.error(counterRefused());
            }
            if (binding.version == null) {
                return bound(options.hasTtl() ? insertTtl : insert, entityValues.insertValues(entity, null, options),
                        options, true);
            }
            Object current = binding.version.property.get(entity);
            if (EntityValues.isNew(current)) {
                return bound(options.hasTtl() ? insertIfNotExistsTtl : insertIfNotExists,
                        entityValues.insertValues(entity, entityValues.versionValue(1), options), options, false);
            }
            Object next = entityValues.versionValue(((Number) current).longValue() + 1);
            Conditions c = Conditions.of(binding, NO_CONDITIONS, binding.version, current);
            return bound(Cql.update(binding, updated, options.hasTtl(), c.cql()),
                    entityValues.updateValues(entity, next, c, options), options, false);
        });
    }

    @Override
    public Mono<BoundStatement> deleteStatement(T entity, QueryOptions options) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            BoundColumn version = binding.version;
            Conditions c = version == null ? Conditions.NONE
                    : Conditions.of(binding, NO_CONDITIONS, version, version.property.get(entity));
            return bound(Cql.delete(binding, c.cql()), entityValues.keyValuesOf(entity, c.values()), options,
                    c == Conditions.NONE);
        });
    }

    @Override
    public Mono<BoundStatement> incrementStatement(ID id, String counter, long delta, QueryOptions options) {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> {
            BoundColumn column = binding.requireColumn(counter);
            String cql = increments.get(column.property.column);
            if (cql == null) {
                return Mono.error(new IllegalArgumentException(model.entityName() + "." + column.property.javaName
                        + " is not a @Counter"));
            }
            if (options.hasTtl()) {
                return Mono.error(new IllegalArgumentException("counters cannot have a TTL"));
            }
            Object[] key = entityValues.keyValues(id);
            Object[] values = new Object[key.length + 1];
            values[0] = delta;
            System.arraycopy(key, 0, values, 1, key.length);
            return bound(cql, values, options, false);
        });
    }

    @Override
    public Query<T> query() {
        return new DefaultQuery<>(this);
    }

    @Override
    public String toString() {
        return "ReactiveRepository[" + model.type.getName() + " -> " + binding.qualifiedTable + "]";
    }
}
