package io.reactivecql.schema.it;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.embedded.CassandraCluster;

import java.time.Duration;

/** Sessions on the test cluster, with timeouts that suit a loaded machine. */
final class SchemaIts {

    static final Duration WAIT = Duration.ofSeconds(60);

    private SchemaIts() {
    }

    static ReactiveSession session(CassandraCluster cluster) {
        return builder(cluster).connect().block(WAIT);
    }

    static SessionBuilder builder(CassandraCluster cluster) {
        return ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)));
    }

    static void run(ReactiveSession session, String cql) {
        session.execute(cql).blockLast(WAIT);
    }
}
