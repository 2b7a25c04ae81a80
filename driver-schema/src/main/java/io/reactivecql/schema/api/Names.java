package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.CqlIdentifiers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Lookups by a CQL-form name, and immutable copies. */
final class Names {

    private Names() {
    }

    /** The element named {@code cqlName} under CQL rules: unquoted is lower-cased, quoted is exact. */
    static <V> Optional<V> lookup(Map<String, V> byInternalName, String cqlName) {
        return Optional.ofNullable(byInternalName.get(CqlIdentifiers.fromCql(cqlName)));
    }

    /** An unmodifiable copy sorted by key (a stable order for describe and equality-friendly). */
    static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** An unmodifiable copy keeping the given order. */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The CQL form of an internal name. */
    static String cql(String internal) {
        return CqlIdentifiers.quoteIfNeeded(internal);
    }
}
