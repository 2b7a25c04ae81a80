package io.reactivecql.protocol.types;

import java.util.List;
import java.util.Objects;

/**
 * Type comparison that ignores frozenness. The same column type arrives with different frozen
 * flags depending on its source: result metadata ([option]) never says whether a collection is
 * frozen, a schema type string does. Frozenness never changes how a value is serialized, so
 * codecs and values compare types by shape.
 */
final class TypeShapes {

    private TypeShapes() {
    }

    /**
     * Whether {@code a} and {@code b} serialize the same way: equal but for frozen flags, and a UDT
     * known only by name (keyspace possibly unknown) matching the resolved type of that name.
     */
    static boolean sameShape(DataType a, DataType b) {
        if (a == b) {
            return true;
        }
        if (a instanceof ListType la && b instanceof ListType lb) {
            return sameShape(la.elementType(), lb.elementType());
        }
        if (a instanceof SetType sa && b instanceof SetType sb) {
            return sameShape(sa.elementType(), sb.elementType());
        }
        if (a instanceof MapType ma && b instanceof MapType mb) {
            return sameShape(ma.keyType(), mb.keyType()) && sameShape(ma.valueType(), mb.valueType());
        }
        if (a instanceof TupleType ta && b instanceof TupleType tb) {
            return sameShapes(ta.componentTypes(), tb.componentTypes());
        }
        if (a instanceof VectorType va && b instanceof VectorType vb) {
            return va.dimension() == vb.dimension() && sameShape(va.elementType(), vb.elementType());
        }
        if (a instanceof UserDefinedType ua && b instanceof UserDefinedType ub) {
            if (!ua.name().equals(ub.name())
                    || (ua.keyspace() != null && ub.keyspace() != null && !ua.keyspace().equals(ub.keyspace()))) {
                return false;
            }
            return !ua.isResolved() || !ub.isResolved()
                    || (ua.fieldNames().equals(ub.fieldNames()) && sameShapes(ua.fieldTypes(), ub.fieldTypes()));
        }
        return a.equals(b);
    }

    private static boolean sameShapes(List<DataType> a, List<DataType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameShape(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Checks that {@code codec} serializes {@code expected}, a part of {@code parent}. */
    static <T> TypeCodec<T> checkCodec(DataType expected, TypeCodec<T> codec, DataType parent) {
        Objects.requireNonNull(codec, "codec");
        if (!sameShape(expected, codec.cqlType())) {
            throw new IllegalArgumentException("a codec for " + codec.cqlType().asCql() + " cannot serve "
                    + expected.asCql() + " in " + parent.asCql());
        }
        return codec;
    }
}
