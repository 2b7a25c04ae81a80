package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The codecs of list, set and map: an [int] element count, then each element (a map's key then
 * value) as a [bytes]. Decoding returns a new mutable collection owned by the caller (sets and maps
 * keep the server's order); an empty (0-byte) value decodes to an empty collection, NULL to null.
 * A NULL element decodes to null, but null elements cannot be encoded: Cassandra refuses them.
 * Element codecs are given, so a registry can put user codecs inside collections.
 */
public final class CollectionCodecs {

    private CollectionCodecs() {
    }

    /**
     * What list and set share: an element codec and the element-by-element wire format; the
     * subclass only says which collection to build.
     */
    abstract static class ElementsCodec<E, C extends Collection<E>> implements TypeCodec<C> {

        private final DataType cqlType;
        private final TypeCodec<E> elementCodec;

        ElementsCodec(DataType cqlType, DataType elementType, TypeCodec<E> elementCodec) {
            this.cqlType = Objects.requireNonNull(cqlType, "cqlType");
            this.elementCodec = TypeShapes.checkCodec(elementType, elementCodec, cqlType);
        }

        /** A new empty collection sized for {@code n} elements. */
        abstract C newCollection(int n);

        @Override
        public DataType cqlType() {
            return cqlType;
        }

        public TypeCodec<E> elementCodec() {
            return elementCodec;
        }

        @Override
        public List<TypeCodec<?>> componentCodecs() {
            return List.of(elementCodec);
        }

        @Override
        public int encodedSize(C value) {
            int size = 4;
            for (E e : value) {
                size += 4 + elementCodec.encodedSize(notNull(e, cqlType, "element"));
            }
            return size;
        }

        @Override
        public void encodeBody(C value, ByteBuf out) {
            int countIndex = out.writerIndex();
            out.writeInt(0);
            int n = 0;
            for (E e : value) {
                elementCodec.encodeValue(notNull(e, cqlType, "element"), out);
                n++;
            }
            // the count of what was written, even if a concurrent change made size() disagree
            out.setInt(countIndex, n);
        }

        @Override
        public C decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, cqlType)) {
                return null;
            }
            if (length == 0) {
                return newCollection(0);
            }
            int end = offset + length;
            int n = Wire.readCount(array, offset, end, 4, cqlType);
            C collection = newCollection(n);
            int p = offset + 4;
            for (int i = 0; i < n; i++) {
                int size = Wire.readElementLength(array, p, end, cqlType);
                p += 4;
                collection.add(elementCodec.decode(array, p, size));
                p += Math.max(size, 0);
            }
            checkEnd(p, end, cqlType);
            return collection;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + cqlType.asCql() + ")";
        }
    }

    /** list ↔ {@link List}. */
    public static final class ListCodec<E> extends ElementsCodec<E, List<E>> {

        /**
         * A codec for {@code cqlType} whose elements use {@code elementCodec}.
         *
         * @throws IllegalArgumentException when a given codec serves another type (frozen flags aside)
         */
        public ListCodec(ListType cqlType, TypeCodec<E> elementCodec) {
            super(cqlType, Objects.requireNonNull(cqlType, "cqlType").elementType(), elementCodec);
        }

        @Override
        public Class<?> javaType() {
            return List.class;
        }

        @Override
        List<E> newCollection(int n) {
            return new ArrayList<>(n);
        }
    }

    /** set ↔ {@link Set}; decoded sets are {@link LinkedHashSet}s in the server's order. */
    public static final class SetCodec<E> extends ElementsCodec<E, Set<E>> {

        /**
         * A codec for {@code cqlType} whose elements use {@code elementCodec}.
         *
         * @throws IllegalArgumentException when a given codec serves another type (frozen flags aside)
         */
        public SetCodec(SetType cqlType, TypeCodec<E> elementCodec) {
            super(cqlType, Objects.requireNonNull(cqlType, "cqlType").elementType(), elementCodec);
        }

        @Override
        public Class<?> javaType() {
            return Set.class;
        }

        @Override
        Set<E> newCollection(int n) {
            return new LinkedHashSet<>(capacity(n));
        }
    }

    /** map ↔ {@link Map}; decoded maps are {@link LinkedHashMap}s in the server's order. */
    public static final class MapCodec<K, V> implements TypeCodec<Map<K, V>> {

        private final MapType cqlType;
        private final TypeCodec<K> keyCodec;
        private final TypeCodec<V> valueCodec;

        /**
         * A codec for {@code cqlType} whose keys and values use the given codecs.
         *
         * @throws IllegalArgumentException when a given codec serves another type (frozen flags aside)
         */
        public MapCodec(MapType cqlType, TypeCodec<K> keyCodec, TypeCodec<V> valueCodec) {
            this.cqlType = Objects.requireNonNull(cqlType, "cqlType");
            this.keyCodec = TypeShapes.checkCodec(cqlType.keyType(), keyCodec, cqlType);
            this.valueCodec = TypeShapes.checkCodec(cqlType.valueType(), valueCodec, cqlType);
        }

        @Override
        public DataType cqlType() {
            return cqlType;
        }

        @Override
        public Class<?> javaType() {
            return Map.class;
        }

        public TypeCodec<K> keyCodec() {
            return keyCodec;
        }

        public TypeCodec<V> valueCodec() {
            return valueCodec;
        }

        @Override
        public List<TypeCodec<?>> componentCodecs() {
            return List.of(keyCodec, valueCodec);
        }

        @Override
        public int encodedSize(Map<K, V> value) {
            int size = 4;
            for (Map.Entry<K, V> e : value.entrySet()) {
                size += 8 + keyCodec.encodedSize(notNull(e.getKey(), cqlType, "key"))
                        + valueCodec.encodedSize(notNull(e.getValue(), cqlType, "value"));
            }
            return size;
        }

        @Override
        public void encodeBody(Map<K, V> value, ByteBuf out) {
            out.writeInt(value.size());
            for (Map.Entry<K, V> e : value.entrySet()) {
                keyCodec.encodeValue(notNull(e.getKey(), cqlType, "key"), out);
                valueCodec.encodeValue(notNull(e.getValue(), cqlType, "value"), out);
            }
        }

        @Override
        public Map<K, V> decode(byte[] array, int offset, int length) {
            if (Wire.isNull(array, offset, length, cqlType)) {
                return null;
            }
            if (length == 0) {
                return new LinkedHashMap<>(0);
            }
            int end = offset + length;
            int n = Wire.readCount(array, offset, end, 8, cqlType);
            Map<K, V> map = new LinkedHashMap<>(capacity(n));
            int p = offset + 4;
            for (int i = 0; i < n; i++) {
                int keySize = Wire.readElementLength(array, p, end, cqlType);
                p += 4;
                K key = keyCodec.decode(array, p, keySize);
                p += Math.max(keySize, 0);
                int valueSize = Wire.readElementLength(array, p, end, cqlType);
                p += 4;
                map.put(key, valueCodec.decode(array, p, valueSize));
                p += Math.max(valueSize, 0);
            }
            checkEnd(p, end, cqlType);
            return map;
        }

        @Override
        public String toString() {
            return "MapCodec(" + cqlType.asCql() + ")";
        }
    }

    private static <E> E notNull(E e, DataType type, String what) {
        if (e == null) {
            throw new InvalidValueException(type.asCql() + " cannot hold a null " + what);
        }
        return e;
    }

    static void checkEnd(int p, int end, DataType type) {
        if (p != end) {
            throw Wire.malformed(type, (end - p) + " bytes after the last element");
        }
    }

    private static int capacity(int n) {
        return (int) (n / 0.75f) + 1;
    }
}
