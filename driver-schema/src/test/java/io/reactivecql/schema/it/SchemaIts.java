package io.reactivecql.schema.it;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.connection.ReactorNettyConnectionFactory;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.response.event.Event;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/** Sessions and an event connection on the test cluster, with timeouts that suit a loaded machine. */
final class SchemaIts {

    static final Duration WAIT = Duration.ofSeconds(60);

    private SchemaIts() {
    }

    static ReactiveSession session(CassandraCluster cluster) {
        return ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)))
                .connect()
                .block(WAIT);
    }

    /** A connection REGISTERed for SCHEMA_CHANGE (what the control connection will provide). */
    static CqlTransport eventConnection(ReactorNettyConnectionFactory factory, CassandraCluster cluster) {
        ConnectionConfig d = ConnectionConfig.defaults();
        ConnectionConfig config = new ConnectionConfig(d.protocolVersion(), d.compression(), d.authProvider(),
                d.sslContext(), d.hostnameVerification(), Duration.ofSeconds(10), d.heartbeatInterval(),
                d.maxStreamIds(), d.maxQueuedRequests(), null, List.of(Register.SCHEMA_CHANGE), d.driverName(),
                d.driverVersion());
        return factory.connect(cluster.contactPoints().get(0), config).block(WAIT);
    }

    static Flux<Event> events(CqlTransport connection) {
        return connection.events().map(Envelope::message).ofType(Event.class);
    }

    static void run(ReactiveSession session, String cql) {
        session.execute(cql).blockLast(WAIT);
    }
}
