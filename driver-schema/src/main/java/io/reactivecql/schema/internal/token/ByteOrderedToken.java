package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.util.Arrays;
import java.util.HexFormat;

/** A ByteOrderedPartitioner token: bytes, ordered as unsigned bytes, a prefix before longer ones. */
final class ByteOrderedToken implements Token {

    private final byte[] bytes; // never exposed nor mutated

    /** Takes ownership of {@code bytes}: callers pass a fresh copy. */
    ByteOrderedToken(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int compareTo(Token other) {
        if (other instanceof ByteOrderedToken that) {
            return Arrays.compareUnsigned(bytes, that.bytes);
        }
        throw Tokens.mismatch(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteOrderedToken that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case hex, as Cassandra stores ByteOrderedPartitioner tokens. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
