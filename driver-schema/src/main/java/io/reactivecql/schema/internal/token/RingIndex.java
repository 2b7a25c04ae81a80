package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.nio.ByteBuffer;

/**
 * Finds, on a sorted ring, the index of the first token at or after a given one, wrapping past the
 * last token to index 0: the ring token whose range {@code (previous, token]} holds it.
 */
interface RingIndex {

    /** The ring index of the range holding the token of {@code routingKey} (left untouched). */
    int indexOf(ByteBuffer routingKey);

    /**
     * The ring index of the range holding {@code token}.
     *
     * @throws IllegalArgumentException when {@code token} comes from another partitioner
     */
    int indexOf(Token token);

    /** Binary search result to ring index: the insertion point, wrapped past the end. */
    static int wrap(int searchResult, int ringSize) {
        int index = searchResult >= 0 ? searchResult : -searchResult - 1;
        return index == ringSize ? 0 : index;
    }
}
