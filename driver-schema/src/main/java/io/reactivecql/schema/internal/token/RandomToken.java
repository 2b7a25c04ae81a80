package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.math.BigInteger;

/** A RandomPartitioner token: an integer in [-1, 2^127], -1 being the minimum token. */
final class RandomToken implements Token {

    final BigInteger value;

    RandomToken(BigInteger value) {
        this.value = value;
    }

    @Override
    public int compareTo(Token other) {
        if (other instanceof RandomToken that) {
            return value.compareTo(that.value);
        }
        throw Tokens.mismatch(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomToken that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
