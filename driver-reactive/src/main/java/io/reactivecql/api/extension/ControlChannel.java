package io.reactivecql.api.extension;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.protocol.response.event.SchemaChange;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * What a session's control connection offers extensions: queries on it (system and
 * {@code system_schema} tables: one node answers both {@code system.local} and
 * {@code system.peers}, so their rows are consistent), the SCHEMA_CHANGE events it receives, the
 * node snapshots its discovery produces, and the slot for the replica locator that token-aware
 * load balancing reads. Every {@code Flux} here is hot and emits on driver threads: do not block.
 */
public interface ControlChannel {

    /** The node the control connection is on, or empty while it reconnects. */
    Optional<InetSocketAddress> endpoint();

    /**
     * Runs {@code cql} (no values, one page, consistency ONE) on the control connection and emits its
     * rows. Fails with {@link io.reactivecql.api.errors.ConnectionClosedException} while the control
     * connection reconnects, or with the mapped server error.
     */
    Flux<Row> query(String cql);

    /** Hot: every SCHEMA_CHANGE event received, as sent (no debouncing). */
    Flux<SchemaChange> schemaChanges();

    /**
     * Hot: the node the control connection is on each time it opens again after losing its
     * connection. Events sent while it was down are lost: listeners re-read what they follow.
     */
    Flux<InetSocketAddress> reconnections();

    /** The current node snapshot, with each node's datacenter, rack, tokens and state. */
    List<Node> nodes();

    /** Hot: the node snapshot after each discovery refresh (startup, topology events, reconnection). */
    Flux<List<Node>> topology();

    /** Replaces the replica locator token-aware load balancing uses. */
    void replicaLocator(ReplicaLocator locator);
}
