package io.reactivecql.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Waits until a cluster is usable: every running, unpaused node accepts CQL connections and, with
 * more than one, each sees all the others UP and none joining (what nodetool status shows as UN).
 */
final class ClusterReadiness {

    private static final long POLL_MILLIS = 200;

    private ClusterReadiness() {
    }

    static void await(List<ForkedNode> nodes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String waitingFor = "";
        while (true) {
            for (ForkedNode node : nodes) {
                if (node.crashed()) {
                    throw new EmbeddedCassandraException(node + " exited with code "
                            + node.exitCode().orElse(-1) + " while starting or running:\n" + node.logTail(40));
                }
            }
            List<ForkedNode> expected = nodes.stream().filter(ForkedNode::isRunning)
                    .filter(node -> !node.isPaused()).toList();
            waitingFor = whatIsMissing(expected);
            if (waitingFor.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                expected.forEach(node -> logs.append(node.logTail(20)));
                throw new EmbeddedCassandraException("Cassandra not ready after " + timeout.toSeconds()
                        + " s: " + waitingFor + "\n" + logs);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedCassandraException("interrupted while waiting for Cassandra", e);
            }
        }
    }

    /** What the cluster still lacks, or empty when it is ready. */
    private static String whatIsMissing(List<ForkedNode> expected) {
        List<String> closedPorts = new ArrayList<>();
        for (ForkedNode node : expected) {
            if (!GossipProbe.accepts(node.address(), node.nativeAddress().getPort())) {
                closedPorts.add(node.address());
            }
        }
        if (!closedPorts.isEmpty()) {
            return "CQL port closed on " + closedPorts;
        }
        if (expected.size() < 2) {
            return "";
        }
        Set<String> addresses = ForkedCluster.addressesOf(expected);
        for (ForkedNode node : expected) {
            try {
                GossipProbe.View view = GossipProbe.view(node.jmxPort());
                if (!view.seesUp(addresses)) {
                    return node + " sees UP " + view.live() + ", DOWN " + view.unreachable()
                            + ", joining " + view.joining() + "; expected UP " + addresses;
                }
            } catch (Exception e) {
                return node + " does not answer on JMX: " + e;
            }
        }
        return "";
    }
}
