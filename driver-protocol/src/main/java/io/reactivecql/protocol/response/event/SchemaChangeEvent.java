package io.reactivecql.protocol.response.event;

import java.util.Objects;

/**
 * A SCHEMA_CHANGE event: a keyspace, table, type, function or aggregate was created, updated or
 * dropped (by this or another client).
 *
 * @param change what changed
 */
public record SchemaChangeEvent(SchemaChange change) implements Event {

    public SchemaChangeEvent {
        Objects.requireNonNull(change, "change");
    }

    @Override
    public EventType type() {
        return EventType.SCHEMA_CHANGE;
    }
}
