package io.reactivecql.protocol.types;

/**
 * A CQL type as the protocol describes it ([option] in result metadata) and as CQL spells it.
 * Implementations are immutable values with structural equality.
 */
public sealed interface DataType
        permits PrimitiveType, ListType, SetType, MapType, TupleType, UserDefinedType, VectorType, CustomType {

    /** The [option] id of this type in result metadata. */
    int protocolCode();

    /** The type as written in CQL, e.g. {@code frozen<map<text, list<int>>>}. */
    String asCql();

    /** Whether values of this type are frozen (serialized as a whole); primitives are not. */
    default boolean isFrozen() {
        return false;
    }

    /**
     * The serialized size of every value of this type when it is fixed (Cassandra's
     * {@code valueLengthIfFixed}), else -1. It decides the wire format of vectors: elements of a
     * fixed-size type are written back to back, others each behind an unsigned vint length.
     */
    default int fixedSize() {
        return -1;
    }
}
