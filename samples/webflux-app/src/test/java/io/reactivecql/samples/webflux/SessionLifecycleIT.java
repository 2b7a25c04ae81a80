package io.reactivecql.samples.webflux;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session bean's life: it refuses to start on a schema that does not fit, and closes with the application. */
@RealCassandra
class SessionLifecycleIT {

    /** Starts the application with these settings, given as command-line arguments (they beat application.yml). */
    private static ConfigurableApplicationContext run(CassandraCluster cluster, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--reactivecql.contact-points=" + CatalogueITSupport.contactPoints(cluster),
                "--reactivecql.local-datacenter=" + cluster.localDatacenter(),
                "--reactivecql.request-timeout=30s",
                "--reactivecql.connect-timeout=20s",
                "--reactivecql.startup-timeout=120s"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(CatalogueApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void theSessionClosesWithTheApplication(CassandraCluster cluster) {
        ReactiveSession session;
        try (ConfigurableApplicationContext context = run(cluster, "reactivecql.keyspace=catalogue_lifecycle")) {
            session = context.getBean(ReactiveSession.class);
            assertThat(session.isClosed()).isFalse();
            assertThat(session.keyspace()).hasValue("catalogue_lifecycle");
        }
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void validateRefusesToStartWhenTheTablesDoNotFit(CassandraCluster cluster) {
        // a keyspace whose products table lacks the entity's columns, and no reviews table
        ReactiveSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(30)))
                .connect()
                .flatMap(s -> Flux.concat(
                                s.execute("CREATE KEYSPACE IF NOT EXISTS catalogue_partial WITH replication = "
                                        + "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
                                s.execute("CREATE TABLE IF NOT EXISTS catalogue_partial.products (sku text PRIMARY KEY)"))
                        .then(s.close()))
                .block(Duration.ofMinutes(1));

        assertThatThrownBy(() -> run(cluster, "reactivecql.keyspace=catalogue_partial", "reactivecql.schema.action=validate").close())
                .hasStackTraceContaining("MappingException: table catalogue_partial.products has no column name");
        assertThatThrownBy(() -> run(cluster, "reactivecql.keyspace=catalogue_nowhere", "reactivecql.schema.action=validate").close())
                .hasStackTraceContaining("Keyspace 'catalogue_nowhere' does not exist");
    }
}
