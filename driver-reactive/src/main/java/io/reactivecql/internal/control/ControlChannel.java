package io.reactivecql.internal.control;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.result.RowsResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the control connection offers other modules (driver-schema): queries on the control
 * connection (system and system_schema tables), the raw SCHEMA_CHANGE events it receives, the
 * current nodes, and the replica-locator slot token-aware routing reads.
 *
 * <p>Usage from driver-schema: on {@link #schemaChanges()} (debounced), re-read
 * {@code system_schema.*} with {@link #query(String)}; build a {@code TokenMap<Node>} from
 * {@link #nodes()}' tokens and plug it with {@link #replicaLocator(ReplicaLocator)}; rebuild it on
 * {@code session.nodeEvents()}.
 */
public interface ControlChannel {

    /** The node the control connection is on now, or null while it reconnects. */
    InetSocketAddress endpoint();

    /**
     * Runs {@code cql} (unpaged, CL ONE) on the control connection. Fails with
     * {@link io.reactivecql.api.errors.ConnectionClosedException} while it reconnects, or with the
     * mapped server error.
     */
    Mono<RowsResult> query(String cql);

    /** Hot: every SCHEMA_CHANGE event the control connection receives, as sent (no debouncing). */
    Flux<SchemaChange> schemaChanges();

    /** The current node snapshot. */
    List<Node> nodes();

    /** Hot: the node snapshot after each discovery refresh. */
    Flux<List<Node>> topology();

    /** Hot: the node the control connection re-opened on, each time it did. */
    Flux<InetSocketAddress> reconnections();

    /** Replaces the replica locator token-aware policies use (e.g. with a token map). */
    void replicaLocator(ReplicaLocator locator);
}
