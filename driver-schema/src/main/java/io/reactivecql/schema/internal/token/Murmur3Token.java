package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

/** A Murmur3Partitioner token: a signed 64-bit integer, ordered as such. */
final class Murmur3Token implements Token {

    final long value;

    Murmur3Token(long value) {
        this.value = value;
    }

    @Override
    public int compareTo(Token other) {
        if (other instanceof Murmur3Token that) {
            return Long.compare(value, that.value);
        }
        throw Tokens.mismatch(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Murmur3Token that && value == that.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
