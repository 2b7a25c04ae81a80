package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;

import java.util.List;
import java.util.Objects;

/**
 * {@code vector<element, n>} ↔ {@link CqlVector}, as Cassandra 5.0 serializes it (section 5.25 of
 * the v5 spec): when the element type has a fixed size ({@link DataType#fixedSize()}) the n
 * elements are written back to back; otherwise each is preceded by its length as an unsigned vint
 * (not an [int], whatever the spec's wording suggests). The dimension is not written. Elements
 * are never null; an empty value decodes to null.
 *
 * <p>For {@code vector<float, n>}, {@link #decodeFloats} and {@link #encodeFloats} work on a
 * {@code float[]} without boxing.
 *
 * @param <E> the Java type of the elements
 */
public final class VectorCodec<E> implements TypeCodec<CqlVector<E>> {

    private final VectorType cqlType;
    private final TypeCodec<E> elementCodec;
    private final int dimension;
    /** The size of each element when fixed, else -1. */
    private final int elementSize;

    /**
     * A codec for {@code cqlType} whose elements use {@code elementCodec}.
     *
     * @throws IllegalArgumentException when the element codec serves another type (frozen flags aside)
     */
    public VectorCodec(VectorType cqlType, TypeCodec<E> elementCodec) {
        this.cqlType = Objects.requireNonNull(cqlType, "cqlType");
        this.elementCodec = TypeShapes.checkCodec(cqlType.elementType(), elementCodec, cqlType);
        this.dimension = cqlType.dimension();
        this.elementSize = cqlType.elementType().fixedSize();
    }

    @Override
    public DataType cqlType() {
        return cqlType;
    }

    @Override
    public Class<?> javaType() {
        return CqlVector.class;
    }

    public TypeCodec<E> elementCodec() {
        return elementCodec;
    }

    @Override
    public List<TypeCodec<?>> componentCodecs() {
        return List.of(elementCodec);
    }

    @Override
    public int encodedSize(CqlVector<E> value) {
        checkDimension(value.size());
        if (elementSize >= 0) {
            return elementSize * dimension;
        }
        int size = 0;
        for (int i = 0; i < dimension; i++) {
            int element = elementCodec.encodedSize(value.get(i));
            size += Primitives.unsignedVIntSize(element) + element;
        }
        return size;
    }

    @Override
    public void encodeBody(CqlVector<E> value, ByteBuf out) {
        checkDimension(value.size());
        for (int i = 0; i < dimension; i++) {
            E element = value.get(i);
            int size = elementSize;
            if (size < 0) {
                size = elementCodec.encodedSize(element);
                Primitives.writeUnsignedVInt(size, out);
            }
            int start = out.writerIndex();
            elementCodec.encodeBody(element, out);
            if (out.writerIndex() - start != size) {
                // the layout depends on the size being right: fail rather than send garbage
                throw new IllegalStateException(elementCodec + " wrote " + (out.writerIndex() - start)
                        + " bytes for an element of " + cqlType.asCql() + ", " + size + " expected");
            }
        }
    }

    @Override
    public CqlVector<E> decode(byte[] array, int offset, int length) {
        if (Wire.isNull(array, offset, length, cqlType) || length == 0) {
            return null;
        }
        Object[] elements;
        if (elementSize >= 0) {
            if (length != (long) elementSize * dimension) {
                throw Wire.malformed(cqlType, "expected " + dimension + " elements of " + elementSize
                        + " bytes but got " + length + " bytes");
            }
            elements = new Object[dimension];
            for (int i = 0; i < dimension; i++) {
                elements[i] = notNull(elementCodec.decode(array, offset + i * elementSize, elementSize), i);
            }
        } else {
            // every element takes at least its 1-byte length: check before sizing the array
            if (dimension > length) {
                throw Wire.malformed(cqlType, dimension + " elements cannot fit in " + length + " bytes");
            }
            elements = new Object[dimension];
            int end = offset + length;
            int p = offset;
            for (int i = 0; i < dimension; i++) {
                if (p >= end) {
                    throw Wire.malformed(cqlType, "truncated after " + i + " elements");
                }
                int vintSize = Wire.vintSize(array[p]);
                if (vintSize > end - p) {
                    throw Wire.malformed(cqlType, "truncated length of element " + i);
                }
                long size = Wire.readUnsignedVInt(array, p, vintSize);
                p += vintSize;
                if (size < 0 || size > end - p) { // a 9-byte vint can read as negative
                    throw Wire.malformed(cqlType, "element " + i + " of " + size + " bytes but only " + (end - p)
                            + " remain");
                }
                elements[i] = notNull(elementCodec.decode(array, p, (int) size), i);
                p += (int) size;
            }
            CollectionCodecs.checkEnd(p, end, cqlType);
        }
        return new CqlVector<>(elements);
    }

    /**
     * Decodes a {@code vector<float, n>} into a float array without boxing; NULL and empty give null.
     *
     * @throws IllegalStateException when the element type is not float
     */
    public float[] decodeFloats(byte[] array, int offset, int length) {
        checkFloat();
        if (Wire.isNull(array, offset, length, cqlType) || length == 0) {
            return null;
        }
        if (length != 4L * dimension) {
            throw Wire.malformed(cqlType, "expected " + (4L * dimension) + " bytes but got " + length);
        }
        float[] values = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            values[i] = Float.intBitsToFloat(Wire.getInt(array, offset + 4 * i));
        }
        return values;
    }

    /**
     * Writes a {@code vector<float, n>} from a float array as a [bytes]; null is NULL.
     *
     * @throws IllegalStateException when the element type is not float
     * @throws InvalidValueException when the array's length is not the dimension
     */
    public void encodeFloats(float[] values, ByteBuf out) {
        checkFloat();
        if (values == null) {
            out.writeInt(Primitives.NULL_VALUE);
            return;
        }
        checkDimension(values.length);
        out.writeInt(4 * dimension);
        for (float v : values) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
    }

    private void checkFloat() {
        if (cqlType.elementType() != PrimitiveType.FLOAT) {
            throw new IllegalStateException("float arrays only fit vector<float, n>, not " + cqlType.asCql());
        }
    }

    private void checkDimension(int size) {
        if (size != dimension) {
            throw new InvalidValueException(cqlType.asCql() + " needs " + dimension + " elements, got " + size);
        }
    }

    private Object notNull(Object element, int i) {
        if (element == null) {
            throw Wire.malformed(cqlType, "element " + i + " decodes to null");
        }
        return element;
    }

    @Override
    public String toString() {
        return "VectorCodec(" + cqlType.asCql() + ")";
    }
}
