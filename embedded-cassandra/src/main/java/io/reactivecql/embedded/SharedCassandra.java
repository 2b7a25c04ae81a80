package io.reactivecql.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster per JVM, shared by every caller that asks for the same settings: starting Cassandra
 * costs seconds, so test classes reuse it. Asking for other settings (say 3 nodes while 1 runs)
 * kills the running cluster first, since both would use 127.0.0.1:9042. The cluster is killed when
 * the JVM exits. Don't {@code close()} it unless you mean to: the next caller then starts a new one.
 *
 * <p>When the environment variable {@value #CONTACT_POINTS_VARIABLE} is set (comma-separated
 * {@code host[:port]}), every caller gets that existing cluster instead (local DC from
 * {@value #LOCAL_DATACENTER_VARIABLE}, default {@code datacenter1}), without node control.
 */
public final class SharedCassandra {

    /** Environment variable naming an existing cluster to use instead of starting one. */
    public static final String CONTACT_POINTS_VARIABLE = "CASSANDRA_CONTACT_POINTS";
    /** Environment variable naming that cluster's local datacenter. */
    public static final String LOCAL_DATACENTER_VARIABLE = "CASSANDRA_LOCAL_DATACENTER";

    private static final Logger LOG = LoggerFactory.getLogger(SharedCassandra.class);

    private static ForkedCluster current;
    private static CassandraCluster external;

    private SharedCassandra() {
    }

    /** The shared cluster of {@code nodes} nodes with default settings. */
    public static CassandraCluster acquire(int nodes) {
        return acquire(EmbeddedCassandra.builder().nodes(nodes));
    }

    /**
     * The shared cluster started with {@code settings}: the running one if it has the same settings
     * (its paused, stopped or killed nodes brought back first), else a new one. Blocks.
     */
    public static CassandraCluster acquire(EmbeddedCassandra.Builder settings) {
        return acquire(settings.spec(), System.getenv(CONTACT_POINTS_VARIABLE), System.getenv(LOCAL_DATACENTER_VARIABLE));
    }

    static synchronized CassandraCluster acquire(ClusterSpec spec, String contactPoints, String localDatacenter) {
        if (contactPoints != null && !contactPoints.isBlank()) {
            if (external == null) {
                external = ExternalCluster.parse(contactPoints, localDatacenter);
                LOG.info("using {} from {}", external, CONTACT_POINTS_VARIABLE);
            }
            return external;
        }
        if (current != null && !current.isClosed() && current.spec().equals(spec)) {
            try {
                current.heal();
                return current;
            } catch (EmbeddedCassandraException e) {
                LOG.warn("shared cluster could not be brought back, starting a new one: {}", e.getMessage());
            }
        }
        release();
        current = ForkedCluster.start(spec);
        return current;
    }

    /** Kills the shared cluster, if any, e.g. to free its addresses for a cluster of one's own. */
    public static synchronized void release() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Whether {@code cluster} is the one this class shares. */
    public static synchronized boolean isShared(CassandraCluster cluster) {
        return cluster != null && (cluster == current || cluster == external);
    }
}
