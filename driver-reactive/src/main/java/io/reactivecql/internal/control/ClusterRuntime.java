package io.reactivecql.internal.control;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.internal.pool.ConnectionPool;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a session holds of the cluster: its pools, its node snapshot and events, and (in cluster
 * mode) the control channel. {@link #single} wraps one pool for sessions opened without
 * discovery.
 */
public interface ClusterRuntime {

    /** Implemented by sessions: how other modules (driver-schema) reach the cluster runtime. */
    interface Holder {
        ClusterRuntime cluster();
    }

    /** The open pools (a snapshot). */
    Collection<ConnectionPool> pools();

    /** The current node snapshot (empty without discovery). */
    List<Node> nodes();

    /** Hot: node changes from now on. */
    Flux<NodeStateEvent> events();

    /** The control channel, when the session discovers the cluster. */
    Optional<ControlChannel> controlChannel();

    /** Closes the control connection and the pools; idempotent. */
    Mono<Void> close();

    /** A runtime of one pool, no discovery. */
    static ClusterRuntime single(ConnectionPool pool) {
        return new ClusterRuntime() {
            @Override
            public Collection<ConnectionPool> pools() {
                return List.of(pool);
            }

            @Override
            public List<Node> nodes() {
                return List.of();
            }

            @Override
            public Flux<NodeStateEvent> events() {
                return Flux.empty();
            }

            @Override
            public Optional<ControlChannel> controlChannel() {
                return Optional.empty();
            }

            @Override
            public Mono<Void> close() {
                return pool.close();
            }

            @Override
            public String toString() {
                return pool.endpoint().toString();
            }
        };
    }
}
