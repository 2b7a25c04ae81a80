package io.reactivecql.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Nodes started by this library, one JVM each. */
final class ForkedCluster implements CassandraCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedCluster.class);

    private final ClusterSpec spec;
    private final CassandraRuntime runtime;
    private final Path java;
    private final Optional<Path> setpriv;
    private final List<ForkedNode> nodes;
    private volatile boolean closed;

    private ForkedCluster(ClusterSpec spec, CassandraRuntime runtime, Path java, Optional<Path> setpriv) {
        this.spec = spec;
        this.runtime = runtime;
        this.java = java;
        this.setpriv = setpriv;
        List<ForkedNode> all = new ArrayList<>();
        for (int id = 1; id <= spec.nodes(); id++) {
            all.add(new ForkedNode(this, spec, id));
        }
        this.nodes = List.copyOf(all);
    }

    /** Starts every node at once and waits until the cluster is ready; kills them all on failure. */
    static ForkedCluster start(ClusterSpec spec) {
        long started = System.nanoTime();
        ForkedCluster cluster = new ForkedCluster(spec, CassandraRuntime.get(),
                JavaLocator.javaExecutable(spec.javaHome()), NodeCommandLines.setprivIfRoot());
        PidFiles.reapAll(spec.baseDirectory(),
                IntStream.rangeClosed(1, spec.nodes()).boxed().collect(Collectors.toSet()));
        cluster.checkPortsFree();
        try {
            cluster.nodes.forEach(ForkedNode::prepareFreshDirectory);
            cluster.nodes.forEach(ForkedNode::launch);
            cluster.awaitReady();
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        LOG.info("Cassandra {} cluster of {} node(s) ready in {} ms", cluster.runtime.version(), spec.nodes(),
                (System.nanoTime() - started) / 1_000_000);
        return cluster;
    }

    ClusterSpec spec() {
        return spec;
    }

    CassandraRuntime runtime() {
        return runtime;
    }

    Path java() {
        return java;
    }

    Optional<Path> setpriv() {
        return setpriv;
    }

    @Override
    public List<CassandraNode> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public ForkedNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + " in a cluster of " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    @Override
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(ForkedNode::nativeAddress).toList();
    }

    @Override
    public String localDatacenter() {
        return spec.datacenterOf(1);
    }

    @Override
    public boolean supportsNodeControl() {
        return true;
    }

    @Override
    public void awaitReady() {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        ClusterReadiness.await(nodes, spec.startupTimeout());
    }

    /** Brings every node back: resumes paused ones, starts stopped or killed ones, then waits. */
    void heal() {
        nodes.stream().filter(ForkedNode::isPaused).forEach(ForkedNode::resume);
        nodes.stream().filter(node -> !node.isRunning()).forEach(ForkedNode::launch);
        awaitReady();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.forEach(ForkedNode::sendKill);
        nodes.forEach(ForkedNode::awaitKilled);
        LOG.info("Cassandra cluster of {} node(s) killed", nodes.size());
    }

    @Override
    public String toString() {
        return "embedded Cassandra " + runtime.version() + " " + nodes;
    }

    private void checkPortsFree() {
        for (ForkedNode node : nodes) {
            for (InetSocketAddress address : List.of(node.nativeAddress(),
                    new InetSocketAddress(node.address(), ClusterSpec.STORAGE_PORT),
                    new InetSocketAddress("127.0.0.1", node.jmxPort()))) {
                if (GossipProbe.accepts(address.getHostString(), address.getPort())) {
                    throw new EmbeddedCassandraException("cannot start node " + node.id() + ": "
                            + address.getHostString() + ":" + address.getPort() + " is already in use"
                            + " (another Cassandra? in this JVM, close the other cluster or use SharedCassandra)");
                }
            }
        }
    }

    /** The addresses of the nodes expected to be up. */
    static Set<String> addressesOf(List<ForkedNode> nodes) {
        return nodes.stream().map(ForkedNode::address).collect(Collectors.toSet());
    }
}
