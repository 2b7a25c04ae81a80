package io.reactivecql.internal.request;

import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;

import java.net.InetSocketAddress;

/**
 * A successful answer: the response envelope (never an error) and where it came from.
 *
 * @param envelope  the response
 * @param node      the node that answered
 * @param transport the connection it came on
 */
record Answer(Envelope envelope, InetSocketAddress node, CqlTransport transport) {
}
