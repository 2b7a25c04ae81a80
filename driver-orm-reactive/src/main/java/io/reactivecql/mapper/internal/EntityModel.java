package io.reactivecql.mapper.internal;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The mapping of one class, computed once by {@link ModelFactory}: an entity ({@code @Table}) or a
 * UDT ({@code @Udt}). Properties are in key order: partition key, clustering columns, then the
 * others in declaration order. Builds instances from property values without reflection.
 */
final class EntityModel<T> {

    final Class<T> type;
    final boolean udt;
    /** The keyspace as {@code @Table} gives it (CQL form), or null for the mapper's default. */
    final String keyspaceCql;
    /** Internal name of the table or type. */
    final String name;
    final List<PropertyModel> properties;
    final List<PropertyModel> partitionKey;
    final List<PropertyModel> clustering;
    final List<PropertyModel> primaryKey;
    final List<PropertyModel> nonKey;
    final PropertyModel version;
    final boolean counterTable;
    /** Record: canonical constructor taking an {@code Object[]}; bean: no-arg constructor. */
    private final MethodHandle constructor;
    private final boolean record;
    /** Record only: default value of each component (for primitives and transient components). */
    private final Object[] componentDefaults;
    /** Record only: a getter of every component, mapped or not, as {@code (Object)Object}. */
    private final MethodHandle[] componentGetters;

    EntityModel(Class<T> type, boolean udt, String keyspaceCql, String name, List<PropertyModel> properties,
                MethodHandle constructor, boolean record, Object[] componentDefaults,
                MethodHandle[] componentGetters) {
        this.type = type;
        this.udt = udt;
        this.keyspaceCql = keyspaceCql;
        this.name = name;
        this.properties = List.copyOf(properties);
        this.partitionKey = this.properties.stream().filter(p -> p.kind == PropertyKind.PARTITION_KEY).toList();
        this.clustering = this.properties.stream().filter(p -> p.kind == PropertyKind.CLUSTERING).toList();
        this.primaryKey = this.properties.stream().filter(PropertyModel::isKey).toList();
        this.nonKey = this.properties.stream().filter(p -> !p.isKey()).toList();
        this.version = this.properties.stream().filter(p -> p.version).findFirst().orElse(null);
        this.counterTable = this.properties.stream().anyMatch(p -> p.counter);
        this.constructor = constructor;
        this.record = record;
        this.componentDefaults = componentDefaults;
        this.componentGetters = componentGetters;
    }

    /** The class name used in error messages. */
    String entityName() {
        return type.getSimpleName();
    }

    /** The property of this Java field name or column name (CQL rules for the latter), or null. */
    PropertyModel property(String name) {
        for (PropertyModel p : properties) {
            if (p.javaName.equals(name)) {
                return p;
            }
        }
        String internal = io.reactivecql.protocol.types.CqlIdentifiers.fromCql(name);
        for (PropertyModel p : properties) {
            if (p.column.equals(internal)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A new instance whose properties take {@code values} (one per property, in property order;
     * null leaves a bean field alone and gives a record component its default).
     */
    @SuppressWarnings("unchecked")
    T instantiate(Object[] values) {
        try {
            if (record) {
                Object[] args = componentDefaults.clone();
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (v != null) {
                        args[properties.get(i).componentIndex] = v;
                    }
                }
                return (T) (Object) constructor.invokeExact(args);
            }
            T instance = (T) (Object) constructor.invokeExact();
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v != null) {
                    properties.get(i).set(instance, v);
                }
            }
            return instance;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create an instance of " + type.getName(), t);
        }
    }

    /** Every property value of {@code entity}, in property order. */
    Object[] values(T entity) {
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = properties.get(i).get(entity);
        }
        return values;
    }

    /**
     * {@code entity} with {@code property} set to {@code value}: a bean is changed in place, a
     * record is copied.
     */
    T with(T entity, PropertyModel property, Object value) {
        if (!record) {
            property.set(entity, value);
            return entity;
        }
        try {
            // every component, transient ones included, so the copy loses nothing
            Object[] args = new Object[componentGetters.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = (Object) componentGetters[i].invokeExact((Object) entity);
            }
            args[property.componentIndex] = value;
            @SuppressWarnings("unchecked")
            T copy = (T) (Object) constructor.invokeExact(args);
            return copy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot copy " + type.getName(), t);
        }
    }
}
