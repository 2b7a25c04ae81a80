package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.Token;

/** A supported partitioner, which also knows how to search a ring of its tokens. */
sealed interface InternalPartitioner extends Partitioner
        permits Murmur3Partitioner, RandomPartitioner, ByteOrderedPartitioner {

    /** A search index over {@code sortedTokens} (ascending, distinct, all of this partitioner). */
    RingIndex ringIndex(Token[] sortedTokens);
}
