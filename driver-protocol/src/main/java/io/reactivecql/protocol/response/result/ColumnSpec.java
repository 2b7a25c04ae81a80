package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.types.DataType;

import java.util.Objects;

/**
 * One {@code <col_spec_i>} of result or prepared metadata: a result column, or a bind marker of a
 * prepared statement.
 *
 * @param keyspace the keyspace of the column's table
 * @param table    the table
 * @param name     the column name, selection alias or bind marker name
 * @param type     the column's (or bind marker's) type
 */
public record ColumnSpec(String keyspace, String table, String name, DataType type) {

    public ColumnSpec {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Whether this column belongs to the same keyspace and table as {@code other}. */
    public boolean sameTableAs(ColumnSpec other) {
        return keyspace.equals(other.keyspace) && table.equals(other.table);
    }
}
