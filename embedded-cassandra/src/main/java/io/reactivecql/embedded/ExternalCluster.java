package io.reactivecql.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A cluster somebody else runs, known only by its contact points: no node control. */
final class ExternalCluster implements CassandraCluster {

    private final List<CassandraNode> nodes;
    private final String localDatacenter;
    private volatile boolean closed;

    private ExternalCluster(List<InetSocketAddress> contactPoints, String localDatacenter) {
        List<CassandraNode> all = new ArrayList<>();
        for (int i = 0; i < contactPoints.size(); i++) {
            all.add(new ExternalNode(i + 1, contactPoints.get(i), localDatacenter));
        }
        this.nodes = List.copyOf(all);
        this.localDatacenter = localDatacenter;
    }

    /** Parses {@code host[:port],host[:port]...}; the port defaults to 9042. */
    static ExternalCluster parse(String contactPoints, String localDatacenter) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : contactPoints.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            boolean hasPort = colon > 0 && trimmed.indexOf(':') == colon;
            String host = hasPort ? trimmed.substring(0, colon) : trimmed;
            int port = hasPort ? Integer.parseInt(trimmed.substring(colon + 1)) : ClusterSpec.NATIVE_PORT;
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no contact point in '" + contactPoints + "'");
        }
        return new ExternalCluster(addresses,
                localDatacenter == null || localDatacenter.isBlank() ? ClusterSpec.DEFAULT_DATACENTER : localDatacenter);
    }

    @Override
    public List<CassandraNode> nodes() {
        return nodes;
    }

    @Override
    public CassandraNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + " among " + nodes.size() + " contact points");
        }
        return nodes.get(id - 1);
    }

    @Override
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(CassandraNode::nativeAddress).toList();
    }

    @Override
    public String localDatacenter() {
        return localDatacenter;
    }

    @Override
    public boolean supportsNodeControl() {
        return false;
    }

    @Override
    public void awaitReady() {
        // somebody else's cluster: assumed ready
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Forgets the cluster; the cluster itself keeps running. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "external Cassandra " + contactPoints();
    }

    private record ExternalNode(int id, InetSocketAddress nativeAddress, String datacenter) implements CassandraNode {

        @Override
        public String address() {
            return nativeAddress.getHostString();
        }

        @Override
        public String rack() {
            throw unsupported("rack");
        }

        @Override
        public int jmxPort() {
            throw unsupported("jmxPort");
        }

        @Override
        public long pid() {
            throw unsupported("pid");
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public boolean isPaused() {
            return false;
        }

        @Override
        public Path directory() {
            throw unsupported("directory");
        }

        @Override
        public Path logFile() {
            throw unsupported("logFile");
        }

        @Override
        public String log() {
            throw unsupported("log");
        }

        @Override
        public void stop() {
            throw unsupported("stop");
        }

        @Override
        public void kill() {
            throw unsupported("kill");
        }

        @Override
        public void pause() {
            throw unsupported("pause");
        }

        @Override
        public void resume() {
            throw unsupported("resume");
        }

        @Override
        public void start() {
            throw unsupported("start");
        }

        @Override
        public void restart() {
            throw unsupported("restart");
        }

        @Override
        public String nodetool(String... args) {
            throw unsupported("nodetool");
        }

        private NodeControlUnsupportedException unsupported(String operation) {
            return new NodeControlUnsupportedException(operation + "() is unsupported on node " + id + " ("
                    + nativeAddress + ") of an external cluster (CASSANDRA_CONTACT_POINTS)");
        }
    }
}
