package io.reactivecql.samples.webflux;

import io.reactivecql.api.ReactiveSession;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reactivecql.samples.webflux.web.ApiErrors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real UNAVAILABLE from the real node: the application runs on a keyspace with replication
 * factor 3 on our one-node cluster, so a lightweight transaction (Paxos needs a quorum, 2 of 3
 * replicas; Cassandra reports it as QUORUM) cannot run, while plain reads (LOCAL_ONE) still work. The client gets 503 with Retry-After.
 */
@TestPropertySource(properties = {"reactivecql.keyspace=catalogue_rf3", "reactivecql.schema.replication-factor=3"})
class UnavailableIT extends CatalogueITSupport {

    @Autowired
    private ReactiveSession session;

    @Test
    void lightweightTransactionsWithTooFewReplicasAre503WithRetryAfter() {
        String sku = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger apiErrors = (Logger) LoggerFactory.getLogger(ApiErrors.class);
        log.start();
        apiErrors.addAppender(log);
        try {
            client().post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .bodyValue(Map.of("sku", sku, "name", "Mug", "category", "kitchen", "price", BigDecimal.ONE))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).expectBody();
        } finally {
            apiErrors.detachAppender(log);
        }
        // the 503 is logged where the driver's error arrives (an event loop), in the request's trace
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).startsWith("503: ");
            assertThat(e.getMDCPropertyMap()).containsEntry("traceId", traceId);
        });

        client().post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", sku, "name", "Mug", "category", "kitchen", "price", BigDecimal.ONE))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.cause").isEqualTo("UnavailableException")
                .jsonPath("$.detail").isEqualTo("the database cannot serve this request now: not enough replicas "
                        + "alive for QUORUM (1 of 2)");

        client().put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mug", "category", "kitchen", "price", BigDecimal.ONE, "version", 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.cause").isEqualTo("UnavailableException");
        // reads and plain writes at LOCAL_ONE need one replica: they are served
        client().get().uri("/products/{sku}", sku).exchange().expectStatus().isNotFound().expectBody();
        session.execute("INSERT INTO products (sku, name, category, price, version) VALUES (?, 'Mug', 'kitchen', 1, 1)",
                sku).then().block(Duration.ofSeconds(30));
        client().get().uri("/products/{sku}", sku).exchange().expectStatus().isOk().expectBody();

        // but changing or deleting it is a lightweight transaction again
        client().put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mug", "category", "kitchen", "price", BigDecimal.TEN, "version", 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.cause").isEqualTo("UnavailableException");
        client().delete().uri("/products/{sku}", sku).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.cause").isEqualTo("UnavailableException");
    }
}
