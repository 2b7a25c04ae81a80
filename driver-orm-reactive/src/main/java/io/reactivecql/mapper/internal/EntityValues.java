package io.reactivecql.mapper.internal;

import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.protocol.types.CqlIdentifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bound values of one entity's statements (inserts, updates, keys, ids) and the reading of
 * conditional results (the version and row a failed LWT reports). Stateless beyond its binding.
 */
final class EntityValues<T> {

    private final EntityBinding<T> binding;
    private final EntityModel<T> model;
    private final NullSaving nullSaving;
    /** Columns an UPDATE of the entity sets: every non-key column, the version last. */
    final List<BoundColumn> updated;

    EntityValues(EntityBinding<T> binding, NullSaving nullSaving) {
        this.binding = binding;
        this.model = binding.model;
        this.nullSaving = nullSaving;
        List<BoundColumn> set = new ArrayList<>(binding.nonKey.stream().filter(c -> !c.property.version).toList());
        if (binding.version != null) {
            set.add(binding.version);
        }
        this.updated = List.copyOf(set);
    }

    Object writeValue(BoundColumn c, Object entity) {
        Object v = c.valueOf(entity);
        if (v == null) {
            if (c.property.isKey()) {
                throw new IllegalArgumentException(model.entityName() + ": primary key field " + c.property.javaName
                        + " is null");
            }
            return nullSaving == NullSaving.DO_NOT_SET ? SimpleStatement.UNSET : null;
        }
        return v;
    }

    Object[] insertValues(T entity, Object version, QueryOptions options) {
        int n = binding.columns.size();
        Object[] values = new Object[n + (options.hasTtl() ? 1 : 0)];
        for (int i = 0; i < n; i++) {
            BoundColumn c = binding.columns.get(i);
            values[i] = c == binding.version && version != null ? c.toDriver(version) : writeValue(c, entity);
        }
        if (options.hasTtl()) {
            values[n] = options.ttlSeconds();
        }
        return values;
    }

    Object[] updateValues(T entity, Object newVersion, Conditions conditions, QueryOptions options) {
        List<Object> values = new ArrayList<>(updated.size() + binding.primaryKey.size() + 4);
        if (options.hasTtl()) {
            values.add(options.ttlSeconds());
        }
        for (BoundColumn c : updated) {
            values.add(c == binding.version ? c.toDriver(newVersion) : writeValue(c, entity));
        }
        for (BoundColumn c : binding.primaryKey) {
            values.add(writeValue(c, entity));
        }
        values.addAll(conditions.values());
        return values.toArray();
    }

    Object[] keyValuesOf(T entity, List<Object> extra) {
        Object[] values = new Object[binding.primaryKey.size() + extra.size()];
        for (int i = 0; i < binding.primaryKey.size(); i++) {
            values[i] = writeValue(binding.primaryKey.get(i), entity);
        }
        for (int i = 0; i < extra.size(); i++) {
            values[binding.primaryKey.size() + i] = extra.get(i);
        }
        return values;
    }

    /** The bound values of an id's primary key columns (the single key value, or a {@link Key}). */
    Object[] keyValues(Object id) {
        if (id == null) {
            throw new IllegalArgumentException(model.entityName() + ": the id is null");
        }
        List<BoundColumn> pk = binding.primaryKey;
        List<Object> raw;
        if (id instanceof Key key) {
            raw = key.values();
        } else if (pk.size() == 1) {
            raw = List.of(id);
        } else {
            throw new IllegalArgumentException(model.entityName() + " has a compound primary key "
                    + pk.stream().map(c -> c.property.javaName).toList() + ": pass a Key of its values, not a "
                    + id.getClass().getName());
        }
        if (raw.size() != pk.size()) {
            throw new IllegalArgumentException(model.entityName() + ": the key has " + raw.size()
                    + " values but the primary key " + pk.stream().map(c -> c.property.javaName).toList() + " has "
                    + pk.size());
        }
        Object[] values = new Object[raw.size()];
        for (int i = 0; i < values.length; i++) {
            BoundColumn c = pk.get(i);
            Object v = raw.get(i);
            Class<?> expected = TypeMapper.boxed(c.property.rawType);
            if (!expected.isInstance(v)) {
                throw new IllegalArgumentException(model.entityName() + ": key field " + c.property.javaName
                        + " is a " + expected.getSimpleName() + ", not a " + v.getClass().getName());
            }
            values[i] = c.toDriver(v);
        }
        return values;
    }

    static boolean isNew(Object version) {
        return version == null || ((Number) version).longValue() == 0;
    }

    Object versionValue(long n) {
        Class<?> type = TypeMapper.boxed(binding.version.property.rawType);
        return type == Integer.class ? (Object) (int) n : (Object) n;
    }

    Object actualVersion(ResultPage page) {
        Row row = page.one();
        if (row == null) {
            return null;
        }
        int index = row.columnDefinitions().firstIndexOf(CqlIdentifiers.quote(binding.version.property.column));
        return index < 0 ? null : binding.version.read(row, index);
    }

    static boolean sameVersion(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return ((Number) a).longValue() == ((Number) b).longValue();
    }

    Optional<T> existing(ResultPage page) {
        Row row = page.one();
        return row == null ? Optional.empty() : binding.readByName(row);
    }
}
