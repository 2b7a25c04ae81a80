package io.reactivecql.protocol.types;

import java.util.Objects;

/** {@code map<key, value>}, frozen or not. */
public record MapType(DataType keyType, DataType valueType, boolean frozen) implements DataType {

    public MapType {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
    }

    @Override
    public int protocolCode() {
        return 0x0021;
    }

    @Override
    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public String asCql() {
        String cql = "map<" + keyType.asCql() + ", " + valueType.asCql() + ">";
        return frozen ? "frozen<" + cql + ">" : cql;
    }
}
