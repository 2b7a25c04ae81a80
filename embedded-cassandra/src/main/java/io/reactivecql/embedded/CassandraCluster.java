package io.reactivecql.embedded;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A running Cassandra cluster: nodes started by {@link EmbeddedCassandra} in their own JVMs, or an
 * existing cluster reached through {@code CASSANDRA_CONTACT_POINTS} (see {@link SharedCassandra}),
 * on which node control throws {@link NodeControlUnsupportedException}.
 *
 * <p>All methods block; this is test and tool code, never to be called on an event loop.
 * {@link #close()} kills every node (SIGKILL: nodes hold test data only).
 */
public interface CassandraCluster extends AutoCloseable {

    /** The nodes, node 1 first. */
    List<CassandraNode> nodes();

    /** Node {@code id}, counted from 1 (node {@code n} of an embedded cluster listens on 127.0.0.n). */
    CassandraNode node(int id);

    /** The node count. */
    default int size() {
        return nodes().size();
    }

    /** Native-protocol addresses of all nodes, to hand to a driver. */
    List<InetSocketAddress> contactPoints();

    /** The datacenter of node 1, which a driver needs as its local DC. */
    String localDatacenter();

    /** Whether nodes can be stopped, killed, paused, restarted and asked through nodetool. */
    boolean supportsNodeControl();

    /**
     * Runs {@code nodetool <args>} against node {@code id} and returns its standard output.
     *
     * @throws EmbeddedCassandraException if nodetool exits with an error or times out
     */
    default String nodetool(int id, String... args) {
        return node(id).nodetool(args);
    }

    /**
     * Waits until every running (not stopped, killed or paused) node serves CQL and, in a cluster,
     * sees every other running node UP and no node joining.
     *
     * @throws EmbeddedCassandraException on timeout or when a node's process died
     */
    void awaitReady();

    /** Whether {@link #close()} was called. */
    boolean isClosed();

    /** Kills every node and forgets their pid files. Idempotent. */
    @Override
    void close();
}
