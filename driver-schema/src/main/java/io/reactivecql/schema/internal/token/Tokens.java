package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

/** Helpers shared by the token types. */
final class Tokens {

    private Tokens() {}

    /** The failure of comparing (or looking up) a token of another partitioner. */
    static IllegalArgumentException mismatch(Token expectedKind, Object actual) {
        String actualKind = actual == null ? "null" : actual.getClass().getSimpleName();
        return new IllegalArgumentException("token " + actual + " is a " + actualKind
                + ", not a " + expectedKind.getClass().getSimpleName() + " of this partitioner");
    }
}
