package io.reactivecql.protocol.types;

import java.util.Objects;

/** {@code list<element>}, frozen or not. */
public record ListType(DataType elementType, boolean frozen) implements DataType {

    public ListType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public int protocolCode() {
        return 0x0020;
    }

    @Override
    public boolean isFrozen() {
        return frozen;
    }

    @Override
    public String asCql() {
        String cql = "list<" + elementType.asCql() + ">";
        return frozen ? "frozen<" + cql + ">" : cql;
    }
}
