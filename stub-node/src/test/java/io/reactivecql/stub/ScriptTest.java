package io.reactivecql.stub;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.BatchType;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.AlreadyExists;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.CasWriteUnknown;
import io.reactivecql.protocol.response.error.CdcWriteFailure;
import io.reactivecql.protocol.response.error.ConfigError;
import io.reactivecql.protocol.response.error.ErrorCode;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.error.FunctionFailure;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.IsBootstrapping;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.error.ReadFailure;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.error.TruncateError;
import io.reactivecql.protocol.response.error.Unauthorized;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.error.WriteFailure;
import io.reactivecql.protocol.response.error.WriteTimeout;
import io.reactivecql.protocol.response.error.WriteType;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.result.SchemaChangeResult;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How primes are chosen and what simple replies look like from the client's side. */
class ScriptTest {

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** One of every error the protocol defines. */
    static List<ErrorResponse> everyError() throws Exception {
        InetAddress replica = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        return List.of(
                new ServerError("boom"),
                new ProtocolError("bad bytes"),
                new AuthenticationError("who?"),
                new Unavailable("not enough replicas", ConsistencyLevel.QUORUM, 2, 1),
                new Overloaded("busy"),
                new IsBootstrapping("starting"),
                new TruncateError("truncate failed"),
                new WriteTimeout("write timed out", ConsistencyLevel.QUORUM, 1, 2, WriteType.SIMPLE),
                new ReadTimeout("read timed out", ConsistencyLevel.ONE, 0, 1, false),
                ReadFailure.withReasons("read failed", ConsistencyLevel.QUORUM, 1, 2, Map.of(replica, 1), true),
                new FunctionFailure("udf failed", "ks", "f", List.of("int")),
                WriteFailure.withReasons("write failed", ConsistencyLevel.ALL, 1, 3, Map.of(replica, 2), WriteType.BATCH),
                new CdcWriteFailure("cdc full"),
                new CasWriteUnknown("cas unknown", ConsistencyLevel.SERIAL, 1, 2),
                new SyntaxError("line 1:0 no viable alternative"),
                new Unauthorized("no permission"),
                new Invalid("bad query"),
                new ConfigError("bad config"),
                new AlreadyExists("exists", "ks", "t"),
                new Unprepared("unknown id", new byte[] {1, 2, 3}));
    }

    static Stream<Arguments> everyErrorInEveryVersion() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (ErrorResponse error : everyError()) {
            for (ProtocolVersion version : ProtocolVersion.values()) {
                out.add(Arguments.of(error.code(), version, error));
            }
        }
        return out.stream();
    }

    @Test
    void coversEveryErrorCode() throws Exception {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        everyError().forEach(e -> codes.add(e.code()));
        assertEquals(EnumSet.allOf(ErrorCode.class), codes);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyErrorInEveryVersion")
    void anyErrorCanBePrimed(Object code, ProtocolVersion version, ErrorResponse error) throws IOException {
        node.when("INSERT INTO ks.t (k) VALUES (1)").thenError(error);
        try (TestClient client = TestClient.ready(node.address(), version)) {
            Response answer = client.query("INSERT INTO ks.t (k) VALUES (1)");
            ErrorResponse decoded = assertInstanceOf(ErrorResponse.class, answer);
            assertEquals(error.code(), decoded.code());
            assertEquals(error.message(), decoded.message());
            if (version == ProtocolVersion.V5) {
                assertEquals(error, decoded);
            }
        }
    }

    @Test
    void voidSchemaChangeAndSetKeyspace() throws IOException {
        SchemaChange created = SchemaChange.table(SchemaChange.ChangeType.CREATED, "ks", "t");
        node.when("INSERT INTO ks.t (k) VALUES (1)").thenVoid();
        node.when("CREATE TABLE ks.t (k int PRIMARY KEY)").thenSchemaChange(created);
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertEquals(VoidResult.INSTANCE, client.query("INSERT INTO ks.t (k) VALUES (1)"));
            assertEquals(new SchemaChangeResult(created), client.query("CREATE TABLE ks.t (k int PRIMARY KEY)"));
            assertEquals(new SetKeyspaceResult("ks"), client.query("USE ks"), "USE needs no prime");
            assertEquals(new SetKeyspaceResult("MixedCase"), client.query("USE \"MixedCase\""));
        }
    }

    @Test
    void unprimedStatementsGetAnInvalidErrorNamingThem() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            Invalid invalid = assertInstanceOf(Invalid.class, client.query("SELECT * FROM ks.nothing"));
            assertTrue(invalid.message().startsWith("no prime for QUERY 'SELECT * FROM ks.nothing'"), invalid.message());
            Invalid batch = assertInstanceOf(Invalid.class,
                    client.request(Batch.builder(BatchType.LOGGED).addQuery("INSERT 1").build()));
            assertTrue(batch.message().startsWith("no prime for BATCH of 1 statements"), batch.message());
        }
        assertEquals(List.of(), node.problems(), "an unprimed statement is the test's business, not a problem");
    }

    @Test
    void newestPrimeWinsAndTimesFallThrough() throws IOException {
        String insert = "INSERT INTO ks.t (k) VALUES (1)";
        Prime fallback = node.when(insert).thenVoid();
        Prime twice = node.when(insert).times(2).thenError(new Overloaded("busy"));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertInstanceOf(Overloaded.class, client.query(insert));
            assertInstanceOf(Overloaded.class, client.query("  INSERT INTO ks.t\n   (k) VALUES (1) "), "whitespace normalized");
            assertEquals(VoidResult.INSTANCE, client.query(insert));
            assertTrue(twice.isExhausted());
            assertEquals(2, twice.hits());
            assertEquals(1, fallback.hits());

            Prime override = node.when(insert).thenError(new Invalid("new"));
            assertInstanceOf(Invalid.class, client.query(insert));
            override.remove();
            assertEquals(VoidResult.INSTANCE, client.query(insert));
            assertEquals(2, node.script().primes().size());
            node.script().clear();
            assertInstanceOf(Invalid.class, client.query(insert));
        }
    }

    @Test
    void computedRepliesSeeTheRequest() throws IOException {
        node.when(RequestMatcher.queryMatching(Pattern.compile("^ECHO ")))
                .then(Reply.computed(r -> new Invalid(r.cql() + " on stream " + r.streamId())));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            int stream = client.send(new Query("ECHO hello"));
            Envelope answer = client.readEnvelope();
            assertEquals(new Invalid("ECHO hello on stream " + stream), answer.message());
        }
    }

    @Test
    void warningsAndTracingIdsAreAttached() throws IOException {
        node.when("SELECT 1").warnings("Aggregation query used without partition key").thenVoid();
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            Envelope plain = client.exchange(new Query("SELECT 1"));
            assertEquals(List.of("Aggregation query used without partition key"), plain.warnings());
            client.send(new Query("SELECT 1"), 9, true);
            Envelope traced = client.readEnvelope();
            assertNotNull(traced.tracingId());
            assertTrue(node.activity().requests().get(2).tracing());
        }
    }

    @Test
    void batchesCanBePrimed() throws IOException {
        node.when(RequestMatcher.batch(b -> b.type() == BatchType.UNLOGGED)).thenVoid();
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertEquals(VoidResult.INSTANCE,
                    client.request(Batch.builder(BatchType.UNLOGGED).addQuery("INSERT 1").addQuery("INSERT 2").build()));
            assertInstanceOf(Invalid.class, client.request(Batch.builder(BatchType.LOGGED).addQuery("INSERT 1").build()));
        }
        assertEquals(2, node.activity().count(RequestKind.BATCH));
    }
}
