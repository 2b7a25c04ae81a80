package io.reactivecql.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a cluster is started with, immutable. Being a record it compares by value, which lets
 * {@link SharedCassandra} reuse a running cluster only when it was started with the same settings.
 *
 * @param nodes          node count; node {@code n} listens on {@code 127.0.0.n}
 * @param authenticator  the yaml {@code authenticator}, or {@code null} for Cassandra's default
 * @param clientEncryption TLS on the native port, or {@code null}
 * @param datacenters    DC of each node (index 0 is node 1); empty means SimpleSnitch
 * @param racks          rack of each node; empty means {@code rack1} everywhere
 * @param heapMegabytes  the forked JVM's -Xmx
 * @param fastStartup    C1 JIT only in the forked JVMs
 * @param baseDirectory  where node directories and pid files live
 * @param extraYaml      yaml entries added to, or replacing, the generated ones
 * @param jvmOptions     extra options for each node's JVM
 * @param startupTimeout how long {@code start()} waits for the cluster to be ready
 * @param javaHome       the JDK for the forked JVMs, or {@code null} to pick one
 */
record ClusterSpec(
        int nodes,
        String authenticator,
        ClientEncryption clientEncryption,
        List<String> datacenters,
        List<String> racks,
        int heapMegabytes,
        boolean fastStartup,
        Path baseDirectory,
        Map<String, String> extraYaml,
        List<String> jvmOptions,
        Duration startupTimeout,
        Path javaHome) {

    static final String DEFAULT_DATACENTER = "datacenter1";
    static final String DEFAULT_RACK = "rack1";
    static final int NATIVE_PORT = 9042;
    static final int STORAGE_PORT = 7000;
    static final int FIRST_JMX_PORT = 7199;

    ClusterSpec {
        datacenters = List.copyOf(datacenters);
        racks = List.copyOf(racks);
        extraYaml = Map.copyOf(extraYaml);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Whether nodes carry a DC/rack, which needs GossipingPropertyFileSnitch. */
    boolean hasTopology() {
        return !datacenters.isEmpty() || !racks.isEmpty();
    }

    String datacenterOf(int node) {
        return datacenters.isEmpty() ? DEFAULT_DATACENTER : datacenters.get(node - 1);
    }

    String rackOf(int node) {
        return racks.isEmpty() ? DEFAULT_RACK : racks.get(node - 1);
    }

    /**
     * Shifts every node to 127.0.0.(offset + n) and JMX port 7198 + offset + n, so that two builds
     * on one machine (e.g. two developers' test runs) can each run their own nodes. Default 0.
     */
    static final String ADDRESS_OFFSET_PROPERTY = "reactivecql.cassandra.addressOffset";

    static int addressOffset() {
        int offset = Integer.getInteger(ADDRESS_OFFSET_PROPERTY, 0);
        if (offset < 0 || offset > 240) {
            throw new IllegalArgumentException(ADDRESS_OFFSET_PROPERTY + " must be in 0..240, was " + offset);
        }
        return offset;
    }

    static String addressOf(int node) {
        return "127.0.0." + (addressOffset() + node);
    }

    static int jmxPortOf(int node) {
        return FIRST_JMX_PORT + addressOffset() + node - 1;
    }

    /** The directory of node {@code n}: {@code <base>/node<n>}. */
    Path nodeDirectory(int node) {
        return baseDirectory.resolve("node" + node);
    }
}
