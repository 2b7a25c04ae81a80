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
 * and a span), and a trace the caller started (W3C {@code traceparent}) continues in the server.
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

        List<Span> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(traceId), t -> !t.isEmpty());
        Span server = trace.stream().filter(s -> "SERVER".equals(s.kind())).findFirst().orElseThrow();
        assertThat(server.parentId()).isEqualTo(parentSpan);
        assertThat(server.name()).isEqualTo("http post /products");
        assertThat(server.tags()).containsEntry("http.url", "/products").containsEntry("status", "201");
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
