package io.reactivecql.internal.result;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.Row;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.TypeCodec;
import io.reactivecql.protocol.types.TypeCodecs;
import io.reactivecql.protocol.types.VectorType;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row access by index and by name (CQL identifier rules), typed getters, NULLs and user codecs. */
class RowTest {

    private static Row row(List<ColumnSpec> columns, CodecRegistry registry, Object... values) {
        RowsResult rows = Fixtures.rows(columns, null, List.of(Arrays.asList(values)));
        return new DefaultResultPage(rows, RowShape.of(columns, registry), null, null, null, 1).rows().get(0);
    }

    @Test
    void namesFollowCqlIdentifierRules() {
        List<ColumnSpec> columns = List.of(Fixtures.col("userid", PrimitiveType.INT),
                Fixtures.col("userId", PrimitiveType.VARCHAR), Fixtures.col("Weird \"name\"", PrimitiveType.BIGINT));
        Row row = row(columns, CodecRegistry.defaultRegistry(), 1, "camel", 3L);
        // unquoted: case-insensitive, the first match wins
        assertEquals(1, row.getInt("userid"));
        assertEquals(1, row.getInt("USERID"));
        // quoted: exact
        assertEquals("camel", row.getString("\"userId\""));
        assertEquals(1, row.getInt("\"userid\""));
        assertEquals(3L, row.getLong("\"Weird \"\"name\"\"\""));
        assertThrows(IllegalArgumentException.class, () -> row.getInt("\"USERID\""));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> row.getInt("nope"));
        assertTrue(unknown.getMessage().contains("userId"), unknown.getMessage());
        ColumnDefinitions defs = row.columnDefinitions();
        assertEquals(-1, defs.firstIndexOf("nope"));
        assertTrue(defs.contains("USERID"));
    }

    @Test
    void everyNativeTypeHasItsGetter() throws Exception {
        UUID uuid = UUID.randomUUID();
        Instant instant = Instant.ofEpochMilli(1_700_000_000_123L);
        List<ColumnSpec> columns = List.of(
                Fixtures.col("a", PrimitiveType.ASCII), Fixtures.col("b", PrimitiveType.BIGINT),
                Fixtures.col("c", PrimitiveType.BLOB), Fixtures.col("d", PrimitiveType.BOOLEAN),
                Fixtures.col("e", PrimitiveType.DECIMAL), Fixtures.col("f", PrimitiveType.DOUBLE),
                Fixtures.col("g", PrimitiveType.FLOAT), Fixtures.col("h", PrimitiveType.INT),
                Fixtures.col("i", PrimitiveType.TIMESTAMP), Fixtures.col("j", PrimitiveType.UUID),
                Fixtures.col("k", PrimitiveType.VARCHAR), Fixtures.col("l", PrimitiveType.VARINT),
                Fixtures.col("m", PrimitiveType.INET), Fixtures.col("n", PrimitiveType.DATE),
                Fixtures.col("o", PrimitiveType.TIME), Fixtures.col("p", PrimitiveType.SMALLINT),
                Fixtures.col("q", PrimitiveType.TINYINT), Fixtures.col("r", PrimitiveType.DURATION),
                Fixtures.col("s", PrimitiveType.COUNTER));
        Row row = row(columns, CodecRegistry.defaultRegistry(), "ascii", Long.MAX_VALUE, ByteBuffer.wrap(new byte[] {1, 2}),
                true, new BigDecimal("1.50"), 2.5d, 1.25f, Integer.MIN_VALUE, instant, uuid, "text ✓",
                new BigInteger("123456789012345678901234567890"), InetAddress.getByName("127.0.0.1"),
                LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 59, 999_999_999), (short) -7, (byte) 8,
                CqlDuration.of(1, 2, 3), 42L);
        assertEquals("ascii", row.getString("a"));
        assertEquals(Long.MAX_VALUE, row.getLong("b"));
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), row.getBytes("c"));
        assertTrue(row.getBoolean("d"));
        assertEquals(new BigDecimal("1.50"), row.getBigDecimal("e"));
        assertEquals(2.5d, row.getDouble("f"));
        assertEquals(1.25f, row.getFloat("g"));
        assertEquals(Integer.MIN_VALUE, row.getInt("h"));
        assertEquals(instant, row.getInstant("i"));
        assertEquals(uuid, row.getUuid("j"));
        assertEquals("text ✓", row.getString("k"));
        assertEquals(new BigInteger("123456789012345678901234567890"), row.getBigInteger("l"));
        assertEquals(InetAddress.getByName("127.0.0.1"), row.getInetAddress("m"));
        assertEquals(LocalDate.of(2024, 2, 29), row.getLocalDate("n"));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_999), row.getLocalTime("o"));
        assertEquals((short) -7, row.getShort("p"));
        assertEquals((byte) 8, row.getByte("q"));
        assertEquals(CqlDuration.of(1, 2, 3), row.getDuration("r"));
        assertEquals(42L, row.getLong("s"));
        assertEquals(Integer.MIN_VALUE, row.get("h", Integer.class));
        assertEquals(Integer.MIN_VALUE, row.get(7, int.class));
        assertEquals("ascii", row.getObject(0));
        assertEquals(2, row.getBytesUnsafe("c").remaining());
    }

    @Test
    void nullsAreNullOrZero() {
        List<ColumnSpec> columns = List.of(Fixtures.col("i", PrimitiveType.INT), Fixtures.col("s", PrimitiveType.VARCHAR),
                Fixtures.col("l", new ListType(PrimitiveType.INT, false)),
                Fixtures.col("m", new MapType(PrimitiveType.VARCHAR, PrimitiveType.INT, false)),
                Fixtures.col("b", PrimitiveType.BOOLEAN));
        Row row = row(columns, CodecRegistry.defaultRegistry(), null, null, null, null, null);
        assertTrue(row.isNull("i"));
        assertEquals(0, row.getInt("i"));
        assertNull(row.getString("s"));
        assertEquals(List.of(), row.getList("l", Integer.class));
        assertEquals(Map.of(), row.getMap("m", String.class, Integer.class));
        assertFalse(row.getBoolean("b"));
        assertNull(row.getObject("i"));
        assertNull(row.getBytesUnsafe("s"));
    }

    @Test
    void collectionsAndVectors() {
        List<ColumnSpec> columns = List.of(Fixtures.col("l", new ListType(PrimitiveType.VARCHAR, false)),
                Fixtures.col("s", new SetType(PrimitiveType.INT, true)),
                Fixtures.col("m", new MapType(PrimitiveType.VARCHAR, PrimitiveType.BIGINT, false)),
                Fixtures.col("v", new VectorType(PrimitiveType.FLOAT, 3)));
        Row row = row(columns, CodecRegistry.defaultRegistry(), List.of("a", "b"), Set.of(3), Map.of("k", 9L),
                CqlVector.ofFloats(1f, 2f, 3f));
        assertEquals(List.of("a", "b"), row.getList("l", String.class));
        assertEquals(Set.of(3), row.getSet("s", Integer.class));
        assertEquals(List.of(3), row.getList("s", Integer.class));
        assertEquals(Map.of("k", 9L), row.getMap("m", String.class, Long.class));
        assertEquals(CqlVector.ofFloats(1f, 2f, 3f), row.getVector("v", Float.class));
        assertThrows(IllegalArgumentException.class, () -> row.getMap("l", String.class, String.class));
    }

    @Test
    void askingForTheWrongTypeNamesBoth() {
        Row row = row(List.of(Fixtures.col("s", PrimitiveType.VARCHAR)), CodecRegistry.defaultRegistry(), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.getInt("s"));
        assertTrue(e.getMessage().contains("text") && e.getMessage().contains("Integer"), e.getMessage());
    }

    /** text as a user type: a wrapper record. */
    record Name(String value) {
    }

    static final class NameCodec implements TypeCodec<Name> {
        @Override
        public io.reactivecql.protocol.types.DataType cqlType() {
            return PrimitiveType.VARCHAR;
        }

        @Override
        public Class<?> javaType() {
            return Name.class;
        }

        @Override
        public int encodedSize(Name value) {
            return TypeCodecs.TEXT.encodedSize(value.value());
        }

        @Override
        public void encodeBody(Name value, ByteBuf out) {
            TypeCodecs.TEXT.encodeBody(value.value(), out);
        }

        @Override
        public Name decode(byte[] array, int offset, int length) {
            String s = TypeCodecs.TEXT.decode(array, offset, length);
            return s == null ? null : new Name(s);
        }
    }

    @Test
    void userCodecsAreReachedByJavaType() {
        CodecRegistry registry = CodecRegistry.of(List.of(new NameCodec()));
        List<ColumnSpec> columns = List.of(Fixtures.col("n", PrimitiveType.VARCHAR),
                Fixtures.col("ns", new ListType(PrimitiveType.VARCHAR, false)));
        Row row = row(columns, registry, "ann", List.of("bob", "cy"));
        assertEquals("ann", row.getString("n"));
        assertEquals(new Name("ann"), row.get("n", Name.class));
        assertEquals(List.of(new Name("bob"), new Name("cy")), row.getList("ns", Name.class));
        assertEquals(PrimitiveType.VARCHAR, registry.codecForValue(new Name("x")).cqlType());
    }
}
