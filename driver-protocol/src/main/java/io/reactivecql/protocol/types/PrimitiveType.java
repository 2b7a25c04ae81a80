package io.reactivecql.protocol.types;

/** The native CQL types, with their [option] ids. */
public enum PrimitiveType implements DataType {
    ASCII(0x0001, "ascii"),
    BIGINT(0x0002, "bigint"),
    BLOB(0x0003, "blob"),
    BOOLEAN(0x0004, "boolean"),
    COUNTER(0x0005, "counter"),
    DECIMAL(0x0006, "decimal"),
    DOUBLE(0x0007, "double"),
    FLOAT(0x0008, "float"),
    INT(0x0009, "int"),
    TIMESTAMP(0x000B, "timestamp"),
    UUID(0x000C, "uuid"),
    VARCHAR(0x000D, "text"),
    VARINT(0x000E, "varint"),
    TIMEUUID(0x000F, "timeuuid"),
    INET(0x0010, "inet"),
    DATE(0x0011, "date"),
    TIME(0x0012, "time"),
    SMALLINT(0x0013, "smallint"),
    TINYINT(0x0014, "tinyint"),
    DURATION(0x0015, "duration");

    private static final PrimitiveType[] BY_CODE = new PrimitiveType[0x16];

    static {
        for (PrimitiveType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String cql;

    PrimitiveType(int code, String cql) {
        this.code = code;
        this.cql = cql;
    }

    @Override
    public int protocolCode() {
        return code;
    }

    @Override
    public String asCql() {
        return cql;
    }

    /** The primitive with this [option] id, or null. */
    public static PrimitiveType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The fixed size of a serialized value in bytes, or -1 when values are variable-size. This is
     * Cassandra's {@code valueLengthIfFixed}, which decides the vector wire format: smallint,
     * tinyint, date, time and counter are always the same size too, but Cassandra (5.0) does not
     * declare them fixed, so in vectors they are written with a vint length like variable types.
     */
    @Override
    public int fixedSize() {
        switch (this) {
            case BOOLEAN:
                return 1;
            case INT:
            case FLOAT:
                return 4;
            case BIGINT:
            case DOUBLE:
            case TIMESTAMP:
                return 8;
            case UUID:
            case TIMEUUID:
                return 16;
            default:
                return -1;
        }
    }
}
