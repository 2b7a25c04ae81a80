package io.reactivecql.mapper.api;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.internal.DefaultReactiveMapper;
import io.reactivecql.protocol.request.BatchType;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The entry point of the object mapper: maps annotated classes ({@link Table}) to tables and gives
 * reactive repositories over them. One per session; thread-safe.
 *
 * <pre>{@code
 * ReactiveMapper mapper = ReactiveMapper.create(session);
 * mapper.schema().syncTable(Product.class)
 *     .then(mapper.<Product, UUID>repository(Product.class))
 *     .flatMap(products -> products.save(new Product(id, "pen", price)));
 *
 * interface ProductRepository extends ReactiveRepository<Product, UUID> {
 *     Flux<Product> findByCategory(String category);
 * }
 * Mono<ProductRepository> repo = mapper.implement(ProductRepository.class);
 * }</pre>
 *
 * Mapping metadata is computed once per class. Repositories are validated against the live schema
 * when they are created: a missing column, an incompatible type or a derived query Cassandra cannot
 * serve fails the {@code Mono} with a {@link MappingException} naming the entity, field, column or
 * method.
 */
public interface ReactiveMapper {

    /** A builder of a mapper over {@code session}. */
    static Builder builder(ReactiveSession session) {
        return new Builder(session);
    }

    /** A mapper over {@code session} with the default settings. */
    static ReactiveMapper create(ReactiveSession session) {
        return builder(session).build();
    }

    /**
     * A repository of {@code entityClass}, validated against the live schema. The id type is not
     * checked here (it is when ids are used); use {@link #repository(Class, Class)} to check it now.
     */
    <T, ID> Mono<ReactiveRepository<T, ID>> repository(Class<T> entityClass);

    /** A repository of {@code entityClass}, its id type checked against the primary key. */
    <T, ID> Mono<ReactiveRepository<T, ID>> repository(Class<T> entityClass, Class<ID> idClass);

    /**
     * An implementation of a repository interface that extends {@link ReactiveRepository}: its
     * derived query methods ({@code findByCountryAndCity}, {@code findTop10ByUserIdOrderByTsDesc},
     * {@code countBy...}, {@code existsBy...}, {@code deleteBy...}) are parsed and checked against
     * the live schema now; default methods run as written. (Named apart from {@code repository}
     * because both would erase to {@code repository(Class)}.)
     */
    <R extends ReactiveRepository<?, ?>> Mono<R> implement(Class<R> repositoryInterface);

    /** An empty batch of entity writes. */
    EntityBatch batch(BatchType type);

    /** Schema management: keyspaces, tables and UDTs of mapped classes. */
    SchemaManager schema();

    /** The session. */
    ReactiveSession session();

    /** Releases the mapper's schema source when it owns it (the session stays open). Idempotent. */
    Mono<Void> close();

    /** Settings of a {@link ReactiveMapper}. */
    final class Builder {

        private final ReactiveSession session;
        private String defaultKeyspace;
        private SchemaSource schemaSource;
        private int saveConcurrency = 32;
        private NullSaving nullSaving = NullSaving.DO_NOT_SET;

        private Builder(ReactiveSession session) {
            this.session = Objects.requireNonNull(session, "session");
        }

        /** The keyspace of entities whose {@link Table} names none (CQL name); default: the session's. */
        public Builder withDefaultKeyspace(String keyspace) {
            this.defaultKeyspace = Objects.requireNonNull(keyspace, "keyspace");
            return this;
        }

        /**
         * Where schema metadata comes from; default: {@link SchemaSource#forSession}. A source given
         * here is not closed by the mapper.
         */
        public Builder withSchemaSource(SchemaSource source) {
            this.schemaSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * How many saves of {@link ReactiveRepository#saveAll(org.reactivestreams.Publisher)} (and
         * lookups of {@code findAllById}) run at once (default 32).
         */
        public Builder withSaveConcurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("save concurrency must be >= 1, was " + concurrency);
            }
            this.saveConcurrency = concurrency;
            return this;
        }

        /** What writes do with null fields (default {@link NullSaving#DO_NOT_SET}). */
        public Builder withNullSaving(NullSaving strategy) {
            this.nullSaving = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** The mapper. */
        public ReactiveMapper build() {
            return new DefaultReactiveMapper(session, defaultKeyspace, schemaSource, saveConcurrency, nullSaving);
        }
    }
}
