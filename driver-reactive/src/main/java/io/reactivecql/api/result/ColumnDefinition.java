package io.reactivecql.api.result;

import io.reactivecql.protocol.types.DataType;

import java.util.Objects;

/**
 * A result column or a bind marker.
 *
 * @param keyspace the keyspace of the column's table
 * @param table    the table
 * @param name     the column name (internal, case-sensitive form), alias or bind marker name
 * @param type     its CQL type
 */
public record ColumnDefinition(String keyspace, String table, String name, DataType type) {

    public ColumnDefinition {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
