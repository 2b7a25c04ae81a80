package io.reactivecql.faults;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.AlreadyExistsException;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.BootstrappingException;
import io.reactivecql.api.errors.CasWriteUnknownException;
import io.reactivecql.api.errors.CdcWriteException;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.errors.FunctionFailureException;
import io.reactivecql.api.errors.InvalidConfigurationInQueryException;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ProtocolErrorException;
import io.reactivecql.api.errors.QueryConsistencyException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.ServerException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnauthorizedException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.UnpreparedException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
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
import io.reactivecql.stub.StubNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static io.reactivecql.faults.StubSessions.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ERROR a node can send, through the wire (v4 and v5) and the session: each yields its typed
 * exception carrying the protocol's fields and the coordinator, with the retry policy out of the
 * way (fallthrough), and the same typed error when the default policy had its say.
 */
class ServerErrorsTest {

    private static final InetAddress REPLICA = address(1);
    private static final InetAddress OTHER_REPLICA = address(2);

    private static StubNode node;
    private static ReactiveSession v4;
    private static ReactiveSession v5;

    /** One error the node answers, the exception it must become, and the fields to check on it. */
    record Case(ErrorResponse error, Class<? extends DriverException> type,
                BiConsumer<Throwable, ProtocolVersion> fields) {
        String query() {
            return "SELECT * FROM faults.error_" + error.code().name().toLowerCase();
        }

        @Override
        public String toString() {
            return error.code().name();
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(new ServerError("boom"), ServerErrorException.class, (t, v) -> { }));
        cases.add(new Case(new ProtocolError("bad frame"), ProtocolErrorException.class, (t, v) -> { }));
        // not a ServerException: the same type as a refused login (no error code, the node as endpoint)
        cases.add(new Case(new AuthenticationError("who?"), AuthenticationException.class, (t, v) -> { }));
        cases.add(new Case(new Unavailable("not enough", ConsistencyLevel.QUORUM, 2, 1), UnavailableException.class,
                (t, v) -> {
                    UnavailableException e = (UnavailableException) t;
                    assertEquals(ConsistencyLevel.QUORUM, e.consistency());
                    assertEquals(2, e.required());
                    assertEquals(1, e.alive());
                }));
        cases.add(new Case(new Overloaded("too busy"), OverloadedException.class, (t, v) -> { }));
        cases.add(new Case(new TruncateError("truncate failed"), TruncateException.class, (t, v) -> { }));
        cases.add(new Case(new WriteTimeout("write timeout", ConsistencyLevel.LOCAL_QUORUM, 1, 2, WriteType.SIMPLE,
                OptionalInt.empty()), WriteTimeoutException.class, (t, v) -> {
                    WriteTimeoutException e = (WriteTimeoutException) t;
                    consistency(e, ConsistencyLevel.LOCAL_QUORUM, 1, 2);
                    assertEquals(WriteType.SIMPLE, e.writeType());
                    assertEquals(OptionalInt.empty(), e.contentions());
                }));
        cases.add(new Case(new ReadTimeout("read timeout", ConsistencyLevel.ALL, 2, 3, true),
                ReadTimeoutException.class, (t, v) -> {
                    ReadTimeoutException e = (ReadTimeoutException) t;
                    consistency(e, ConsistencyLevel.ALL, 2, 3);
                    assertTrue(e.dataPresent());
                }));
        cases.add(new Case(new ReadFailure("read failure", ConsistencyLevel.QUORUM, 1, 2, 1, Map.of(REPLICA, 1), false),
                ReadFailureException.class, (t, v) -> {
                    ReadFailureException e = (ReadFailureException) t;
                    consistency(e, ConsistencyLevel.QUORUM, 1, 2);
                    assertEquals(1, e.numFailures());
                    assertFalse(e.dataPresent());
                    // v4 sends only the failure count; v5 the reason per replica
                    assertEquals(v == ProtocolVersion.V4 ? Map.of() : Map.of(REPLICA, 1), e.reasonMap());
                }));
        cases.add(new Case(new FunctionFailure("fn failed", "ks", "fn", List.of("int", "text")),
                FunctionFailureException.class, (t, v) -> {
                    FunctionFailureException e = (FunctionFailureException) t;
                    assertEquals("ks", e.keyspace());
                    assertEquals("fn", e.function());
                    assertEquals(List.of("int", "text"), e.argumentTypes());
                }));
        cases.add(new Case(new WriteFailure("write failure", ConsistencyLevel.TWO, 0, 2, 2, Map.of(REPLICA, 3, OTHER_REPLICA, 1),
                WriteType.BATCH), WriteFailureException.class, (t, v) -> {
                    WriteFailureException e = (WriteFailureException) t;
                    consistency(e, ConsistencyLevel.TWO, 0, 2);
                    assertEquals(2, e.numFailures());
                    assertEquals(WriteType.BATCH, e.writeType());
                    assertEquals(v == ProtocolVersion.V4 ? Map.of() : Map.of(REPLICA, 3, OTHER_REPLICA, 1), e.reasonMap());
                }));
        cases.add(new Case(new CdcWriteFailure("cdc full"), CdcWriteException.class, (t, v) -> { }));
        cases.add(new Case(new CasWriteUnknown("cas unknown", ConsistencyLevel.SERIAL, 1, 2),
                CasWriteUnknownException.class, (t, v) -> consistency((CasWriteUnknownException) t,
                ConsistencyLevel.SERIAL, 1, 2)));
        cases.add(new Case(new SyntaxError("line 1:0 no viable alternative"), SyntaxErrorException.class,
                (t, v) -> { }));
        cases.add(new Case(new Unauthorized("no SELECT permission"), UnauthorizedException.class, (t, v) -> { }));
        cases.add(new Case(new Invalid("unknown column"), InvalidQueryException.class, (t, v) -> { }));
        cases.add(new Case(new ConfigError("bad option"), InvalidConfigurationInQueryException.class,
                (t, v) -> { }));
        cases.add(new Case(new AlreadyExists("table exists", "ks", "t"), AlreadyExistsException.class, (t, v) -> {
            AlreadyExistsException e = (AlreadyExistsException) t;
            assertEquals("ks", e.keyspace());
            assertEquals("t", e.table());
            assertFalse(e.isKeyspace());
        }));
        cases.add(new Case(new Unprepared("unknown id", new byte[] {1, 2, 3}), UnpreparedException.class,
                (t, v) -> { }));
        return cases;
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void consistency(QueryConsistencyException e, ConsistencyLevel level, int received, int blockFor) {
        assertEquals(level, e.consistency());
        assertEquals(received, e.received());
        assertEquals(blockFor, e.blockFor());
    }

    static Stream<Arguments> casesByVersion() {
        return Stream.of(ProtocolVersion.V4, ProtocolVersion.V5)
                .flatMap(v -> cases().stream().map(c -> Arguments.of(v, c)));
    }

    @BeforeAll
    static void start() {
        node = StubNode.start();
        for (Case c : cases()) {
            node.when(c.query()).thenError(c.error());
        }
        node.when("INSERT INTO faults.cas (k) VALUES (1) IF NOT EXISTS").thenError(new WriteTimeout("cas timeout",
                ConsistencyLevel.SERIAL, 0, 1, WriteType.CAS, OptionalInt.of(4)));
        node.when("SELECT * FROM faults.bootstrapping").thenError(new IsBootstrapping("still joining"));
        v4 = StubSessions.connect(StubSessions.builder(node).withProtocolVersion(ProtocolVersion.V4)
                .withRetryPolicy(RetryPolicy.fallthrough()));
        v5 = StubSessions.connect(StubSessions.builder(node).withProtocolVersion(ProtocolVersion.V5)
                .withRetryPolicy(RetryPolicy.fallthrough()));
    }

    @AfterAll
    static void stop() {
        StubSessions.close(v4);
        StubSessions.close(v5);
        node.close();
    }

    private static ReactiveSession session(ProtocolVersion version) {
        return version == ProtocolVersion.V4 ? v4 : v5;
    }

    @Test
    void theMatrixCoversEveryErrorCode() {
        Set<ErrorCode> covered = EnumSet.noneOf(ErrorCode.class);
        cases().forEach(c -> covered.add(c.error().code()));
        covered.add(ErrorCode.WRITE_TIMEOUT); // the CAS case below
        covered.add(ErrorCode.IS_BOOTSTRAPPING);
        assertEquals(EnumSet.allOf(ErrorCode.class), covered);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesByVersion")
    void eachServerErrorBecomesItsTypedExceptionWithItsFields(ProtocolVersion version, Case c) {
        Throwable t = error(session(version).executePage(SimpleStatement.of(c.query())));
        assertInstanceOf(c.type(), t, () -> "expected " + c.type().getSimpleName() + ", got " + t);
        if (t instanceof ServerException e) {
            assertEquals(node.address(), e.coordinator());
            assertEquals(c.error().code().code(), e.errorCode());
            assertEquals(c.error().message() + " (from " + node.address() + ")", e.getMessage());
        } else {
            AuthenticationException e = (AuthenticationException) t;
            assertEquals(node.address(), e.endpoint());
            assertTrue(e.getMessage().endsWith(c.error().message()), e.getMessage());
        }
        c.fields().accept(t, version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void aCasWriteTimeoutCarriesItsContentionsOnV5(ProtocolVersion version) {
        Throwable t = error(session(version).executePage(
                SimpleStatement.of("INSERT INTO faults.cas (k) VALUES (1) IF NOT EXISTS")));
        WriteTimeoutException e = assertInstanceOf(WriteTimeoutException.class, t);
        assertEquals(WriteType.CAS, e.writeType());
        assertEquals(version == ProtocolVersion.V4 ? OptionalInt.empty() : OptionalInt.of(4), e.contentions());
    }

    static Stream<ProtocolVersion> versions() {
        return Stream.of(ProtocolVersion.V4, ProtocolVersion.V5);
    }

    @Test
    void aBootstrappingNodeIsSkippedAndNamedInTheNoNodeError() {
        Throwable t = error(v5.executePage(SimpleStatement.of("SELECT * FROM faults.bootstrapping")));
        NoNodeAvailableException e = assertInstanceOf(NoNodeAvailableException.class, t);
        Map<InetSocketAddress, Throwable> errors = e.errors();
        assertEquals(Set.of(node.address()), errors.keySet());
        assertInstanceOf(BootstrappingException.class, errors.get(node.address()));
    }

    @Test
    void theDefaultRetryPolicyEndsWithTheSameTypedError() {
        ReactiveSession retrying = StubSessions.connect(StubSessions.builder(node));
        try {
            for (Case c : cases()) {
                SimpleStatement idempotent = SimpleStatement.of(c.query()).withIdempotent(true);
                Throwable t = error(retrying.executePage(idempotent));
                assertInstanceOf(c.type(), t, () -> c + ": " + t);
            }
        } finally {
            StubSessions.close(retrying);
        }
    }
}
