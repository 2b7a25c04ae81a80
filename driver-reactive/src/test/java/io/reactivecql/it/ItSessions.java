package io.reactivecql.it;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.embedded.CassandraCluster;

import java.time.Duration;

/** Sessions on the test cluster, with timeouts that suit a loaded 2-core machine. */
final class ItSessions {

    private ItSessions() {
    }

    static SessionBuilder builder(CassandraCluster cluster) {
        return ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)));
    }
}
