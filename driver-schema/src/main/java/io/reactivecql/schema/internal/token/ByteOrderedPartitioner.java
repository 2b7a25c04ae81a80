package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Objects;

/** Cassandra's ByteOrderedPartitioner: the token of a key is the key's bytes. */
final class ByteOrderedPartitioner implements InternalPartitioner {

    static final ByteOrderedPartitioner INSTANCE = new ByteOrderedPartitioner();
    static final ByteOrderedToken MIN = new ByteOrderedToken(new byte[0]);

    private ByteOrderedPartitioner() {}

    @Override
    public String className() {
        return BYTE_ORDERED;
    }

    @Override
    public Token hash(ByteBuffer routingKey) {
        Objects.requireNonNull(routingKey, "routingKey");
        byte[] copy = new byte[routingKey.remaining()];
        routingKey.get(routingKey.position(), copy); // absolute: the position stays
        return new ByteOrderedToken(copy);
    }

    @Override
    public Token parse(String token) {
        Objects.requireNonNull(token, "token");
        // Cassandra pads an odd number of hex digits with a leading zero
        String hex = (token.length() & 1) == 1 ? "0" + token : token;
        try {
            return new ByteOrderedToken(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token '" + token
                    + "' is not a ByteOrderedPartitioner token (hex bytes)", e);
        }
    }

    @Override
    public Token minToken() {
        return MIN;
    }

    @Override
    public RingIndex ringIndex(Token[] sortedTokens) {
        return new TokenRingIndex(this, sortedTokens);
    }

    @Override
    public String toString() {
        return "ByteOrderedPartitioner";
    }
}
