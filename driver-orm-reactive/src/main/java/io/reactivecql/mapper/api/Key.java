package io.reactivecql.mapper.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The primary key of an entity whose key has several columns: the values of its partition key
 * columns then of its clustering columns, in key order. Entities with a single-column key use that
 * column's Java type as their id instead. Immutable.
 *
 * <pre>{@code
 * ReactiveRepository<Reading, Key> readings = ...;
 * readings.findById(Key.of(sensorId, day, timestamp));
 * }</pre>
 */
public final class Key {

    private final List<Object> values;

    private Key(List<Object> values) {
        this.values = values;
    }

    /** A key of these values, in primary key order (none may be null). */
    public static Key of(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException("key value " + i + " is null");
            }
            list.add(values[i]);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one value");
        }
        return new Key(Collections.unmodifiableList(list));
    }

    /** The values, in primary key order. */
    public List<Object> values() {
        return values;
    }

    /** The number of values. */
    public int size() {
        return values.size();
    }

    /** The value at {@code index}. */
    public Object get(int index) {
        return values.get(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && values.equals(k.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Key" + Arrays.toString(values.toArray());
    }
}
