package io.reactivecql.mapper.api;

import java.util.List;

/**
 * What {@link SchemaManager#syncTable} did.
 *
 * @param keyspace   the keyspace (internal name)
 * @param table      the table (internal name)
 * @param statements the DDL statements executed, in order; empty when the schema already fit
 */
public record SyncResult(String keyspace, String table, List<String> statements) {

    public SyncResult {
        statements = List.copyOf(statements);
    }

    /** Whether anything was created or added. */
    public boolean changed() {
        return !statements.isEmpty();
    }
}
