package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.Token;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A ring of {@link Token} objects, for the partitioners whose hash allocates a token anyway. */
final class TokenRingIndex implements RingIndex {

    private final Partitioner partitioner;
    private final Token[] tokens;

    TokenRingIndex(Partitioner partitioner, Token[] sortedTokens) {
        this.partitioner = partitioner;
        this.tokens = sortedTokens.clone();
    }

    @Override
    public int indexOf(ByteBuffer routingKey) {
        return indexOf(partitioner.hash(routingKey));
    }

    @Override
    public int indexOf(Token token) {
        // Token.compareTo throws IllegalArgumentException for a token of another partitioner
        return RingIndex.wrap(Arrays.binarySearch(tokens, token), tokens.length);
    }
}
