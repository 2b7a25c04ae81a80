package io.reactivecql.protocol.types;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.reactivecql.protocol.types.CodecAssertions.assertMalformed;
import static io.reactivecql.protocol.types.CodecAssertions.assertNullHandling;
import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static io.reactivecql.protocol.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TupleAndUdtCodecTest {

    private static final TupleType INT_TEXT = new TupleType(List.of(PrimitiveType.INT, PrimitiveType.VARCHAR));
    private static final UserDefinedType ADDRESS = new UserDefinedType("ks", "address",
            List.of("street", "Zip", "city"), List.of(PrimitiveType.VARCHAR, PrimitiveType.INT, PrimitiveType.VARCHAR),
            true);

    @SuppressWarnings("unchecked")
    private static <T> TypeCodec<T> codec(DataType type) {
        return (TypeCodec<T>) TypeCodecs.codecFor(type);
    }

    @Test
    void tupleRoundTrips() {
        TypeCodec<TupleValue> codec = codec(INT_TEXT);
        assertRoundTrip(codec, TupleValue.of(INT_TEXT, 1, "a"), "00000004 00000001 00000001 61");
        assertRoundTrip(codec, TupleValue.of(INT_TEXT, null, "a"), "ffffffff 00000001 61");
        assertRoundTrip(codec, TupleValue.of(INT_TEXT, 1, ""), "00000004 00000001 00000000");
        assertRoundTrip(codec, TupleValue.ofNulls(INT_TEXT), "ffffffff ffffffff");
        assertNullHandling(codec);
    }

    @Test
    void tupleWithFewerValuesThanComponents() {
        TypeCodec<TupleValue> codec = codec(INT_TEXT);
        assertEquals(TupleValue.of(INT_TEXT, 1, null), codec.decode(hex("00000004 00000001"), 0, 8));
        assertEquals(TupleValue.ofNulls(INT_TEXT), codec.decode(new byte[0], 0, 0), "empty is all NULLs");
    }

    @Test
    void malformedTuples() {
        TypeCodec<TupleValue> codec = codec(INT_TEXT);
        assertMalformed(codec, "00000004 00000001 00000000 00000000");  // a third value
        assertMalformed(codec, "00000004 000001");                      // truncated component
        assertMalformed(codec, "000000");                               // truncated length
        assertMalformed(codec, "fffffffe");                             // invalid length
        assertMalformed(codec, "00000003 000001");                      // int of 3 bytes
    }

    @Test
    void tupleGetters() {
        TupleType type = new TupleType(List.of(PrimitiveType.INT, PrimitiveType.BIGINT, PrimitiveType.DOUBLE,
                PrimitiveType.BOOLEAN, new ListType(PrimitiveType.VARCHAR, true), PrimitiveType.BLOB));
        TupleValue t = TupleValue.of(type, 7, null, 1.5, true, List.of("x"), ByteBuffer.wrap(new byte[] {1}));
        assertEquals(6, t.size());
        assertEquals(7, t.getInt(0));
        assertEquals(0L, t.getLong(1), "null reads as 0");
        assertTrue(t.isNull(1));
        assertEquals(1.5, t.getDouble(2));
        assertTrue(t.getBoolean(3));
        assertEquals(List.of("x"), t.getList(4, String.class));
        assertEquals(Integer.valueOf(7), t.get(0, int.class));
        assertThrows(ClassCastException.class, () -> t.getString(0));
        assertThrows(ClassCastException.class, () -> t.getList(4, Integer.class));
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(6));
        ByteBuffer bytes = t.getBytes(5);
        bytes.get();
        assertEquals(1, t.getBytes(5).remaining(), "getBytes returns a duplicate");
        assertEquals(Arrays.asList(7, null, 1.5, true, List.of("x"), ByteBuffer.wrap(new byte[] {1})), t.values());
        assertEquals("(7, NULL, 1.5, true, [x], java.nio.HeapByteBuffer[pos=0 lim=1 cap=1])", t.toString());
        TupleValue changed = t.with(1, 5L);
        assertEquals(5L, changed.getLong(1));
        assertTrue(t.isNull(1), "with() copies");
        assertThrows(IllegalArgumentException.class, () -> TupleValue.of(INT_TEXT, 1));
    }

    @Test
    void tupleEqualityIgnoresFrozenFlags() {
        TupleType frozenList = new TupleType(List.of(new ListType(PrimitiveType.INT, true)));
        TupleType plainList = new TupleType(List.of(new ListType(PrimitiveType.INT, false)));
        assertEquals(TupleValue.of(frozenList, List.of(1)), TupleValue.of(plainList, List.of(1)));
        assertEquals(TupleValue.of(frozenList, List.of(1)).hashCode(), TupleValue.of(plainList, List.of(1)).hashCode());
        assertNotEquals(TupleValue.of(frozenList, List.of(1)), TupleValue.of(frozenList, List.of(2)));
        TupleType other = new TupleType(List.of(new ListType(PrimitiveType.BIGINT, true)));
        assertNotEquals(TupleValue.of(frozenList, (Object) null), TupleValue.of(other, (Object) null));
    }

    @Test
    void tupleOfAnotherTypeIsRefused() {
        TypeCodec<TupleValue> codec = codec(INT_TEXT);
        TupleType other = new TupleType(List.of(PrimitiveType.INT, PrimitiveType.INT));
        assertThrows(InvalidValueException.class, () -> codec.encode(TupleValue.of(other, 1, 2)));
        TupleValue wrongClass = TupleValue.of(INT_TEXT, "one", "a");
        assertThrows(InvalidValueException.class, () -> codec.encode(wrongClass));
    }

    @Test
    void udtRoundTrips() {
        TypeCodec<UdtValue> codec = codec(ADDRESS);
        assertRoundTrip(codec, UdtValue.of(ADDRESS, "Main", 1234, null),
                "00000004 4d61696e 00000004 000004d2 ffffffff");
        assertRoundTrip(codec, UdtValue.ofNulls(ADDRESS), "ffffffff ffffffff ffffffff");
        assertNullHandling(codec);
    }

    @Test
    void udtWithFewerFieldsThanTheType() {
        // written before fields were added to the type: the missing trailing fields are NULL
        TypeCodec<UdtValue> codec = codec(ADDRESS);
        UdtValue decoded = codec.decode(hex("00000004 4d61696e"), 0, 8);
        assertEquals(UdtValue.of(ADDRESS, "Main", null, null), decoded);
        assertEquals(UdtValue.ofNulls(ADDRESS), codec.decode(new byte[0], 0, 0));
        assertMalformed(codec, "ffffffff ffffffff ffffffff ffffffff");
    }

    @Test
    void udtFieldsByNameFollowCqlIdentifierRules() {
        UdtValue v = UdtValue.of(ADDRESS, "Main", 1234, null);
        assertEquals("Main", v.getString("street"));
        assertEquals("Main", v.getString("STREET"), "unquoted names are case-insensitive");
        assertEquals("Main", v.getString("\"street\""));
        assertEquals(1234, v.getInt("\"Zip\""), "quoted names are case-sensitive");
        assertEquals(-1, v.indexOf("zip"), "unquoted Zip means zip, which does not exist");
        assertEquals(-1, v.indexOf("\"ZIP\""));
        assertThrows(IllegalArgumentException.class, () -> v.getInt("Zip"));
        assertTrue(v.isNull("city"));
        assertNull(v.getString("city"));
        UdtValue changed = v.with("city", "Paris").with("\"Zip\"", 75000);
        assertEquals("Paris", changed.getString("city"));
        assertEquals(75000, changed.getInt(1));
        assertTrue(v.isNull("city"), "with() copies");
        assertEquals("{street: 'Main', \"Zip\": 1234, city: NULL}", v.toString());
    }

    @Test
    void udtEqualityIgnoresFrozenFlags() {
        UserDefinedType notFrozen = new UserDefinedType("ks", "address", ADDRESS.fieldNames(), ADDRESS.fieldTypes(),
                false);
        assertEquals(UdtValue.of(ADDRESS, "a", 1, "b"), UdtValue.of(notFrozen, "a", 1, "b"));
        UserDefinedType otherName = new UserDefinedType("ks", "place", ADDRESS.fieldNames(), ADDRESS.fieldTypes(),
                true);
        assertNotEquals(UdtValue.of(ADDRESS, "a", 1, "b"), UdtValue.of(otherName, "a", 1, "b"));
        TypeCodec<UdtValue> codec = codec(ADDRESS);
        assertEquals(codec.encode(UdtValue.of(notFrozen, "a", 1, "b")), codec.encode(UdtValue.of(ADDRESS, "a", 1, "b")));
        assertThrows(InvalidValueException.class, () -> codec.encode(UdtValue.of(otherName, "a", 1, "b")));
    }

    @Test
    void nestedUdtsAndCollectionsOfThem() {
        UserDefinedType person = new UserDefinedType("ks", "person", List.of("name", "home", "tags"),
                List.of(PrimitiveType.VARCHAR, ADDRESS, new SetType(PrimitiveType.VARCHAR, true)), true);
        MapType map = new MapType(PrimitiveType.VARCHAR, person, false);
        TypeCodec<Map<String, UdtValue>> codec = codec(map);
        UdtValue bob = UdtValue.of(person, "Bob", UdtValue.of(ADDRESS, "x", null, null), Set.of());
        assertRoundTrip(codec, Map.of("b", bob),
                "00000001 00000001 62 00000020"
                        + " 00000003 426f62"
                        + " 0000000d 00000001 78 ffffffff ffffffff"
                        + " 00000004 00000000");
        UdtValue decoded = codec.decode(codec.encode(Map.of("b", bob))).get("b");
        assertEquals("x", decoded.getUdtValue("home").getString("street"));
        assertEquals(Set.of(), decoded.getSet("tags", String.class));
    }

    @Test
    void unresolvedUdtsHaveNoCodec() {
        UserDefinedType shallow = UserDefinedType.shallow("ks", "address", true);
        assertThrows(CodecNotFoundException.class, () -> TypeCodecs.codecFor(shallow));
        assertThrows(CodecNotFoundException.class, () -> TypeCodecs.codecFor(new ListType(shallow, false)));
        assertThrows(IllegalArgumentException.class, () -> UdtValue.of(shallow));
        assertThrows(IllegalArgumentException.class, () -> new UdtCodec(shallow, List.of()));
        assertFalse(shallow.isResolved());
    }

    @Test
    void udtCodecFromResultMetadata() {
        // the [option] of frozen<address> as the server sends it in result metadata
        io.netty.buffer.ByteBuf option = io.reactivecql.protocol.Bytes.fromHex(
                "0030 0002 6b73 0007 61646472657373 0003"
                        + " 0006 737472656574 000d"
                        + " 0003 5a6970 0009"
                        + " 0004 63697479 000d");
        try {
            DataType type = DataTypeCodec.read(option);
            assertEquals(ADDRESS, type);
            TypeCodec<UdtValue> codec = codec(type);
            assertEquals(1234, codec.decode(hex("ffffffff 00000004 000004d2"), 0, 12).getInt("\"Zip\""));
        } finally {
            option.release();
        }
    }
}
