package io.reactivecql.samples;

import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.EmbeddedCassandra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the samples find Cassandra: {@code CASSANDRA_CONTACT_POINTS} when set, else a node already
 * listening on 127.0.0.1:9042, else a real node started here through embedded-cassandra (which the
 * caller closes when done).
 */
public final class ContactPoints implements AutoCloseable {

    private final List<InetSocketAddress> addresses;
    private final String localDatacenter;
    private final CassandraCluster startedHere;

    private ContactPoints(List<InetSocketAddress> addresses, String localDatacenter, CassandraCluster startedHere) {
        this.addresses = addresses;
        this.localDatacenter = localDatacenter;
        this.startedHere = startedHere;
    }

    /** Finds or starts a node. Blocking: call it from {@code main}, never from an event loop. */
    public static ContactPoints findOrStart() {
        String configured = System.getenv("CASSANDRA_CONTACT_POINTS");
        if (configured != null && !configured.isBlank()) {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String hostPort : configured.split(",")) {
                String[] parts = hostPort.trim().split(":");
                addresses.add(new InetSocketAddress(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 9042));
            }
            String dc = System.getenv().getOrDefault("CASSANDRA_LOCAL_DATACENTER", "datacenter1");
            System.out.println("Using CASSANDRA_CONTACT_POINTS=" + configured);
            return new ContactPoints(addresses, dc, null);
        }
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 9042);
        if (listening(local)) {
            System.out.println("Using the Cassandra node already listening on " + local);
            return new ContactPoints(List.of(local), "datacenter1", null);
        }
        System.out.println("No Cassandra reachable: starting a real Cassandra " + EmbeddedCassandra.cassandraVersion()
                + " node (a separate JVM; about 10 s)...");
        CassandraCluster cluster = EmbeddedCassandra.builder().nodes(1).start();
        return new ContactPoints(cluster.contactPoints(), cluster.localDatacenter(), cluster);
    }

    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    private static boolean listening(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the node if this process started it. */
    @Override
    public void close() {
        if (startedHere != null) {
            System.out.println("Stopping the Cassandra node started for this sample.");
            startedHere.close();
        }
    }
}
