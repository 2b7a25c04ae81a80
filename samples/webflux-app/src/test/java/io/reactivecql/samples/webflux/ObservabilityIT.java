package io.reactivecql.samples.webflux;

import io.reactivecql.samples.webflux.FinishedSpans.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Actuator and tracing: each HTTP request is an observation (a {@code http.server.requests} timer
 * and a span), a trace the caller started (W3C {@code traceparent}) continues in the server and on
 * into the driver (each request to Cassandra a span), and the driver's meters are in
 * {@code /actuator/metrics}.
 */
class ObservabilityIT extends CatalogueITSupport {

    @Autowired
    private FinishedSpans spans;

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void aRequestContinuesTheCallersTrace() {
        String traceId = hex(16);
        String parentSpan = hex(8);
        String sku = "o-" + UUID.randomUUID().toString().substring(0, 8);
        client().post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .bodyValue(Map.of("sku", sku, "name", "Traced", "category", "tests", "price", BigDecimal.ONE))
                .exchange()
                .expectStatus().isCreated().expectBody();

        List<Span> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(traceId),
                t -> t.stream().anyMatch(s -> "SERVER".equals(s.kind())));
        Span server = trace.stream().filter(s -> "SERVER".equals(s.kind())).findFirst().orElseThrow();
        assertThat(server.parentId()).isEqualTo(parentSpan);
        assertThat(server.name()).isEqualTo("http post /products");
        assertThat(server.tags()).containsEntry("http.url", "/products").containsEntry("status", "201");

        // the trace goes on into the driver: the INSERT ... IF NOT EXISTS is a span under the request's
        List<Span> driver = trace.stream().filter(s -> "cassandra".equals(s.tags().get("db.system"))).toList();
        assertThat(driver).anySatisfy(insert -> {
            assertThat(insert.parentId()).isEqualTo(server.spanId());
            assertThat(insert.tags()).containsEntry("reactivecql.statement.kind", "INSERT")
                    .containsEntry("reactivecql.keyspace", "catalogue")
                    .containsEntry("reactivecql.outcome", "success");
            assertThat(insert.tags().get("reactivecql.query")).startsWith("INSERT INTO").contains("IF NOT EXISTS");
        });
    }

    @Test
    void theDriversMetricsAreInTheActuator() {
        client().get().uri("/products/{sku}", "o-none").exchange().expectStatus().isNotFound().expectBody();
        client().get().uri("/actuator/metrics").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.names").value(names -> assertThat(names.toString())
                        .contains("reactivecql.cql.requests", "reactivecql.bytes.sent",
                                "reactivecql.connected.nodes", "reactivecql.node.pool.open.connections",
                                "reactivecql.node.pool.in.flight", "reactivecql.request")
                        // per-node metrics are those application.yml lists (advanced.metrics.node.enabled)
                        .doesNotContain("reactivecql.node.bytes.sent"));
        client().get().uri("/actuator/metrics/reactivecql.cql.requests?tag=session:catalogue&tag=outcome:success")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.baseUnit").isEqualTo("seconds")
                .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(count ->
                        assertThat(count.toString()).isNotEqualTo("[0.0]"));
        client().get().uri("/actuator/metrics/reactivecql.connected.nodes").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").isEqualTo(1.0);
    }

    @Test
    void requestsAreTimedPerRouteAndStatus() {
        String sku = "o-" + UUID.randomUUID().toString().substring(0, 8);
        client().get().uri("/products/{sku}", sku).exchange().expectStatus().isNotFound().expectBody();
        // the route template, not the path: one timer for every sku
        client().get().uri(URI.create("http://localhost:" + port
                        + "/actuator/metrics/http.server.requests?tag=uri:%2Fproducts%2F%7Bsku%7D&tag=status:404"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("http.server.requests")
                .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(count ->
                        assertThat(count.toString()).isNotEqualTo("[0.0]"));
    }
}
