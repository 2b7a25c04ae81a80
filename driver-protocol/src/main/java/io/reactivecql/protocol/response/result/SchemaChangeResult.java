package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.response.event.SchemaChange;

import java.util.Objects;

/**
 * The Schema_change result (4.2.5.5): the answer to a DDL statement. Its body is the same as a
 * SCHEMA_CHANGE event's; creating or dropping an index is reported as an update of its table.
 *
 * @param change what the statement changed
 */
public record SchemaChangeResult(SchemaChange change) implements Result {

    public SchemaChangeResult {
        Objects.requireNonNull(change, "change");
    }

    @Override
    public ResultKind kind() {
        return ResultKind.SCHEMA_CHANGE;
    }
}
