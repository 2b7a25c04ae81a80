package io.reactivecql.mapper.internal;

import io.reactivecql.protocol.types.CqlIdentifiers;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Type;

/**
 * One mapped field of an entity or UDT class: its column and role, and the method handles that
 * read and write it (computed once; no reflection afterwards).
 */
final class PropertyModel {

    final String javaName;
    /** Internal (case-sensitive) column or UDT field name. */
    final String column;
    /** The column as CQL writes it (quoted when needed). */
    final String cql;
    final Type javaType;
    final Class<?> rawType;
    final PropertyKind kind;
    final int position;
    final boolean descending;
    final boolean counter;
    final boolean version;
    /** The CQL type from {@code @Column(cqlType)}, or null. */
    final String declaredCqlType;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** Index among the record's components, -1 for beans. */
    final int componentIndex;

    PropertyModel(String javaName, String column, Type javaType, Class<?> rawType, PropertyKind kind, int position,
                  boolean descending, boolean counter, boolean version, String declaredCqlType, MethodHandle getter,
                  MethodHandle setter, int componentIndex) {
        this.javaName = javaName;
        this.column = column;
        this.cql = CqlIdentifiers.quoteIfNeeded(column);
        this.javaType = javaType;
        this.rawType = rawType;
        this.kind = kind;
        this.position = position;
        this.descending = descending;
        this.counter = counter;
        this.version = version;
        this.declaredCqlType = declaredCqlType;
        this.getter = getter;
        this.setter = setter;
        this.componentIndex = componentIndex;
    }

    /** The field's value in {@code entity} (boxed). */
    Object get(Object entity) {
        try {
            return (Object) getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read field " + javaName, t);
        }
    }

    /** Sets the field of a bean (null is ignored for primitive fields). */
    void set(Object entity, Object value) {
        if (value == null && rawType.isPrimitive()) {
            return;
        }
        try {
            setter.invokeExact(entity, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot write field " + javaName, t);
        }
    }

    boolean isKey() {
        return kind.isKey();
    }

    @Override
    public String toString() {
        return javaName + "->" + column;
    }
}
