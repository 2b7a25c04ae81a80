package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The Murmur3 ring as a {@code long[]}: hashing and searching a key allocate nothing. */
final class LongRingIndex implements RingIndex {

    private final long[] values;

    LongRingIndex(Token[] sortedTokens) {
        values = new long[sortedTokens.length];
        for (int i = 0; i < sortedTokens.length; i++) {
            values[i] = ((Murmur3Token) sortedTokens[i]).value;
        }
    }

    @Override
    public int indexOf(ByteBuffer routingKey) {
        return indexOf(Murmur3Partitioner.tokenValue(routingKey));
    }

    @Override
    public int indexOf(Token token) {
        if (token instanceof Murmur3Token murmur3) {
            return indexOf(murmur3.value);
        }
        throw Tokens.mismatch(Murmur3Partitioner.MIN, token);
    }

    private int indexOf(long token) {
        return RingIndex.wrap(Arrays.binarySearch(values, token), values.length);
    }
}
