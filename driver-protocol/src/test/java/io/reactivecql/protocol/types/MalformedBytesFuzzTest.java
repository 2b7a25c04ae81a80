package io.reactivecql.protocol.types;

import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and mutated bytes, decoded by codecs of every kind: the only failure allowed is a
 * {@link ProtocolException}, never an IndexOutOfBounds, NegativeArraySize, OutOfMemory or a
 * parse exception from the JDK.
 */
class MalformedBytesFuzzTest {

    private static final List<DataType> TYPES = new ArrayList<>();

    static {
        TYPES.addAll(List.of(PrimitiveType.values()));
        for (String cql : new String[] {"list<int>", "set<text>", "map<text, bigint>", "list<frozen<list<varint>>>",
            "frozen<tuple<int, text, frozen<list<duration>>>>", "vector<float, 3>", "vector<text, 2>",
            "vector<smallint, 3>", "vector<vector<float, 2>, 2>", "vector<frozen<list<int>>, 2>",
            "map<frozen<tuple<int, decimal>>, frozen<set<inet>>>", "'org.example.Custom'"}) {
            TYPES.add(DataTypeCqlParser.parse(cql));
        }
        TYPES.add(new UserDefinedType("ks", "u", List.of("a", "b"),
                List.of(PrimitiveType.TIME, new ListType(PrimitiveType.DATE, true)), true));
    }

    private static void decodeOrProtocolException(TypeCodec<?> codec, byte[] bytes, int offset, int length) {
        try {
            codec.decode(bytes, offset, length);
        } catch (ProtocolException expected) {
            // the one allowed failure
        } catch (Throwable t) {
            fail(codec + " threw " + t + " decoding " + java.util.HexFormat.of().formatHex(bytes, offset,
                    offset + Math.max(length, 0)), t);
        }
    }

    @Test
    void randomBytes() {
        Random random = new Random(2024);
        for (DataType type : TYPES) {
            TypeCodec<?> codec = TypeCodecs.codecFor(type);
            for (int i = 0; i < 1500; i++) {
                byte[] bytes = new byte[random.nextInt(48)];
                random.nextBytes(bytes);
                // bias towards small lengths and counts so that nested decoding is reached
                if (bytes.length >= 4 && random.nextBoolean()) {
                    bytes[0] = 0;
                    bytes[1] = 0;
                    bytes[2] = 0;
                    bytes[3] = (byte) random.nextInt(4);
                }
                decodeOrProtocolException(codec, bytes, 0, bytes.length);
            }
        }
    }

    @Test
    void mutatedValidValues() {
        Random random = new Random(99);
        List<Object[]> samples = List.of(
                new Object[] {DataTypeCqlParser.parse("list<int>"), List.of(1, 2, 3)},
                new Object[] {DataTypeCqlParser.parse("map<text, bigint>"), java.util.Map.of("a", 1L, "bb", 2L)},
                new Object[] {DataTypeCqlParser.parse("vector<text, 2>"), CqlVector.of("x", "yz")},
                new Object[] {PrimitiveType.DURATION, CqlDuration.parse("1y2mo3d4h")},
                new Object[] {PrimitiveType.DECIMAL, new java.math.BigDecimal("12.345")},
                new Object[] {PrimitiveType.VARINT, BigInteger.TEN.pow(30)},
                new Object[] {DataTypeCqlParser.parse("list<frozen<list<varint>>>"),
                    List.of(List.of(BigInteger.ONE), List.of())});
        for (Object[] sample : samples) {
            @SuppressWarnings("unchecked")
            TypeCodec<Object> codec = (TypeCodec<Object>) TypeCodecs.codecFor((DataType) sample[0]);
            ByteBuffer encoded = codec.encode(sample[1]);
            byte[] valid = new byte[encoded.remaining()];
            encoded.get(valid);
            for (int i = 0; i < 2500; i++) {
                byte[] bytes = valid.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips && bytes.length > 0; f++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
                decodeOrProtocolException(codec, bytes, 0, length);
            }
        }
    }
}
