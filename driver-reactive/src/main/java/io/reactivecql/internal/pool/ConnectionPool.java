package io.reactivecql.internal.pool;

import io.reactivecql.internal.connection.CqlTransport;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The connections to one node. The request path borrows a connection per request, without a lock
 * and without returning it: the connection multiplexes requests, and its in-flight count is the
 * measure of load.
 */
public interface ConnectionPool {

    /** The node. */
    InetSocketAddress endpoint();

    /** The open connection with the fewest requests in flight, or null when none is open. */
    CqlTransport borrow();

    /** The connections, open or not (a snapshot). */
    List<CqlTransport> connections();

    /** Closes every connection; idempotent. */
    Mono<Void> close();
}
