package io.reactivecql.schema.api.token;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionerTest {

    private static final Partitioner MURMUR3 = Partitioner.forClassName(Partitioner.MURMUR3);
    private static final Partitioner RANDOM = Partitioner.forClassName(Partitioner.RANDOM);
    private static final Partitioner BYTE_ORDERED = Partitioner.forClassName(Partitioner.BYTE_ORDERED);

    @Test
    void partitionersAreFoundByQualifiedOrSimpleClassName() {
        assertSame(MURMUR3, Partitioner.forClassName("Murmur3Partitioner"));
        assertSame(RANDOM, Partitioner.forClassName("RandomPartitioner"));
        assertSame(BYTE_ORDERED, Partitioner.forClassName("ByteOrderedPartitioner"));
        assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", MURMUR3.className());
        assertEquals("org.apache.cassandra.dht.RandomPartitioner", RANDOM.className());
        assertEquals("org.apache.cassandra.dht.ByteOrderedPartitioner", BYTE_ORDERED.className());
    }

    @Test
    void unknownPartitionerFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Partitioner.forClassName("org.apache.cassandra.dht.OrderPreservingPartitioner"));
        assertTrue(e.getMessage().contains("OrderPreservingPartitioner"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Partitioner.forClassName(null));
    }

    @Test
    void murmur3TokensParseCompareAndPrintAsSignedLongs() {
        List<Token> tokens = new ArrayList<>();
        for (String s : new String[] {"9223372036854775807", "-9223372036854775808", "0", "-1", "42"}) {
            Token t = MURMUR3.parse(s);
            assertEquals(s, t.toString());
            assertEquals(t, MURMUR3.parse(s));
            assertEquals(t.hashCode(), MURMUR3.parse(s).hashCode());
            tokens.add(t);
        }
        tokens.sort(null);
        assertEquals("[-9223372036854775808, -1, 0, 42, 9223372036854775807]", tokens.toString());
        assertEquals(MURMUR3.parse("-9223372036854775808"), MURMUR3.minToken());
    }

    @Test
    void randomTokensAreIntegersFromMinusOneTo2Pow127() {
        String max = BigInteger.ONE.shiftLeft(127).toString();
        assertEquals(max, RANDOM.parse(max).toString());
        assertEquals("-1", RANDOM.minToken().toString());
        assertTrue(RANDOM.parse("10").compareTo(RANDOM.parse("9")) > 0, "numeric, not lexical, order");
        assertThrows(IllegalArgumentException.class, () -> RANDOM.parse("-2"));
        assertThrows(IllegalArgumentException.class,
                () -> RANDOM.parse(BigInteger.ONE.shiftLeft(127).add(BigInteger.ONE).toString()));
    }

    @Test
    void byteOrderedTokensAreHexBytesOrderedUnsignedWithPrefixesFirst() {
        assertEquals("00ff", BYTE_ORDERED.parse("00FF").toString());
        assertEquals("0a", BYTE_ORDERED.parse("a").toString(), "odd digit counts get a leading zero");
        assertEquals("", BYTE_ORDERED.minToken().toString());
        assertTrue(BYTE_ORDERED.parse("80").compareTo(BYTE_ORDERED.parse("7f")) > 0, "unsigned bytes");
        assertTrue(BYTE_ORDERED.parse("01").compareTo(BYTE_ORDERED.parse("0100")) < 0, "prefix first");
        assertTrue(BYTE_ORDERED.minToken().compareTo(BYTE_ORDERED.parse("00")) < 0);
        assertEquals(BYTE_ORDERED.parse("6b6579"), BYTE_ORDERED.hash(ByteBuffer.wrap("key".getBytes())));
    }

    @Test
    void malformedTokensFailNamingTheString() {
        for (Partitioner p : List.of(MURMUR3, RANDOM, BYTE_ORDERED)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.parse("12x"));
            assertTrue(e.getMessage().contains("'12x'"), e.getMessage());
            assertThrows(NullPointerException.class, () -> p.parse(null));
            assertThrows(NullPointerException.class, () -> p.hash(null));
        }
        assertThrows(IllegalArgumentException.class, () -> MURMUR3.parse("9223372036854775808"));
        assertThrows(IllegalArgumentException.class, () -> MURMUR3.parse(" 1"));
    }

    @Test
    void tokensOfDifferentPartitionersDoNotCompare() {
        Token murmur3 = MURMUR3.parse("1");
        Token random = RANDOM.parse("1");
        assertNotEquals(murmur3, random);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> murmur3.compareTo(random));
        assertTrue(e.getMessage().contains("RandomToken"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> random.compareTo(murmur3));
        assertThrows(IllegalArgumentException.class, () -> BYTE_ORDERED.parse("01").compareTo(murmur3));
    }

    @Test
    void hashingLeavesTheBufferAsItWas() {
        ByteBuffer key = ByteBuffer.wrap("abcdefghijklmnopqrstuvwxyz".getBytes()).position(2).limit(20);
        for (Partitioner p : List.of(MURMUR3, RANDOM, BYTE_ORDERED)) {
            Token first = p.hash(key);
            assertEquals(2, key.position());
            assertEquals(20, key.limit());
            assertEquals(first, p.hash(key.slice()), "only position..limit is hashed");
        }
    }
}
