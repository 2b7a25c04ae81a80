package io.reactivecql.mapper.internal;

import io.reactivecql.api.result.Row;
import io.reactivecql.schema.api.ColumnMetadata;

/** A property checked against its live column: how to read it from a row and what to bind for it. */
final class BoundColumn {

    final PropertyModel property;
    final ColumnMetadata column;
    final Converter converter;
    /** A user codec's Java class to read the column with, or null for the column's default codec. */
    private final Class<?> codecClass;

    BoundColumn(PropertyModel property, ColumnMetadata column, Converter converter, Class<?> codecClass) {
        this.property = property;
        this.column = column;
        this.converter = converter;
        this.codecClass = codecClass;
    }

    /** The field value of column {@code index} of {@code row}. */
    Object read(Row row, int index) {
        if (codecClass != null) {
            return row.get(index, codecClass);
        }
        return converter.fromDriver(row.getObject(index));
    }

    /** The value to bind for a field value. */
    Object toDriver(Object javaValue) {
        return converter.toDriver(javaValue);
    }

    /** The value to bind for the field of {@code entity}. */
    Object valueOf(Object entity) {
        return converter.toDriver(property.get(entity));
    }

    String cql() {
        return property.cql;
    }

    @Override
    public String toString() {
        return property.toString();
    }
}
