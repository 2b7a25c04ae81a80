package io.reactivecql.internal.connection;

import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Opens ready connections: TCP (and TLS), then the {@code StartupFlow} (OPTIONS, STARTUP, SASL
 * authentication, protocol negotiation, v5 framing), then the optional {@code RegisterFlow} and
 * {@code USE keyspace}. Emits the connection once it takes requests, or a typed error.
 */
public interface ConnectionFactory {

    /** Connects to {@code endpoint}; non-blocking; cancelling abandons and closes the attempt. */
    Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config);

    /** Releases the event loops and other resources this factory owns. */
    Mono<Void> close();
}
