package io.reactivecql.api.result;

import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.TupleValue;
import io.reactivecql.protocol.types.UdtValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One row of a result. Values are decoded when asked for, straight from the page's bytes; a row
 * holds on to its page, so keep the decoded values rather than the rows when a page should be
 * garbage-collected.
 *
 * <p>Columns are reached by index (from 0) or by name, with CQL identifier rules (see
 * {@link ColumnDefinitions}). The typed getters check the column's CQL type: asking a text column
 * for an int throws {@link IllegalArgumentException} naming both types. Getters of Java primitives
 * return 0 (or false) for NULL: use {@link #isNull} to tell. {@link #get(int, Class)} reaches
 * codecs registered with the session ({@code SessionBuilder.withCodecs}).
 *
 * <p>Rows are emitted on a driver thread (an event loop): do not block in {@code onNext}; use
 * {@code publishOn} to move slow work elsewhere.
 */
public interface Row {

    /** The columns of this row. */
    ColumnDefinitions columnDefinitions();

    /** The number of columns. */
    default int size() {
        return columnDefinitions().size();
    }

    /** Whether column {@code index} is NULL. */
    boolean isNull(int index);

    default boolean isNull(String name) {
        return isNull(indexOf(name));
    }

    /** The index of column {@code name}; throws {@link IllegalArgumentException} when there is none. */
    default int indexOf(String name) {
        return columnDefinitions().indexOf(name);
    }

    /** The value of column {@code index} as the session's default Java type for its CQL type. */
    Object getObject(int index);

    default Object getObject(String name) {
        return getObject(indexOf(name));
    }

    /**
     * The value of column {@code index} as {@code type}, through the session's codecs (built-in
     * or registered); a primitive class stands for its wrapper.
     *
     * @throws IllegalArgumentException when no codec maps the column's CQL type to {@code type}
     */
    <T> T get(int index, Class<T> type);

    default <T> T get(String name, Class<T> type) {
        return get(indexOf(name), type);
    }

    /** The raw bytes of column {@code index} (read-only, not a copy), or null for NULL. */
    ByteBuffer getBytesUnsafe(int index);

    default ByteBuffer getBytesUnsafe(String name) {
        return getBytesUnsafe(indexOf(name));
    }

    /** Column {@code index} as text, varchar or ascii; null for NULL. */
    String getString(int index);

    default String getString(String name) {
        return getString(indexOf(name));
    }

    /** Column {@code index} as bigint or counter; 0 for NULL. */
    long getLong(int index);

    default long getLong(String name) {
        return getLong(indexOf(name));
    }

    /** Column {@code index} as int; 0 for NULL. */
    int getInt(int index);

    default int getInt(String name) {
        return getInt(indexOf(name));
    }

    /** Column {@code index} as smallint; 0 for NULL. */
    short getShort(int index);

    default short getShort(String name) {
        return getShort(indexOf(name));
    }

    /** Column {@code index} as tinyint; 0 for NULL. */
    byte getByte(int index);

    default byte getByte(String name) {
        return getByte(indexOf(name));
    }

    /** Column {@code index} as double; 0 for NULL. */
    double getDouble(int index);

    default double getDouble(String name) {
        return getDouble(indexOf(name));
    }

    /** Column {@code index} as float; 0 for NULL. */
    float getFloat(int index);

    default float getFloat(String name) {
        return getFloat(indexOf(name));
    }

    /** Column {@code index} as boolean; false for NULL. */
    boolean getBoolean(int index);

    default boolean getBoolean(String name) {
        return getBoolean(indexOf(name));
    }

    /** Column {@code index} as uuid or timeuuid; null for NULL. */
    UUID getUuid(int index);

    default UUID getUuid(String name) {
        return getUuid(indexOf(name));
    }

    /** Column {@code index} as timestamp; null for NULL. */
    Instant getInstant(int index);

    default Instant getInstant(String name) {
        return getInstant(indexOf(name));
    }

    /** Column {@code index} as date; null for NULL. */
    LocalDate getLocalDate(int index);

    default LocalDate getLocalDate(String name) {
        return getLocalDate(indexOf(name));
    }

    /** Column {@code index} as time; null for NULL. */
    LocalTime getLocalTime(int index);

    default LocalTime getLocalTime(String name) {
        return getLocalTime(indexOf(name));
    }

    /** Column {@code index} as blob (or any custom type); null for NULL. */
    ByteBuffer getBytes(int index);

    default ByteBuffer getBytes(String name) {
        return getBytes(indexOf(name));
    }

    /** Column {@code index} as varint; null for NULL. */
    BigInteger getBigInteger(int index);

    default BigInteger getBigInteger(String name) {
        return getBigInteger(indexOf(name));
    }

    /** Column {@code index} as decimal; null for NULL. */
    BigDecimal getBigDecimal(int index);

    default BigDecimal getBigDecimal(String name) {
        return getBigDecimal(indexOf(name));
    }

    /** Column {@code index} as inet; null for NULL. */
    InetAddress getInetAddress(int index);

    default InetAddress getInetAddress(String name) {
        return getInetAddress(indexOf(name));
    }

    /** Column {@code index} as duration; null for NULL. */
    CqlDuration getDuration(int index);

    default CqlDuration getDuration(String name) {
        return getDuration(indexOf(name));
    }

    /** Column {@code index} as a tuple; null for NULL. */
    TupleValue getTupleValue(int index);

    default TupleValue getTupleValue(String name) {
        return getTupleValue(indexOf(name));
    }

    /** Column {@code index} as a user-defined type; null for NULL. */
    UdtValue getUdtValue(int index);

    default UdtValue getUdtValue(String name) {
        return getUdtValue(indexOf(name));
    }

    /** A list or set column as a list of {@code elementType}; empty for NULL. */
    <E> List<E> getList(int index, Class<E> elementType);

    default <E> List<E> getList(String name, Class<E> elementType) {
        return getList(indexOf(name), elementType);
    }

    /** A set or list column as a set of {@code elementType}; empty for NULL. */
    <E> Set<E> getSet(int index, Class<E> elementType);

    default <E> Set<E> getSet(String name, Class<E> elementType) {
        return getSet(indexOf(name), elementType);
    }

    /** A map column; empty for NULL. */
    <K, V> Map<K, V> getMap(int index, Class<K> keyType, Class<V> valueType);

    default <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
        return getMap(indexOf(name), keyType, valueType);
    }

    /** A vector column; null for NULL. */
    <E> CqlVector<E> getVector(int index, Class<E> elementType);

    default <E> CqlVector<E> getVector(String name, Class<E> elementType) {
        return getVector(indexOf(name), elementType);
    }
}
