package io.reactivecql.schema.api.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRangeTest {

    private static final Partitioner MURMUR3 = Partitioner.forClassName(Partitioner.MURMUR3);

    private static Token t(long value) {
        return MURMUR3.parse(Long.toString(value));
    }

    @Test
    void rangeExcludesStartAndIncludesEnd() {
        TokenRange range = new TokenRange(t(10), t(20));
        assertFalse(range.contains(t(10)));
        assertTrue(range.contains(t(11)));
        assertTrue(range.contains(t(20)));
        assertFalse(range.contains(t(21)));
        assertFalse(range.isWrappedAround());
        assertFalse(range.isFullRing());
        assertEquals("(10, 20]", range.toString());
    }

    @Test
    void wrappedRangeGoesPastTheEndOfTheRing() {
        TokenRange range = new TokenRange(t(20), t(10));
        assertTrue(range.isWrappedAround());
        assertTrue(range.contains(t(Long.MAX_VALUE)));
        assertTrue(range.contains(t(Long.MIN_VALUE)));
        assertTrue(range.contains(t(10)));
        assertFalse(range.contains(t(15)));
        assertFalse(range.contains(t(20)));
    }

    @Test
    void rangeFromATokenToItselfIsTheWholeRing() {
        TokenRange range = new TokenRange(t(5), t(5));
        assertTrue(range.isFullRing());
        assertTrue(range.contains(t(5)));
        assertTrue(range.contains(t(Long.MIN_VALUE)));
        assertTrue(range.contains(t(6)));
    }

    @Test
    void tokensOfTwoPartitionersAreRejected() {
        Token random = Partitioner.forClassName(Partitioner.RANDOM).parse("1");
        assertThrows(IllegalArgumentException.class, () -> new TokenRange(t(1), random));
        assertThrows(IllegalArgumentException.class, () -> new TokenRange(t(1), t(2)).contains(random));
        assertThrows(NullPointerException.class, () -> new TokenRange(null, t(2)));
    }
}
