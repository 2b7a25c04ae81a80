package io.reactivecql.internal.connection;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The narrow seam between the session layer and the network: one ready connection to one node.
 * Everything above it (paging, retries, prepared statements, the mapper) is written against this
 * interface, so it can be unit-tested with a scripted fake and no socket.
 *
 * <p>Implementations multiplex stream ids; {@link #send} is cold and may be called from any
 * thread. Cancelling the returned {@code Mono} before the answer arrives leaves the stream id
 * orphaned until the server answers (a late answer is dropped, never delivered to another
 * request).
 */
public interface CqlTransport {

    /** The node this connection talks to. */
    InetSocketAddress endpoint();

    /** The protocol version negotiated at startup. */
    ProtocolVersion protocolVersion();

    /**
     * Sends a request; emits the response envelope (whose message may be an error response: the
     * caller maps server errors), or fails with a driver error (connection closed, busy, protocol
     * violation).
     *
     * @param tracing       asks the server to trace the request
     * @param customPayload sent with the request (empty for none)
     */
    Mono<Envelope> send(Request request, boolean tracing, Map<String, ByteBuffer> customPayload);

    /**
     * {@link #send(Request, boolean, Map)} subscribed by {@code subscriber} at once (an
     * implementation may then skip the {@code Mono}).
     */
    default void send(Request request, boolean tracing, Map<String, ByteBuffer> customPayload,
                      CoreSubscriber<? super Envelope> subscriber) {
        send(request, tracing, customPayload).subscribe(subscriber);
    }

    /** {@link #send(Request, boolean, Map)} without tracing or payload. */
    default Mono<Envelope> send(Request request) {
        return send(request, false, Map.of());
    }

    /** Server-pushed EVENT envelopes, for a connection that REGISTERed (the control connection). */
    Flux<Envelope> events();

    /** Requests written and not yet answered (orphans included): the pool's measure of busyness. */
    int inFlight();

    /**
     * How long requests on this connection have been waiting while nothing was read from the node
     * ({@code now} from {@link System#nanoTime()}); 0 when none is in flight. A node that stops
     * answering shows here long before its requests time out.
     */
    default long unansweredNanos(long now) {
        return 0;
    }

    /** Requests waiting to be written (no stream id free, or held back); 0 for transports without a queue. */
    default int queued() {
        return 0;
    }

    /** Stream ids held by cancelled requests whose answer has not come yet (counted in {@link #inFlight()}). */
    default int orphanedStreamIds() {
        return 0;
    }

    /** Answers that arrived for cancelled requests and were dropped, since the connection opened. */
    default long orphanedAnswers() {
        return 0;
    }

    /** Whether the connection is closed or closing: it takes no more requests. */
    boolean isClosed();

    /** Completes when the connection is closed; fails every pending request with a typed error. */
    Mono<Void> close();
}
