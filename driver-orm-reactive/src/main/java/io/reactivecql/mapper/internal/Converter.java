package io.reactivecql.mapper.internal;

import io.reactivecql.protocol.types.UdtValue;
import io.reactivecql.protocol.types.UserDefinedType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts one field's values between the Java type of the field and the Java type the codec
 * registry uses for the column (an enum and its name, a {@code @Udt} object and its
 * {@link UdtValue}, collections of those). Resolved once per field by {@link TypeMapper}; null
 * stays null, except that a NULL collection reads as an empty one.
 */
abstract class Converter {

    /** Values the codecs take as they are. */
    static final Converter IDENTITY = new Converter() {
        @Override
        Object toDriver(Object value) {
            return value;
        }

        @Override
        Object fromDriver(Object value) {
            return value;
        }
    };

    /** The value to bind for a field value. */
    abstract Object toDriver(Object value);

    /** The field value for a decoded column value. */
    abstract Object fromDriver(Object value);

    /** The converter of the elements {@code CONTAINS} takes (list/set elements, map values), or null. */
    Converter containsConverter() {
        return null;
    }

    /** The converter of map keys ({@code CONTAINS KEY}), or null. */
    Converter keyConverter() {
        return null;
    }

    /** An enum stored as its name. */
    static final class EnumConverter extends Converter {
        private final Class<? extends Enum<?>> type;
        private final Map<String, Object> byName = new java.util.HashMap<>();

        EnumConverter(Class<? extends Enum<?>> type) {
            this.type = type;
            for (Enum<?> constant : type.getEnumConstants()) {
                byName.put(constant.name(), constant);
            }
        }

        @Override
        Object toDriver(Object value) {
            return value == null ? null : ((Enum<?>) value).name();
        }

        @Override
        Object fromDriver(Object value) {
            if (value == null) {
                return null;
            }
            Object constant = byName.get(value);
            if (constant == null) {
                throw new IllegalArgumentException("no constant " + value + " in enum " + type.getName());
            }
            return constant;
        }
    }

    /** {@code byte[]} stored as a blob. */
    static final class BytesConverter extends Converter {
        @Override
        Object toDriver(Object value) {
            return value == null ? null : ByteBuffer.wrap((byte[]) value);
        }

        @Override
        Object fromDriver(Object value) {
            if (value == null) {
                return null;
            }
            ByteBuffer b = ((ByteBuffer) value).duplicate();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
    }

    /** A {@code @Udt} object and a {@link UdtValue} of the schema's type. */
    static final class UdtConverter extends Converter {
        private final UserDefinedType type;
        private final EntityModel<?> model;
        /** For each property of the model, the index of its UDT field. */
        private final int[] fieldIndexes;
        private final Converter[] converters;

        UdtConverter(UserDefinedType type, EntityModel<?> model, int[] fieldIndexes, Converter[] converters) {
            this.type = type;
            this.model = model;
            this.fieldIndexes = fieldIndexes;
            this.converters = converters;
        }

        @Override
        Object toDriver(Object value) {
            if (value == null) {
                return null;
            }
            Object[] fields = new Object[type.fieldNames().size()];
            for (int i = 0; i < fieldIndexes.length; i++) {
                fields[fieldIndexes[i]] = converters[i].toDriver(model.properties.get(i).get(value));
            }
            return UdtValue.of(type, fields);
        }

        @Override
        Object fromDriver(Object value) {
            if (value == null) {
                return null;
            }
            UdtValue udt = (UdtValue) value;
            Object[] values = new Object[fieldIndexes.length];
            for (int i = 0; i < fieldIndexes.length; i++) {
                // a value written before fields were added has fewer of them: the rest read as NULL
                values[i] = converters[i].fromDriver(fieldIndexes[i] < udt.size() ? udt.get(fieldIndexes[i]) : null);
            }
            return model.instantiate(values);
        }
    }

    /** A list or set, its elements converted one by one (or kept when they need no conversion). */
    static final class CollectionConverter extends Converter {
        private final Converter element;
        private final boolean set;

        CollectionConverter(Converter element, boolean set) {
            this.element = element;
            this.set = set;
        }

        @Override
        Object toDriver(Object value) {
            if (value == null || element == IDENTITY) {
                return value;
            }
            Collection<?> in = (Collection<?>) value;
            Collection<Object> out = set ? new LinkedHashSet<>(in.size() * 2) : new ArrayList<>(in.size());
            for (Object e : in) {
                out.add(element.toDriver(e));
            }
            return out;
        }

        @Override
        Object fromDriver(Object value) {
            if (value == null) {
                return set ? new LinkedHashSet<>() : new ArrayList<>();
            }
            if (element == IDENTITY) {
                return value;
            }
            Collection<?> in = (Collection<?>) value;
            Collection<Object> out = set ? new LinkedHashSet<>(in.size() * 2) : new ArrayList<>(in.size());
            for (Object e : in) {
                out.add(element.fromDriver(e));
            }
            return out;
        }

        @Override
        Converter containsConverter() {
            return element;
        }
    }

    /** A map, keys and values converted. */
    static final class MapConverter extends Converter {
        private final Converter key;
        private final Converter value;

        MapConverter(Converter key, Converter value) {
            this.key = key;
            this.value = value;
        }

        @Override
        Object toDriver(Object map) {
            if (map == null || (key == IDENTITY && value == IDENTITY)) {
                return map;
            }
            Map<?, ?> in = (Map<?, ?>) map;
            Map<Object, Object> out = new LinkedHashMap<>(in.size() * 2);
            in.forEach((k, v) -> out.put(key.toDriver(k), value.toDriver(v)));
            return out;
        }

        @Override
        Object fromDriver(Object map) {
            if (map == null) {
                return new LinkedHashMap<>();
            }
            if (key == IDENTITY && value == IDENTITY) {
                return map;
            }
            Map<?, ?> in = (Map<?, ?>) map;
            Map<Object, Object> out = new LinkedHashMap<>(in.size() * 2);
            in.forEach((k, v) -> out.put(key.fromDriver(k), value.fromDriver(v)));
            return out;
        }

        @Override
        Converter containsConverter() {
            return value;
        }

        @Override
        Converter keyConverter() {
            return key;
        }
    }

    /** Converts every element of a collection of values with {@code c} (IN lists). */
    static List<Object> convertAll(Converter c, Iterable<?> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            out.add(c.toDriver(v));
        }
        return out;
    }

    /** A set of {@code c}-converted values (removing map keys). */
    static Set<Object> convertAllToSet(Converter c, Iterable<?> values) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object v : values) {
            out.add(c.toDriver(v));
        }
        return out;
    }
}
