package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.reactivecql.protocol.types.CodecAssertions.assertMalformed;
import static io.reactivecql.protocol.types.CodecAssertions.assertNullHandling;
import static io.reactivecql.protocol.types.CodecAssertions.assertRoundTrip;
import static io.reactivecql.protocol.types.CodecAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionCodecsTest {

    private static final ListType LIST_INT = new ListType(PrimitiveType.INT, false);
    private static final SetType SET_TEXT = new SetType(PrimitiveType.VARCHAR, false);
    private static final MapType MAP_TEXT_INT = new MapType(PrimitiveType.VARCHAR, PrimitiveType.INT, false);

    @SuppressWarnings("unchecked")
    private static <T> TypeCodec<T> codec(DataType type) {
        return (TypeCodec<T>) TypeCodecs.codecFor(type);
    }

    @Test
    void listOfInts() {
        TypeCodec<List<Integer>> codec = codec(LIST_INT);
        assertRoundTrip(codec, List.of(1, 2), "00000002 00000004 00000001 00000004 00000002");
        assertRoundTrip(codec, List.of(), "00000000");
        assertNullHandling(codec);
        assertEquals(List.of(), codec.decode(new byte[0], 0, 0), "an empty value is an empty list");
        List<Integer> many = new ArrayList<>();
        StringBuilder hex = new StringBuilder(String.format("%08x", 1000));
        for (int i = 0; i < 1000; i++) {
            many.add(i - 500);
            hex.append("00000004").append(String.format("%08x", i - 500));
        }
        assertRoundTrip(codec, many, hex.toString());
    }

    @Test
    void decodedCollectionsAreMutableAndOwnedByTheCaller() {
        TypeCodec<List<Integer>> codec = codec(LIST_INT);
        List<Integer> decoded = codec.decode(hex("00000001 00000004 00000001"), 0, 12);
        decoded.add(2);
        assertEquals(List.of(1, 2), decoded);
    }

    @Test
    void setKeepsTheServerOrder() {
        TypeCodec<Set<String>> codec = codec(SET_TEXT);
        Set<String> set = new LinkedHashSet<>(List.of("b", "a"));
        assertRoundTrip(codec, set, "00000002 00000001 62 00000001 61");
        assertEquals(List.of("b", "a"), new ArrayList<>(codec.decode(hex("00000002 00000001 62 00000001 61"), 0, 14)));
        assertRoundTrip(codec, Set.of(), "00000000");
        assertEquals(Set.of(), codec.decode(new byte[0], 0, 0));
        assertRoundTrip(codec, Set.of(""), "00000001 00000000", Set.of(""));
        assertNullHandling(codec);
    }

    @Test
    void mapKeepsTheServerOrder() {
        TypeCodec<Map<String, Integer>> codec = codec(MAP_TEXT_INT);
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", -1);
        assertRoundTrip(codec, map, "00000002 00000001 7a 00000004 00000001 00000001 61 00000004 ffffffff");
        assertEquals(List.of("z", "a"), new ArrayList<>(codec.decode(codec.encode(map)).keySet()));
        assertRoundTrip(codec, Map.of(), "00000000");
        assertEquals(Map.of(), codec.decode(new byte[0], 0, 0));
        assertNullHandling(codec);
    }

    @Test
    void nestedFrozenCollections() {
        ListType type = new ListType(new ListType(PrimitiveType.INT, true), false);
        TypeCodec<List<List<Integer>>> codec = codec(type);
        assertRoundTrip(codec, List.of(List.of(1), List.of()),
                "00000002 0000000c 00000001 00000004 00000001 00000004 00000000");

        // frozen<map<text, list<frozen<tuple<int, vector<float, 3>>>>>>
        DataType deep = DataTypeCqlParser.parse("frozen<map<text, list<frozen<tuple<int, vector<float, 3>>>>>>");
        TupleType tupleType = (TupleType) ((ListType) ((MapType) deep).valueType()).elementType();
        TupleValue tuple = TupleValue.of(tupleType, 1, CqlVector.of(1.0f, 2.5f, -3.0f));
        TypeCodec<Map<String, List<TupleValue>>> deepCodec = codec(deep);
        assertRoundTrip(deepCodec, Map.of("k", List.of(tuple)),
                "00000001 00000001 6b 00000020"
                        + " 00000001 00000018 00000004 00000001 0000000c 3f800000 40200000 c0400000");
    }

    @Test
    void nullElementsDecodeButCannotBeEncoded() {
        TypeCodec<List<Integer>> list = codec(LIST_INT);
        assertEquals(Arrays.asList(1, null), list.decode(hex("00000002 00000004 00000001 ffffffff"), 0, 16));
        assertThrows(InvalidValueException.class, () -> list.encode(Arrays.asList(1, null)));
        TypeCodec<Map<String, Integer>> map = codec(MAP_TEXT_INT);
        Map<String, Integer> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThrows(InvalidValueException.class, () -> map.encode(nullValue));
        Map<String, Integer> nullKey = new LinkedHashMap<>();
        nullKey.put(null, 1);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            assertThrows(InvalidValueException.class, () -> map.encodeValue(nullKey, out));
            assertEquals(0, out.writerIndex(), "a failed encode leaves nothing behind");
        } finally {
            out.release();
        }
    }

    @Test
    void wrongElementClassIsAnInvalidValue() {
        TypeCodec<List<Object>> codec = codec(LIST_INT);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            out.writeByte(1);
            assertThrows(InvalidValueException.class, () -> codec.encodeValue(List.of(1, "two"), out));
            Bytes.assertBytes("01", out);
            assertThrows(InvalidValueException.class, () -> codec.encodeObject("not a list", out));
            assertThrows(InvalidValueException.class, () -> codec.encode(List.of("x")));
        } finally {
            out.release();
        }
    }

    @Test
    void malformedCollections() {
        TypeCodec<List<Integer>> list = codec(LIST_INT);
        assertMalformed(list, "000000");                              // truncated count
        assertMalformed(list, "ffffffff");                            // negative count
        assertMalformed(list, "7fffffff 00000000");                   // a count the bytes cannot hold
        assertMalformed(list, "00000001 00000004 0000");              // truncated element
        assertMalformed(list, "00000001 000000");                     // truncated element length
        assertMalformed(list, "00000001 fffffffe");                   // invalid element length
        assertMalformed(list, "00000001 80000000");                   // hugely negative element length
        assertMalformed(list, "00000001 7fffffff 00");                // element longer than the value
        assertMalformed(list, "00000000 00");                         // trailing bytes
        assertMalformed(list, "00000001 00000003 000001");            // element of the wrong size
        assertMalformed(codec(MAP_TEXT_INT), "00000001 00000000");    // key without value
        assertMalformed(codec(MAP_TEXT_INT), "20000000 00000000 00000000");
        assertMalformed(codec(SET_TEXT), "00000002 00000000");
    }

    @Test
    void componentCodecsAreCheckedAgainstTheType() {
        assertThrows(IllegalArgumentException.class, () -> new CollectionCodecs.ListCodec<>(LIST_INT, TypeCodecs.TEXT));
        assertThrows(IllegalArgumentException.class,
                () -> new CollectionCodecs.MapCodec<>(MAP_TEXT_INT, TypeCodecs.TEXT, TypeCodecs.BIGINT));
        // frozen flags do not matter: they do not change the bytes
        ListType frozenInner = new ListType(new ListType(PrimitiveType.INT, true), false);
        CollectionCodecs.ListCodec<List<Integer>> codec = new CollectionCodecs.ListCodec<>(frozenInner,
                new CollectionCodecs.ListCodec<>(LIST_INT, TypeCodecs.INT));
        assertEquals(List.of(codec.elementCodec()), codec.componentCodecs());
        assertEquals(List.class, codec.javaType());
        assertTrue(codec.accepts(List.of()));
    }
}
