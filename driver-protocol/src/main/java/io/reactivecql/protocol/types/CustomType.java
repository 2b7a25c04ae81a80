package io.reactivecql.protocol.types;

import java.util.Objects;

/** A custom type, known only by the server-side class name; values are raw bytes. */
public record CustomType(String className) implements DataType {

    public CustomType {
        Objects.requireNonNull(className, "className");
    }

    @Override
    public int protocolCode() {
        return 0x0000;
    }

    @Override
    public String asCql() {
        return "'" + className.replace("'", "''") + "'";
    }
}
