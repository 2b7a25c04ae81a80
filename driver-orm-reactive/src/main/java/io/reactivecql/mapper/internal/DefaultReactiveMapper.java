package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.api.EntityBatch;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.SchemaManager;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.protocol.request.BatchType;
import io.reactivecql.schema.api.Metadata;
import reactor.core.publisher.Mono;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@link ReactiveMapper}. Public only because the API's builder constructs it; not part of the
 * API.
 */
public final class DefaultReactiveMapper implements ReactiveMapper {

    private final MapperContext ctx;
    private final boolean ownsSource;
    private final DefaultSchemaManager schema;

    public DefaultReactiveMapper(ReactiveSession session, String defaultKeyspace, SchemaSource source,
                                 int saveConcurrency, NullSaving nullSaving) {
        this.ownsSource = source == null;
        this.ctx = new MapperContext(session, source == null ? SchemaSource.forSession(session) : source,
                defaultKeyspace, nullSaving, saveConcurrency);
        this.schema = new DefaultSchemaManager(ctx);
    }

    @Override
    public <T, ID> Mono<ReactiveRepository<T, ID>> repository(Class<T> entityClass) {
        return create(entityClass, null);
    }

    @Override
    public <T, ID> Mono<ReactiveRepository<T, ID>> repository(Class<T> entityClass, Class<ID> idClass) {
        Objects.requireNonNull(idClass, "idClass");
        return create(entityClass, idClass);
    }

    private <T, ID> Mono<ReactiveRepository<T, ID>> create(Class<T> entityClass, Class<?> idClass) {
        return this.<T, ID, ReactiveRepository<T, ID>>build(entityClass, idClass, r -> r);
    }

    /**
     * Reads the class (on the subscriber's thread), binds it to the schema and finishes the
     * repository with {@code finish} (which may check more, like derived queries). A snapshot may
     * predate DDL run outside the mapper: a mismatch is only reported after a fresh read.
     */
    private <T, ID, R> Mono<R> build(Class<T> entityClass, Class<?> idClass,
                                     Function<DefaultReactiveRepository<T, ID>, R> finish) {
        Objects.requireNonNull(entityClass, "entityClass");
        if (entityClass.isInterface() && ReactiveRepository.class.isAssignableFrom(entityClass)) {
            return Mono.error(new MappingException("a repository interface is implemented by mapper.implement("
                    + entityClass.getSimpleName() + ".class); repository(...) takes an entity class", null, null,
                    null, entityClass.getSimpleName()));
        }
        return Mono.fromCallable(() -> ctx.models.entity(entityClass)).flatMap(model -> {
            if (idClass != null) {
                checkId(model, idClass);
            }
            String ks = ctx.keyspaceOf(model);
            Function<Metadata, R> make = metadata -> finish.apply(
                    new DefaultReactiveRepository<>(ctx, EntityBinding.bind(model, ks, metadata, ctx.types)));
            return ctx.schemaSource.metadata(ks).map(make)
                    .onErrorResume(MappingException.class, stale -> ctx.schemaSource.refresh(ks).map(make));
        });
    }

    private static void checkId(EntityModel<?> model, Class<?> idClass) {
        if (idClass == Key.class || idClass == Object.class) {
            return;
        }
        if (model.primaryKey.size() > 1) {
            throw new MappingException("the primary key has " + model.primaryKey.size() + " columns "
                    + model.primaryKey.stream().map(p -> p.javaName).toList() + ": its id type is Key, not "
                    + idClass.getSimpleName(), model.entityName(), null, null, null);
        }
        PropertyModel key = model.primaryKey.get(0);
        if (TypeMapper.boxed(key.rawType) != TypeMapper.boxed(idClass)) {
            throw new MappingException("the id type " + idClass.getSimpleName() + " is not the type of the key field ("
                    + key.rawType.getSimpleName() + ")", model.entityName(), key.javaName, key.column, null);
        }
    }

    @Override
    public <R extends ReactiveRepository<?, ?>> Mono<R> implement(Class<R> repositoryInterface) {
        Objects.requireNonNull(repositoryInterface, "repositoryInterface");
        return Mono.defer(() -> {
            Type[] arguments = RepositoryProxy.typeArguments(repositoryInterface);
            Class<?> entity = (Class<?>) arguments[0];
            Class<?> id = arguments[1] instanceof Class<?> c ? c : null;
            return build(entity, id, repository -> RepositoryProxy.create(repositoryInterface, repository));
        });
    }

    @Override
    public EntityBatch batch(BatchType type) {
        return new DefaultEntityBatch(ctx.session, type);
    }

    @Override
    public SchemaManager schema() {
        return schema;
    }

    @Override
    public ReactiveSession session() {
        return ctx.session;
    }

    @Override
    public Mono<Void> close() {
        return ownsSource ? ctx.schemaSource.close() : Mono.empty();
    }
}
