package io.reactivecql.stub;

import io.reactivecql.protocol.response.event.Event;

import java.math.BigInteger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Several {@link StubNode}s on 127.0.0.1, 127.0.0.2, ... sharing one port, each describing the
 * others in {@code system.peers} / {@code system.peers_v2}: data centers, racks and evenly spaced
 * Murmur3 tokens, for driving load balancing, topology and reconnection logic. Nodes are numbered
 * from 1, like their addresses. (The whole 127.0.0.0/8 block is loopback on Linux; macOS needs
 * {@code ifconfig lo0 alias 127.0.0.N} for N &gt; 1.)
 *
 * <pre>{@code
 * try (StubCluster cluster = StubCluster.builder().dataCenter("dc1", 3).dataCenter("dc2", 2).start()) {
 *     cluster.forEachNode(n -> n.when("SELECT v FROM ks.t").thenRows(rows));
 *     cluster.stop(2);                        // node 2 goes down: connections closed, port refused
 *     cluster.restart(2);
 * }
 * }</pre>
 */
public final class StubCluster implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 5;

    private final List<StubNode> nodes;

    private StubCluster(List<StubNode> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    /** {@code nodeCount} nodes in data center dc1, one rack. */
    public static StubCluster start(int nodeCount) {
        return builder().dataCenter("dc1", nodeCount).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The nodes, node 1 first. */
    public List<StubNode> nodes() {
        return nodes;
    }

    /** Node {@code n}, listening on 127.0.0.n (1-based). */
    public StubNode node(int n) {
        return nodes.get(n - 1);
    }

    /** Number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** The port every node listens on. */
    public int port() {
        return nodes.get(0).port();
    }

    /** Every node's address: contact points for a driver. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (StubNode node : nodes) {
            out.add(node.address());
        }
        return out;
    }

    /** Applies {@code action} to every node, e.g. to prime the same statement everywhere. */
    public void forEachNode(Consumer<StubNode> action) {
        nodes.forEach(action);
    }

    /** Stops node {@code n}: its connections close and its port refuses new ones. Peers still list it. */
    public void stop(int n) {
        node(n).stop();
    }

    /** Listens again on node {@code n}'s address. */
    public void restart(int n) {
        node(n).restart();
    }

    /** Pushes {@code event} from every node to its registered connections; returns how many got it. */
    public int pushEvent(Event event) {
        int count = 0;
        for (StubNode node : nodes) {
            count += node.isRunning() ? node.pushEvent(event) : 0;
        }
        return count;
    }

    /** Total requests {@code matcher} selects across all nodes. */
    public int count(RequestMatcher matcher) {
        int count = 0;
        for (StubNode node : nodes) {
            count += node.activity().count(matcher);
        }
        return count;
    }

    /**
     * Closes every node.
     *
     * @throws AssertionError when a strict node recorded problems (the others are closed anyway)
     */
    @Override
    public void close() {
        AssertionError failure = null;
        for (StubNode node : nodes) {
            try {
                node.close();
            } catch (AssertionError e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Evenly spaced Murmur3 tokens, one per node: node i (0-based) of n owns min + i * 2^64 / n. */
    static List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>();
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger range = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < count; i++) {
            tokens.add(min.add(range.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).toString());
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "StubCluster" + addresses();
    }

    /** Settings of a {@link StubCluster}. Not thread-safe. */
    public static final class Builder {

        private final List<String> dataCenters = new ArrayList<>();
        private int racks = 1;
        private int port;
        private Consumer<StubNode.Builder> nodeSettings = b -> { };

        private Builder() {
        }

        /** Adds {@code nodes} nodes in data center {@code name}; data centers are numbered on in order. */
        public Builder dataCenter(String name, int nodes) {
            Objects.requireNonNull(name, "name");
            if (nodes < 1) {
                throw new IllegalArgumentException("nodes must be positive, was " + nodes);
            }
            for (int i = 0; i < nodes; i++) {
                dataCenters.add(name);
            }
            return this;
        }

        /** Racks per data center (default 1): its nodes go to rack1, rack2, ... in turn. */
        public Builder racksPerDataCenter(int racks) {
            if (racks < 1) {
                throw new IllegalArgumentException("racks must be positive, was " + racks);
            }
            this.racks = racks;
            return this;
        }

        /** The shared port (default 0: an ephemeral port free on every address). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Settings applied to every node's builder (protocol versions, credentials, strictness...). */
        public Builder nodeSettings(Consumer<StubNode.Builder> settings) {
            this.nodeSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public StubCluster start() {
            if (dataCenters.isEmpty()) {
                throw new IllegalStateException("no nodes: add a data center");
            }
            if (dataCenters.size() > 254) {
                throw new IllegalStateException("at most 254 nodes fit 127.0.0.1..254");
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return tryStart();
                } catch (Exception e) {
                    // another process took the ephemeral port on one of the addresses: try another
                    if (port != 0 || attempt >= BIND_ATTEMPTS || !(e instanceof BindException)) {
                        throw e;
                    }
                }
            }
        }

        private StubCluster tryStart() {
            List<String> tokens = tokens(dataCenters.size());
            List<NodeInfo> infos = new ArrayList<>();
            List<StubNode> started = new ArrayList<>();
            try {
                int sharedPort = port;
                for (int i = 0; i < dataCenters.size(); i++) {
                    InetSocketAddress address = new InetSocketAddress("127.0.0." + (i + 1), sharedPort);
                    NodeInfo info = NodeInfo.of(address)
                            .withHostId(UUID.nameUUIDFromBytes(("stub-node-" + (i + 1)).getBytes(StandardCharsets.UTF_8)))
                            .withDataCenter(dataCenters.get(i))
                            .withRack("rack" + (rackIndex(i) % racks + 1))
                            .withTokens(List.of(tokens.get(i)));
                    StubNode.Builder builder = StubNode.builder();
                    nodeSettings.accept(builder);
                    StubNode node = builder.address(address).info(info).start();
                    started.add(node);
                    sharedPort = node.port();
                    infos.add(node.info());
                }
                for (int i = 0; i < started.size(); i++) {
                    List<NodeInfo> peers = new ArrayList<>(infos);
                    peers.remove(i);
                    started.get(i).setPeers(peers);
                }
                return new StubCluster(started);
            } catch (Exception e) { // BindException arrives unchecked, through netty
                started.forEach(StubNode::close);
                throw e;
            }
        }

        /** The position of node {@code i} within its data center. */
        private int rackIndex(int i) {
            int index = 0;
            for (int j = 0; j < i; j++) {
                if (dataCenters.get(j).equals(dataCenters.get(i))) {
                    index++;
                }
            }
            return index;
        }
    }
}
