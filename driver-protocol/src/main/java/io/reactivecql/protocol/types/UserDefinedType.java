package io.reactivecql.protocol.types;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined type. Field names are kept as the server sends them (internal, case-sensitive
 * form). A type parsed from a CQL string knows only its name: {@link #isResolved()} is false until
 * the schema supplies its fields.
 */
public record UserDefinedType(String keyspace, String name, List<String> fieldNames, List<DataType> fieldTypes,
                              boolean frozen) implements DataType {

    public UserDefinedType {
        Objects.requireNonNull(name, "name");
        fieldNames = List.copyOf(fieldNames);
        fieldTypes = List.copyOf(fieldTypes);
        if (fieldNames.size() != fieldTypes.size()) {
            throw new IllegalArgumentException("UDT " + name + " has " + fieldNames.size() + " field names but "
                    + fieldTypes.size() + " field types");
        }
    }

    /** A reference by name only, as in a CQL type string; fields unknown. */
    public static UserDefinedType shallow(String keyspace, String name, boolean frozen) {
        return new UserDefinedType(keyspace, name, List.of(), List.of(), frozen);
    }

    public boolean isResolved() {
        return !fieldNames.isEmpty();
    }

    @Override
    public int protocolCode() {
        return 0x0030;
    }

    @Override
    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public String asCql() {
        // a UDT named like a native type must be quoted, or it would read back as that type
        String cql = DataTypeCqlParser.isNativeTypeName(name) ? CqlIdentifiers.quote(name)
                : CqlIdentifiers.quoteIfNeeded(name);
        return frozen ? "frozen<" + cql + ">" : cql;
    }
}
