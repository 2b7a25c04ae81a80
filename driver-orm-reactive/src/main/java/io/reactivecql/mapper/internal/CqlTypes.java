package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.DataTypeCqlParser;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.UserDefinedType;

import java.lang.reflect.Type;
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
import java.util.function.Function;

/**
 * The CQL type the schema manager gives a field when it creates its column: declared by
 * {@code @Column(cqlType)}, else derived from the Java type. Collections inside collections and
 * UDTs are frozen, as Cassandra requires; so are UDT columns and key columns.
 */
final class CqlTypes {

    private CqlTypes() {
    }

    /** The CQL type of {@code property}'s column in {@code keyspace} (internal name). */
    static DataType of(PropertyModel property, String keyspace, String entity,
                       Function<Class<?>, EntityModel<?>> udtModels) {
        if (property.declaredCqlType != null) {
            try {
                return DataTypeCqlParser.parse(property.declaredCqlType, keyspace);
            } catch (RuntimeException e) {
                throw new MappingException("@Column(cqlType = \"" + property.declaredCqlType
                        + "\") is not a CQL type: " + e.getMessage(), entity, property.javaName, property.column,
                        null, e);
            }
        }
        if (property.counter) {
            return PrimitiveType.COUNTER;
        }
        return derive(property.javaType, property.isKey(), keyspace, new TypeMapper.Site(entity, property.javaName,
                property.column), udtModels);
    }

    static DataType derive(Type javaType, boolean frozen, String keyspace, TypeMapper.Site site,
                           Function<Class<?>, EntityModel<?>> udtModels) {
        Class<?> raw = TypeMapper.boxed(TypeMapper.rawClass(javaType));
        DataType primitive = primitive(raw);
        if (primitive != null) {
            return primitive;
        }
        if (raw.isEnum()) {
            return PrimitiveType.VARCHAR;
        }
        if (raw.isAnnotationPresent(Udt.class)) {
            return UserDefinedType.shallow(keyspace, udtModels.apply(raw).name, true);
        }
        if (raw == List.class) {
            return new ListType(derive(TypeMapper.typeArgument(javaType, 0), true, keyspace, site, udtModels), frozen);
        }
        if (raw == Set.class) {
            return new SetType(derive(TypeMapper.typeArgument(javaType, 0), true, keyspace, site, udtModels), frozen);
        }
        if (raw == Map.class) {
            return new MapType(derive(TypeMapper.typeArgument(javaType, 0), true, keyspace, site, udtModels),
                    derive(TypeMapper.typeArgument(javaType, 1), true, keyspace, site, udtModels), frozen);
        }
        throw site.error("no CQL type derives from " + javaType.getTypeName()
                + ": declare it with @Column(cqlType = \"...\")");
    }

    private static DataType primitive(Class<?> c) {
        if (c == String.class) {
            return PrimitiveType.VARCHAR;
        } else if (c == Long.class) {
            return PrimitiveType.BIGINT;
        } else if (c == Integer.class) {
            return PrimitiveType.INT;
        } else if (c == Short.class) {
            return PrimitiveType.SMALLINT;
        } else if (c == Byte.class) {
            return PrimitiveType.TINYINT;
        } else if (c == Double.class) {
            return PrimitiveType.DOUBLE;
        } else if (c == Float.class) {
            return PrimitiveType.FLOAT;
        } else if (c == Boolean.class) {
            return PrimitiveType.BOOLEAN;
        } else if (c == BigDecimal.class) {
            return PrimitiveType.DECIMAL;
        } else if (c == BigInteger.class) {
            return PrimitiveType.VARINT;
        } else if (c == UUID.class) {
            return PrimitiveType.UUID;
        } else if (c == Instant.class) {
            return PrimitiveType.TIMESTAMP;
        } else if (c == LocalDate.class) {
            return PrimitiveType.DATE;
        } else if (c == LocalTime.class) {
            return PrimitiveType.TIME;
        } else if (c == ByteBuffer.class || c == byte[].class) {
            return PrimitiveType.BLOB;
        } else if (InetAddress.class.isAssignableFrom(c)) {
            return PrimitiveType.INET;
        } else if (c == CqlDuration.class) {
            return PrimitiveType.DURATION;
        }
        return null;
    }
}
