package io.reactivecql.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts Apache Cassandra nodes, each in its own JVM, for tests, samples and benchmarks.
 *
 * <pre>{@code
 * try (CassandraCluster cluster = EmbeddedCassandra.builder().nodes(3).start()) {
 *     cluster.contactPoints();      // 127.0.0.1:9042, 127.0.0.2:9042, 127.0.0.3:9042
 *     cluster.node(2).kill();
 *     cluster.node(2).start();
 * }
 * }</pre>
 *
 * <p>Cassandra's jars never reach the caller's classpath: the forked JVMs get the classpath the
 * {@code cassandra-runtime} module resolved. Node {@code n} listens on {@code 127.0.0.n} (ports
 * 9042 and 7000) with JMX on {@code 127.0.0.1:(7198 + n)}. Node directories live under
 * {@code ${java.io.tmpdir}/reactivecql-cassandra} (system property {@value #BASE_DIRECTORY_PROPERTY})
 * and are wiped at each start; a node left running by a crashed JVM is killed at the next start.
 * Every node is killed when the JVM exits.
 *
 * <p>The forked JVMs need Java 11 to 17: system property or environment variable
 * {@value #JAVA_HOME_VARIABLE}, else this JVM if it fits, else a Java 17 under /usr/lib/jvm.
 */
public final class EmbeddedCassandra {

    /** System property naming the directory for node directories and pid files. */
    public static final String BASE_DIRECTORY_PROPERTY = "reactivecql.cassandra.dir";

    /** System property or environment variable naming the JDK for the forked JVMs. */
    public static final String JAVA_HOME_VARIABLE = "CASSANDRA_JAVA_HOME";

    private EmbeddedCassandra() {
    }

    /** A builder for a single node with Cassandra's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Cassandra version the nodes run, e.g. {@code 5.0.9}. */
    public static String cassandraVersion() {
        return CassandraRuntime.get().version();
    }

    /**
     * An existing cluster, e.g. from {@code CASSANDRA_CONTACT_POINTS}: comma-separated
     * {@code host[:port]} (port 9042 if absent). Node control is unsupported on it.
     */
    public static CassandraCluster external(String contactPoints, String localDatacenter) {
        return ExternalCluster.parse(contactPoints, localDatacenter);
    }

    static Path defaultBaseDirectory() {
        String configured = System.getProperty(BASE_DIRECTORY_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "reactivecql-cassandra"
                        + (ClusterSpec.addressOffset() == 0 ? "" : "-" + ClusterSpec.addressOffset())).toAbsolutePath();
    }

    /** Settings of the cluster to start. Not thread-safe; {@link #start()} may be called more than once. */
    public static final class Builder {

        private int nodes = 1;
        private String authenticator;
        private ClientEncryption clientEncryption;
        private List<String> datacenters = List.of();
        private List<String> racks = List.of();
        private int heapMegabytes = 512;
        private boolean fastStartup = true;
        private Path baseDirectory;
        private final Map<String, String> extraYaml = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startupTimeout = Duration.ofMinutes(3);
        private Path javaHome;

        private Builder() {
        }

        /** Node count, 1 (default) to 9; all start at once. */
        public Builder nodes(int count) {
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("nodes must be 1..9, was " + count);
            }
            this.nodes = count;
            return this;
        }

        /**
         * The yaml {@code authenticator}, e.g. {@code "PasswordAuthenticator"} (superuser
         * {@code cassandra}/{@code cassandra}); {@code null} for none.
         */
        public Builder authenticator(String authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** TLS on the native port; {@code null} for none. */
        public Builder clientEncryption(ClientEncryption encryption) {
            this.clientEncryption = encryption;
            return this;
        }

        /**
         * The datacenter of each node, node 1 first, e.g. {@code datacenters("dc1", "dc1", "dc2")};
         * switches to GossipingPropertyFileSnitch. Without it: SimpleSnitch, {@code datacenter1}.
         */
        public Builder datacenters(String... perNode) {
            this.datacenters = List.of(perNode);
            return this;
        }

        /** The rack of each node, node 1 first (default {@code rack1}); switches to GossipingPropertyFileSnitch. */
        public Builder racks(String... perNode) {
            this.racks = List.of(perNode);
            return this;
        }

        /** Maximum heap of each node's JVM in MiB (default 512). */
        public Builder heapMegabytes(int megabytes) {
            if (megabytes < 128) {
                throw new IllegalArgumentException("Cassandra needs at least 128 MiB of heap, was " + megabytes);
            }
            this.heapMegabytes = megabytes;
            return this;
        }

        /**
         * Whether the nodes' JVMs compile with C1 only (default {@code true}). On 2 cores that
         * starts 3 nodes in about 20 s instead of 33, but hot code runs slower: benchmarks that
         * measure throughput should pass {@code false}.
         */
        public Builder fastStartup(boolean fast) {
            this.fastStartup = fast;
            return this;
        }

        /**
         * Adds or replaces a top-level cassandra.yaml entry. {@code value} is written verbatim after
         * {@code key: }, so a nested value starts with a line break and indents by two spaces, e.g.
         * {@code yaml("storage_compatibility_mode", "NONE")}.
         */
        public Builder yaml(String key, String value) {
            extraYaml.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds an option to each node's JVM command line. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** Where node directories and pid files live (default: see {@link EmbeddedCassandra}). */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = directory;
            return this;
        }

        /** How long {@link #start()} waits for all nodes to be ready (default 3 minutes). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The JDK (11 to 17) for the nodes' JVMs; overrides {@value #JAVA_HOME_VARIABLE}. */
        public Builder javaHome(Path home) {
            this.javaHome = home;
            return this;
        }

        /**
         * Starts the nodes and waits until every node serves CQL and sees the others UP. Blocks
         * (about 6 s for one node, 18 s for three on 2 cores).
         *
         * @throws EmbeddedCassandraException if a node fails to start, with its log's tail
         */
        public CassandraCluster start() {
            return ForkedCluster.start(spec());
        }

        ClusterSpec spec() {
            checkPerNode("datacenters", datacenters);
            checkPerNode("racks", racks);
            return new ClusterSpec(nodes, authenticator, clientEncryption, datacenters, racks, heapMegabytes,
                    fastStartup, baseDirectory != null ? baseDirectory.toAbsolutePath() : defaultBaseDirectory(),
                    extraYaml, jvmOptions, startupTimeout, javaHome);
        }

        private void checkPerNode(String what, List<String> values) {
            if (!values.isEmpty() && values.size() != nodes) {
                throw new IllegalArgumentException(what + " must name one value per node: " + nodes
                        + " nodes but " + values);
            }
        }
    }
}
