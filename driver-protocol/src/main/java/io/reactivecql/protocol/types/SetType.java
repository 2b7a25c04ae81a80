package io.reactivecql.protocol.types;

import java.util.Objects;

/** {@code set<element>}, frozen or not. */
public record SetType(DataType elementType, boolean frozen) implements DataType {

    public SetType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public int protocolCode() {
        return 0x0022;
    }

    @Override
    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public String asCql() {
        String cql = "set<" + elementType.asCql() + ">";
        return frozen ? "frozen<" + cql + ">" : cql;
    }
}
