package io.reactivecql.samples.webflux;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.embedded.SharedCassandra;
import io.reactivecql.mapper.api.SchemaSource;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.Unauthorized;
import io.reactivecql.protocol.response.error.WriteTimeout;
import io.reactivecql.protocol.response.error.WriteType;
import io.reactivecql.protocol.response.result.ColumnSpec;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.stub.PrimeBuilder;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The error translation for errors a healthy real node will not produce on demand (replica
 * timeouts, overload, a node that does not answer, a bad query): the application talks to a
 * scripted node (stub-node) that answers the catalogue's statements with them. The statements are
 * those the application prepared on the real node ({@link RecordedStatements}), and the mapper
 * checks its entities against the schema recorded there. The node requires a password
 * (PasswordAuthenticator): the application logs in with the {@code reactivecql.username}/{@code password}
 * settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CatalogueApplication.class)
@Import({CatalogueTestConfiguration.class, StubNodeErrorsIT.RecordedSchema.class})
@DirtiesContext
class StubNodeErrorsIT {

    private static final String USER = "catalogue_app";
    private static final String PASSWORD = "s3cret-pw";

    private static StubNode node;
    private static RecordedStatements recorded;

    @LocalServerPort
    private int port;
    @Autowired
    private ReactiveSession session;

    private static synchronized StubNode node() {
        if (node == null) {
            node = StubNode.builder().credentials(USER, PASSWORD).start();
        }
        return node;
    }

    private static synchronized RecordedStatements recorded() {
        if (recorded == null) {
            recorded = RecordedStatements.record(SharedCassandra.acquire(1));
        }
        return recorded;
    }

    /** The application checks its entities against the schema recorded on the real node (the stub has none). */
    @TestConfiguration(proxyBeanMethods = false)
    static class RecordedSchema {
        @Bean
        SchemaSource recordedSchema() {
            return recorded().schemaSource();
        }
    }

    @DynamicPropertySource
    static void stub(DynamicPropertyRegistry registry) {
        registry.add("reactivecql.contact-points", () -> "127.0.0.1:" + node().port());
        registry.add("reactivecql.keyspace", () -> RecordedStatements.KEYSPACE);
        registry.add("reactivecql.local-datacenter", () -> node().info().dataCenter());
        registry.add("reactivecql.schema.action", () -> "none");
        registry.add("reactivecql.request-timeout", () -> "1s");
        registry.add("reactivecql.page-size", () -> "100");
        registry.add("reactivecql.username", () -> USER);
        registry.add("reactivecql.password", () -> PASSWORD);
    }

    /** The session first (the context, closed later by @DirtiesContext, then finds it closed), then the node. */
    @AfterAll
    void closeTheSessionThenTheNode() {
        session.close().block(Duration.ofSeconds(30));
        node.close(); // a strict node: fails with anything it could not understand
        node = null;
    }

    @BeforeEach
    void freshScript() {
        node().script().clear();
        // the next EXECUTE of each statement is answered UNPREPARED: the driver prepares it again,
        // picking up the bind markers and columns of this test's primes
        node().forgetPrepared();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A prime for a statement the application prepares, with the bind markers it had on the real node. */
    private static PrimeBuilder when(PreparedStatement statement) {
        return node().when(statement.query()).bindMarkers(RecordedStatements.specs(statement.variableDefinitions()));
    }

    private static PrimeBuilder selectOne() {
        return when(recorded().findOne());
    }

    private static PrimeBuilder selectAll() {
        return when(recorded().scan());
    }

    /** {@code n} products, in the columns (and their order) of the recorded statement's result. */
    private static Rows products(PreparedStatement statement, int n) {
        Rows.Builder rows = Rows.builder();
        for (ColumnSpec column : RecordedStatements.specs(statement.resultDefinitions())) {
            rows.column(column);
        }
        List<String> names = RecordedStatements.names(statement.resultDefinitions());
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put("sku", "sku-" + i);
            values.put("name", "Product " + i);
            values.put("category", "stub");
            values.put("price", BigDecimal.valueOf(i));
            values.put("version", 1);
            values.put("updated_at", Instant.ofEpochMilli(i));
            rows.row(names.stream().map(values::get).toArray());
        }
        return rows.build();
    }

    private void expect503(WebTestClient.ResponseSpec response, String cause) {
        response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.cause").isEqualTo(cause);
    }

    @Test
    void aReadTimeoutIs503() {
        selectOne().thenError(new ReadTimeout("Operation timed out - received only 0 responses.",
                ConsistencyLevel.LOCAL_QUORUM, 0, 2, false));
        expect503(client().get().uri("/products/sku-1").exchange(), "ReadTimeoutException");
        client().get().uri("/products/sku-1").exchange().expectBody()
                .jsonPath("$.detail").isEqualTo("the database cannot serve this request now: replicas did not "
                        + "answer in time (0 of 2 at LOCAL_QUORUM)");
    }

    @Test
    void aWriteTimeoutOfTheLightweightTransactionIs503() {
        when(recorded().insert()).thenError(new WriteTimeout("CAS operation timed out", ConsistencyLevel.SERIAL, 0, 2, WriteType.CAS));
        expect503(client().post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", "sku-1", "name", "n", "category", "c", "price", BigDecimal.ONE))
                .exchange(), "WriteTimeoutException");
    }

    @Test
    void anOverloadedNodeIs503() {
        selectOne().thenError(new Overloaded("Too many in flight requests"));
        client().get().uri("/products/sku-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.cause").value(cause ->
                        // the only node was overloaded: the driver may report it as such, or as no node left to try
                        assertThat(cause).isIn("OverloadedException", "NoNodeAvailableException"));
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeIs503() {
        selectOne().delay(Duration.ofSeconds(3)).thenRows(products(recorded().findOne(), 1));
        long start = System.nanoTime();
        expect503(client().get().uri("/products/sku-1").exchange(), "OperationTimedOutException");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aStreamThatFailsBeforeItsFirstRowIs503() {
        selectAll().thenError(new ReadTimeout("timed out", ConsistencyLevel.LOCAL_ONE, 0, 1, false));
        expect503(client().get().uri("/products").accept(MediaType.APPLICATION_NDJSON).exchange(), "ReadTimeoutException");
    }

    @Test
    void aStreamThatFailsAfterItsFirstPageIsCutShort() {
        // the second page request times out: the status (200) is long sent, so the server can only
        // abort the response; the client sees the rows of the first page, then an error
        selectAll().thenError(new ReadTimeout("timed out", ConsistencyLevel.LOCAL_ONE, 0, 1, false));
        selectAll().once().thenRows(products(recorded().scan(), 250));
        List<Product> received = new ArrayList<>();
        Flux<Product> body = client().get().uri("/products").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .returnResult(Product.class).getResponseBody();
        assertThatThrownBy(() -> body.doOnNext(received::add).blockLast(Duration.ofSeconds(30)))
                .isNotNull();
        assertThat(received).hasSize(100).first().extracting(Product::sku).isEqualTo("sku-0");
    }

    @Test
    void aBadQueryIs500() {
        selectOne().thenError(new Invalid("unconfigured table products"));
        client().get().uri("/products/sku-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("database error")
                .jsonPath("$.cause").isEqualTo("InvalidQueryException");
        selectOne().thenError(new Unauthorized("User app has no SELECT permission on <table catalogue.products>"));
        client().get().uri("/products/sku-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody().jsonPath("$.cause").isEqualTo("UnauthorizedException");
    }

    @Test
    void rowsFromTheNodeComeThrough() {
        // the control case: the same wiring serves what the node answers
        selectOne().thenRows(products(recorded().findOne(), 1));
        client().get().uri("/products/sku-0").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Product 0").jsonPath("$.category").isEqualTo("stub");
    }

    @Test
    void theCredentialsComeFromTheSettings() {
        // this class's application logged in as USER (the node refuses anyone else); with a wrong
        // password the application does not start
        assertThat(session.isClosed()).isFalse();
        assertThatThrownBy(() -> new SpringApplicationBuilder(CatalogueApplication.class).run(
                "--server.port=0",
                "--reactivecql.contact-points=127.0.0.1:" + node().port(),
                "--reactivecql.local-datacenter=" + node().info().dataCenter(),
                "--reactivecql.keyspace=" + RecordedStatements.KEYSPACE,
                "--reactivecql.schema.action=none",
                "--reactivecql.username=" + USER,
                "--reactivecql.password=wrong").close())
                .hasRootCauseInstanceOf(AuthenticationException.class)
                .rootCause().hasMessageContaining("Provided username " + USER + " and/or password are incorrect");
    }
}
