package io.reactivecql.schema.api;

import io.reactivecql.protocol.types.CqlIdentifiers;

import java.util.List;
import java.util.Objects;

/**
 * What identifies a function or aggregate in its keyspace: its name and argument types.
 *
 * @param name          internal (case-sensitive) name
 * @param argumentTypes CQL argument types, normalized as {@link io.reactivecql.protocol.types.DataType#asCql()}
 *                      writes them
 */
public record FunctionSignature(String name, List<String> argumentTypes) {

    public FunctionSignature {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
    }

    /** {@code name(type1, type2)} with the name quoted as needed. */
    @Override
    public String toString() {
        return CqlIdentifiers.quoteIfNeeded(name) + "(" + String.join(", ", argumentTypes) + ")";
    }
}
