package io.reactivecql.schema.api;

import java.util.Map;
import java.util.Objects;

/**
 * A secondary index ({@code system_schema.indexes}): a built-in index, or a custom one (SAI, SASI,
 * others) whose {@code class_name} is in the options.
 *
 * @param keyspace keyspace (internal form)
 * @param table    indexed table (internal form)
 * @param name     index name (internal form)
 * @param indexKind {@code COMPOSITES}, {@code KEYS} or {@code CUSTOM}
 * @param options  the index options, {@code target} (and {@code class_name} for custom ones) included
 */
public record IndexMetadata(String keyspace, String table, String name, String indexKind, Map<String, String> options)
        implements SchemaElement {

    public IndexMetadata {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(indexKind, "indexKind");
        options = Names.sorted(options);
    }

    /** The indexed target as CQL writes it, e.g. {@code v}, {@code keys(m)}, {@code full(l)}. */
    public String target() {
        return options.getOrDefault("target", "");
    }

    /** Whether this is a custom index (SAI, SASI or another class). */
    public boolean isCustom() {
        return "CUSTOM".equals(indexKind);
    }

    /** The custom index class, or null for a built-in index. */
    public String className() {
        return options.get("class_name");
    }

    @Override
    public ElementKind kind() {
        return ElementKind.INDEX;
    }

    @Override
    public String describe() {
        return CqlDescriber.index(this);
    }
}
