package io.reactivecql.embedded;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Asks a node what nodetool status shows (which nodes are UP, unreachable, joining) through JMX
 * from this JVM, with the JDK's own JMX client: no Cassandra class and no extra JVM needed.
 */
final class GossipProbe {

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "embedded-cassandra-probe");
        thread.setDaemon(true);
        return thread;
    });
    private static final long TIMEOUT_SECONDS = 5;

    /**
     * One node's view of the ring; addresses without port.
     *
     * @param live        nodes the node sees UP
     * @param unreachable nodes the node sees DOWN
     * @param joining     nodes still joining the ring
     */
    record View(Set<String> live, Set<String> unreachable, Set<String> joining) {

        /** Whether every one of {@code addresses} is UP and no node is joining. */
        boolean seesUp(Collection<String> addresses) {
            return live.containsAll(addresses) && addresses.stream().noneMatch(unreachable::contains)
                    && joining.isEmpty();
        }
    }

    private GossipProbe() {
    }

    /** Whether something accepts TCP connections at {@code host:port}. */
    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The view of the node whose JMX listens on {@code 127.0.0.1:jmxPort}; fails if it does not answer. */
    static View view(int jmxPort) throws Exception {
        Future<View> view = PROBES.submit(() -> query(jmxPort));
        try {
            return view.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            view.cancel(true);
        }
    }

    private static View query(int jmxPort) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName storage = new ObjectName("org.apache.cassandra.db:type=StorageService");
            return new View(addresses(server.getAttribute(storage, "LiveNodes")),
                    addresses(server.getAttribute(storage, "UnreachableNodes")),
                    addresses(server.getAttribute(storage, "JoiningNodes")));
        }
    }

    /** Normalises {@code /127.0.0.2:7000} and {@code 127.0.0.2} alike to {@code 127.0.0.2}. */
    static Set<String> addresses(Object attribute) {
        Set<String> out = new HashSet<>();
        if (attribute instanceof Collection<?> values) {
            for (Object value : values) {
                String address = String.valueOf(value);
                if (address.startsWith("/")) {
                    address = address.substring(1);
                }
                int colon = address.lastIndexOf(':');
                if (colon > 0 && address.indexOf(':') == colon) {
                    address = address.substring(0, colon);
                }
                out.add(address);
            }
        }
        return out;
    }
}
