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

    /**
     * Fixed when the element type is: the elements' sizes added up (capped at
     * {@code Integer.MAX_VALUE}, which no value can reach, for absurd dimensions).
     */
    @Override
    public int fixedSize() {
        int element = elementType.fixedSize();
        return element < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (long) element * dimension);
    }

    @Override
    public String asCql() {
        return "vector<" + elementType.asCql() + ", " + dimension + ">";
    }
}
