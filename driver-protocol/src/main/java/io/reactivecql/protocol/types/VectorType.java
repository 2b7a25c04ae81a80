package io.reactivecql.protocol.types;

import java.util.Objects;

/**
 * {@code vector<element, dimension>}. On the wire it is a custom type whose class name is
 * {@code org.apache.cassandra.db.marshal.VectorType(<element class>,<dimension>)}.
 */
public record VectorType(DataType elementType, int dimension) implements DataType {

    public static final String MARSHAL_CLASS = "org.apache.cassandra.db.marshal.VectorType";

    public VectorType {
        Objects.requireNonNull(elementType, "elementType");
        if (dimension <= 0) {
            throw new IllegalArgumentException("vector dimension must be positive, was " + dimension);
        }
    }

    @Override
    public int protocolCode() {
        return 0x0000;
    }

    @Override
    public boolean isFrozen() {
        return true;
    }

    @Override
    public String asCql() {
        return "vector<" + elementType.asCql() + ", " + dimension + ">";
    }
}
