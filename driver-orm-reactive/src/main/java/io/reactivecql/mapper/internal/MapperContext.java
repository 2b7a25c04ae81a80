package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.protocol.types.CqlIdentifiers;

/** What the repositories, queries and the schema manager of one mapper share. */
final class MapperContext {

    final ReactiveSession session;
    final SchemaSource schemaSource;
    final ModelFactory models = new ModelFactory();
    final TypeMapper types;
    final StatementCache statements;
    final NullSaving nullSaving;
    final int saveConcurrency;
    /** The default keyspace (internal name), or null. */
    private final String defaultKeyspace;

    MapperContext(ReactiveSession session, SchemaSource schemaSource, String defaultKeyspaceCql, NullSaving nullSaving,
                  int saveConcurrency) {
        this.session = session;
        this.schemaSource = schemaSource;
        this.types = new TypeMapper(session.codecRegistry(), models::udt);
        this.statements = new StatementCache(session);
        this.nullSaving = nullSaving;
        this.saveConcurrency = saveConcurrency;
        String fromSession = session.keyspace().orElse(null);
        this.defaultKeyspace = defaultKeyspaceCql != null ? CqlIdentifiers.fromCql(defaultKeyspaceCql)
                : fromSession == null ? null : CqlIdentifiers.fromCql(fromSession);
    }

    /** The keyspace (internal name) of an entity: its {@code @Table}'s, else the default. */
    String keyspaceOf(EntityModel<?> model) {
        if (model.keyspaceCql != null) {
            return CqlIdentifiers.fromCql(model.keyspaceCql);
        }
        if (defaultKeyspace == null) {
            throw new MappingException("no keyspace: name one in @Table(keyspace = ...), or give the mapper a default "
                    + "(ReactiveMapper.builder(session).withDefaultKeyspace(...)) or the session one",
                    model.entityName(), null, null, null);
        }
        return defaultKeyspace;
    }
}
