package io.reactivecql.mapper.internal;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.protocol.types.CodecNotFoundException;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a Java field type can hold a column of a CQL type, and how its values convert.
 * Everything the codec registry maps (built-in types and user codecs) is accepted as is; on top of
 * that enums (as text), {@code byte[]} (as blob), {@code @Udt} classes (as their UDT) and lists,
 * sets and maps of any of these.
 */
final class TypeMapper {

    /** Where a type is resolved, for error messages. */
    record Site(String entity, String field, String column) {
        MappingException error(String message) {
            return new MappingException(message, entity, field, column, null);
        }
    }

    /**
     * How a field reads and writes: its converter, and the Java class of a user codec to read the
     * column with (null when the column's default codec is used).
     */
    record Resolved(Converter converter, Class<?> codecClass) {
    }

    private final CodecRegistry registry;
    private final Function<Class<?>, EntityModel<?>> udtModels;

    TypeMapper(CodecRegistry registry, Function<Class<?>, EntityModel<?>> udtModels) {
        this.registry = registry;
        this.udtModels = udtModels;
    }

    /**
     * How a field of {@code javaType} maps a column of {@code cqlType}.
     *
     * @param checkUdtFields false to accept a UDT by name without looking at its fields (the schema
     *                       manager, before it adds missing fields)
     * @throws MappingException naming the site when they do not fit
     */
    Resolved resolve(Type javaType, DataType cqlType, Site site, boolean checkUdtFields) {
        return resolve(javaType, cqlType, site, true, checkUdtFields);
    }

    private Resolved resolve(Type javaType, DataType cqlType, Site site, boolean topLevel, boolean checkUdtFields) {
        Class<?> raw = rawClass(javaType);
        if (raw.isAnnotationPresent(Udt.class)) {
            if (!(cqlType instanceof UserDefinedType udt)) {
                throw mismatch(javaType, cqlType, site, "a @Udt class maps a user-defined type");
            }
            EntityModel<?> model = udtModels.apply(raw);
            if (!udt.name().equals(model.name)) {
                throw mismatch(javaType, cqlType, site, "@Udt class " + raw.getSimpleName() + " maps type "
                        + model.name);
            }
            if (!checkUdtFields) {
                return new Resolved(Converter.IDENTITY, null);
            }
            return new Resolved(udtConverter(udt, model), null);
        }
        if (raw.isEnum()) {
            if (cqlType != PrimitiveType.VARCHAR && cqlType != PrimitiveType.ASCII) {
                throw mismatch(javaType, cqlType, site, "an enum maps text or ascii (its constant names)");
            }
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) raw;
            return new Resolved(new Converter.EnumConverter(enumType), null);
        }
        if (raw == byte[].class) {
            if (cqlType != PrimitiveType.BLOB) {
                throw mismatch(javaType, cqlType, site, "byte[] maps blob");
            }
            return new Resolved(new Converter.BytesConverter(), null);
        }
        if (raw == List.class || raw == Set.class) {
            boolean set = raw == Set.class;
            DataType element;
            if (!set && cqlType instanceof ListType l) {
                element = l.elementType();
            } else if (set && cqlType instanceof SetType s) {
                element = s.elementType();
            } else {
                throw mismatch(javaType, cqlType, site, raw.getSimpleName() + " maps a " + (set ? "set" : "list"));
            }
            Converter c = resolve(typeArgument(javaType, 0), element, site, false, checkUdtFields).converter();
            return new Resolved(new Converter.CollectionConverter(c, set), null);
        }
        if (raw == Map.class) {
            if (!(cqlType instanceof MapType m)) {
                throw mismatch(javaType, cqlType, site, "Map maps a map");
            }
            Converter k = resolve(typeArgument(javaType, 0), m.keyType(), site, false, checkUdtFields).converter();
            Converter v = resolve(typeArgument(javaType, 1), m.valueType(), site, false, checkUdtFields).converter();
            return new Resolved(new Converter.MapConverter(k, v), null);
        }
        if (raw == CqlVector.class && cqlType instanceof VectorType v) {
            Type element = typeArgument(javaType, 0);
            if (element != Object.class) {
                Resolved e = resolve(element, v.elementType(), site, false, checkUdtFields);
                if (e.converter() != Converter.IDENTITY) {
                    throw mismatch(javaType, cqlType, site, "vector elements are read as the codec gives them");
                }
            }
            return new Resolved(Converter.IDENTITY, null);
        }
        try {
            registry.codecFor(cqlType, raw);
        } catch (CodecNotFoundException e) {
            throw mismatch(javaType, cqlType, site, e.getMessage());
        } catch (RuntimeException e) {
            throw mismatch(javaType, cqlType, site, String.valueOf(e.getMessage()));
        }
        Class<?> boxed = boxed(raw);
        // the column's default codec (what Row.getObject decodes with) fits: read as is
        if (boxed.isAssignableFrom(registry.codecFor(cqlType).javaType())) {
            return new Resolved(Converter.IDENTITY, null);
        }
        if (!topLevel) {
            throw mismatch(javaType, cqlType, site, "a user codec (to " + raw.getName()
                    + ") is used for whole columns only, not inside collections or UDTs");
        }
        return new Resolved(Converter.IDENTITY, boxed);
    }

    private Converter udtConverter(UserDefinedType udt, EntityModel<?> model) {
        int n = model.properties.size();
        int[] indexes = new int[n];
        Converter[] converters = new Converter[n];
        for (int i = 0; i < n; i++) {
            PropertyModel p = model.properties.get(i);
            int index = udt.fieldNames().indexOf(p.column);
            Site site = new Site(model.entityName(), p.javaName, p.column);
            if (index < 0) {
                throw site.error("user-defined type " + udt.name() + " has no field " + p.column + " (fields: "
                        + udt.fieldNames() + ")");
            }
            indexes[i] = index;
            converters[i] = resolve(p.javaType, udt.fieldTypes().get(index), site, false, true).converter();
        }
        return new Converter.UdtConverter(udt, model, indexes, converters);
    }

    private MappingException mismatch(Type javaType, DataType cqlType, Site site, String detail) {
        String expected;
        try {
            expected = registry.codecFor(cqlType).javaType().getSimpleName();
        } catch (RuntimeException e) {
            expected = "?";
        }
        return site.error("a field of type " + javaType.getTypeName() + " cannot map CQL type " + cqlType.asCql()
                + " (" + detail + "; the column's values are " + expected + ")");
    }

    /** The raw class of a field type (type arguments dropped; {@code ? extends X} is X). */
    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** Type argument {@code i} of a parameterized type, or Object for a raw one. */
    static Type typeArgument(Type t, int i) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            Type a = p.getActualTypeArguments()[i];
            if (a instanceof WildcardType w && w.getUpperBounds().length == 1 && w.getLowerBounds().length == 0) {
                return w.getUpperBounds()[0];
            }
            return a;
        }
        return Object.class;
    }

    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
