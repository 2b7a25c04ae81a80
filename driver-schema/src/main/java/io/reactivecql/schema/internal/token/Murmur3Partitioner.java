package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.nio.ByteBuffer;
import java.util.Objects;

/** Cassandra's default partitioner: {@code h1} of its MurmurHash3 variant, as a signed long. */
final class Murmur3Partitioner implements InternalPartitioner {

    static final Murmur3Partitioner INSTANCE = new Murmur3Partitioner();
    static final Murmur3Token MIN = new Murmur3Token(Long.MIN_VALUE);

    private Murmur3Partitioner() {}

    /**
     * The token of a key as a primitive, allocation-free: the hot path of routing. An empty key is
     * the minimum token; a hash of {@code Long.MIN_VALUE} becomes {@code Long.MAX_VALUE}, as
     * Cassandra reserves the minimum for the empty key.
     */
    static long tokenValue(ByteBuffer routingKey) {
        int length = routingKey.remaining();
        if (length == 0) {
            return Long.MIN_VALUE;
        }
        return normalize(MurmurHash3.h1(routingKey, routingKey.position(), length));
    }

    static long normalize(long hash) {
        return hash == Long.MIN_VALUE ? Long.MAX_VALUE : hash;
    }

    @Override
    public String className() {
        return MURMUR3;
    }

    @Override
    public Token hash(ByteBuffer routingKey) {
        return new Murmur3Token(tokenValue(Objects.requireNonNull(routingKey, "routingKey")));
    }

    @Override
    public Token parse(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return new Murmur3Token(Long.parseLong(token));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token '" + token
                    + "' is not a Murmur3Partitioner token (a signed 64-bit integer)", e);
        }
    }

    @Override
    public Token minToken() {
        return MIN;
    }

    @Override
    public RingIndex ringIndex(Token[] sortedTokens) {
        return new LongRingIndex(sortedTokens);
    }

    @Override
    public String toString() {
        return "Murmur3Partitioner";
    }
}
