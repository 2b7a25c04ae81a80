package io.reactivecql.protocol.types;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A value of a {@code vector<element, n>} type: n non-null elements in order. Immutable. The
 * dimension is checked against the type when the vector is encoded.
 *
 * @param <T> the Java type of the elements
 */
public final class CqlVector<T> implements Iterable<T> {

    private final Object[] elements;

    /** Takes ownership of {@code elements}, which the caller has checked for nulls. */
    CqlVector(Object[] elements) {
        this.elements = elements;
    }

    /**
     * A vector of the given elements.
     *
     * @throws IllegalArgumentException when an element is null
     */
    @SafeVarargs
    public static <T> CqlVector<T> of(T... elements) {
        Object[] copy = new Object[elements.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = elements[i];
        }
        return new CqlVector<>(checkNoNulls(copy));
    }

    /** A vector of the elements of {@code elements}, in iteration order. */
    public static <T> CqlVector<T> from(Collection<? extends T> elements) {
        return new CqlVector<>(checkNoNulls(elements.toArray()));
    }

    /** A vector of floats, the usual embedding type. */
    public static CqlVector<Float> ofFloats(float... values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return new CqlVector<>(boxed);
    }

    private static Object[] checkNoNulls(Object[] elements) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null) {
                throw new IllegalArgumentException("vector element " + i + " is null: vectors cannot hold nulls");
            }
        }
        return elements;
    }

    /** The number of elements. */
    public int size() {
        return elements.length;
    }

    @SuppressWarnings("unchecked")
    public T get(int i) {
        Objects.checkIndex(i, elements.length);
        return (T) elements[i];
    }

    /** The elements as an unmodifiable list. */
    @SuppressWarnings("unchecked")
    public List<T> asList() {
        return (List<T>) Collections.unmodifiableList(Arrays.asList(elements));
    }

    public Stream<T> stream() {
        return asList().stream();
    }

    @Override
    public Iterator<T> iterator() {
        return asList().iterator();
    }

    /**
     * The elements as a float array.
     *
     * @throws ClassCastException when an element is not a {@link Float}
     */
    public float[] toFloatArray() {
        float[] values = new float[elements.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (Float) elements[i];
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CqlVector<?> v && Arrays.equals(elements, v.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    /** The vector as a CQL literal, e.g. {@code [1.0, 2.5, 3.0]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            IndexedValues.appendLiteral(sb, elements[i]);
        }
        return sb.append(']').toString();
    }
}
