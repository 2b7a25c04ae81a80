package io.reactivecql.internal.request;

import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A successful answer: the response envelope (never an error), where it came from, and how the
 * request got there.
 *
 * @param envelope             the response
 * @param node                 the node that answered
 * @param transport            the connection it came on
 * @param retryCount           the retries made (by every execution)
 * @param speculativeExecutions the speculative executions started
 * @param errors               the errors met before, in order, with the node of each
 */
record Answer(Envelope envelope, InetSocketAddress node, CqlTransport transport, int retryCount,
              int speculativeExecutions, List<Map.Entry<InetSocketAddress, Throwable>> errors) {

    Answer(Envelope envelope, InetSocketAddress node, CqlTransport transport) {
        this(envelope, node, transport, 0, 0, List.of());
    }

    /** This answer with the story of its request. */
    Answer withHistory(int retries, int speculative, List<Map.Entry<InetSocketAddress, Throwable>> errorList) {
        if (retries == retryCount && speculative == speculativeExecutions && errorList.equals(errors)) {
            return this; // the common case: nothing happened on the way
        }
        return new Answer(envelope, node, transport, retries, speculative, List.copyOf(errorList));
    }
}
