package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.samples.webflux.cassandra.CassandraProperties.Schema;
import io.reactivecql.samples.webflux.cassandra.CassandraProperties.SchemaAction;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the {@code reactivecql.*} settings are read and checked. */
class CassandraSettingsTest {

    private static CassandraProperties properties(String keyspace, Integer pageSize, Schema schema) {
        return new CassandraProperties(null, null, keyspace, null, null, null, null, null, pageSize, schema, null, null);
    }

    @Test
    void leftOutSettingsGetTheDefaults() {
        CassandraProperties p = properties(null, null, null);
        assertThat(p.contactPoints()).containsExactly("127.0.0.1:9042");
        assertThat(p.localDatacenter()).isEqualTo("datacenter1");
        assertThat(p.keyspace()).isEqualTo("catalogue");
        assertThat(p.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.pageSize()).isEqualTo(1000);
        assertThat(p.schema()).isEqualTo(new Schema(SchemaAction.CREATE, 1));
        assertThat(p.embedded().enabled()).isFalse();
        assertThat(p.hasCredentials()).isFalse();
        assertThat(p.driver()).isEmpty();
    }

    @Test
    void driverSettingsAreOptionsOfTheCatalogue() {
        assertThat(CassandraConfiguration.driverOptions(Map.of(
                "advanced.metrics.node.enabled", "pool.in-flight, errors",
                "basic.request.consistency", "QUORUM")))
                .containsExactly(Map.entry(DriverOption.METRICS_NODE_ENABLED, "pool.in-flight, errors"),
                        Map.entry(DriverOption.REQUEST_CONSISTENCY, "QUORUM"));
        assertThatThrownBy(() -> CassandraConfiguration.driverOptions(Map.of("advanced.metrics.nodes.enabled", "errors")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reactivecql.driver.advanced.metrics.nodes.enabled: the driver has no option");
    }

    @Test
    void badSettingsAreRefusedByName() {
        // the keyspace is spliced into DDL: only plain names
        assertThatThrownBy(() -> properties("shop; DROP TABLE x", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reactivecql.keyspace");
        assertThatThrownBy(() -> properties("Shop", null, null)).hasMessageContaining("reactivecql.keyspace");
        assertThatThrownBy(() -> properties(null, 0, null)).hasMessageContaining("reactivecql.page-size");
        assertThatThrownBy(() -> new Schema(null, 0)).hasMessageContaining("reactivecql.schema.replication-factor");
    }

    @Test
    void contactPointsParseWithOrWithoutPort() {
        assertThat(CassandraConfiguration.parse(List.of("127.0.0.1", " 127.0.0.2:9142 ", "[::1]:9043", "::1", "")))
                .containsExactly(new InetSocketAddress("127.0.0.1", 9042), new InetSocketAddress("127.0.0.2", 9142),
                        new InetSocketAddress("::1", 9043), new InetSocketAddress("::1", 9042));
    }

    @Test
    void badContactPointsAreRefusedByName() {
        assertThatThrownBy(() -> CassandraConfiguration.parse(List.of("127.0.0.1:port")))
                .hasMessage("reactivecql.contact-points: bad port in '127.0.0.1:port'");
        assertThatThrownBy(() -> CassandraConfiguration.parse(List.of("127.0.0.1:70000")))
                .hasMessageContaining("bad port in '127.0.0.1:70000'");
        assertThatThrownBy(() -> CassandraConfiguration.parse(List.of("[::1:9042")))
                .hasMessageContaining("unclosed '['");
        assertThatThrownBy(() -> CassandraConfiguration.parse(List.of(" ")))
                .hasMessageContaining("names no node");
    }
}
