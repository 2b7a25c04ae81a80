package io.reactivecql.internal.pool;

import io.reactivecql.api.metadata.PoolStatistics;
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

    /** A snapshot of what the pool's connections are doing: load and orphans of the open ones. */
    default PoolStatistics statistics() {
        int open = 0;
        int inFlight = 0;
        int queued = 0;
        int orphaned = 0;
        long dropped = 0;
        for (CqlTransport c : connections()) {
            dropped += c.orphanedAnswers();
            if (!c.isClosed()) {
                open++;
                inFlight += c.inFlight();
                queued += c.queued();
                orphaned += c.orphanedStreamIds();
            }
        }
        return new PoolStatistics(endpoint(), open, inFlight, queued, orphaned, dropped);
    }
}
