package io.reactivecql.schema.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the schema. A refresh never changes a snapshot: it builds a new one,
 * sharing the keyspaces that did not change.
 *
 * @param keyspaces keyspaces by internal name (virtual keyspaces included)
 */
public record Metadata(Map<String, KeyspaceMetadata> keyspaces) {

    /** The snapshot with no keyspace (before the first load, or with schema metadata off). */
    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        keyspaces = Names.sorted(Objects.requireNonNull(keyspaces, "keyspaces"));
    }

    /** The keyspace named {@code cqlName} (CQL identifier rules). */
    public Optional<KeyspaceMetadata> keyspace(String cqlName) {
        return Names.lookup(keyspaces, cqlName);
    }

    /** A snapshot with {@code keyspace} added or replaced. */
    public Metadata with(KeyspaceMetadata keyspace) {
        Map<String, KeyspaceMetadata> copy = new java.util.TreeMap<>(keyspaces);
        copy.put(keyspace.name(), keyspace);
        return new Metadata(copy);
    }

    /** A snapshot without the keyspace of this internal name. */
    public Metadata without(String keyspaceName) {
        if (!keyspaces.containsKey(keyspaceName)) {
            return this;
        }
        Map<String, KeyspaceMetadata> copy = new java.util.TreeMap<>(keyspaces);
        copy.remove(keyspaceName);
        return new Metadata(copy);
    }
}
