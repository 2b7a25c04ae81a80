package io.reactivecql.internal.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.LogCapture;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.result.PreparedMetadata;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in request logger and server-warning logger over a scripted node. */
class RequestLoggerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String REQUESTS = "io.reactivecql.requests";
    private static final String WARNINGS = "io.reactivecql.warnings";

    /** Prepares anything with markers (id int, name text); answers a query starting with SELEC (no T) with a syntax error. */
    private static Envelope answer(Request request, List<String> warnings) {
        Object message;
        if (request instanceof Prepare p) {
            message = new PreparedResult(p.query().getBytes(StandardCharsets.UTF_8), null,
                    new PreparedMetadata(List.of(Fixtures.col("id", PrimitiveType.INT),
                            Fixtures.col("name", PrimitiveType.VARCHAR)), List.of(0)), RowsMetadata.of(List.of()));
        } else if (request instanceof Query q && q.query().startsWith("SELEC ")) {
            message = new SyntaxError("line 1:0 no viable alternative at input 'SELEC'");
        } else {
            message = VoidResult.INSTANCE;
        }
        return new Envelope(ProtocolVersion.V4, 1, false, null, warnings, Map.of(), false,
                (io.reactivecql.protocol.Response) message);
    }

    private static ReactiveSession session(RequestLogOptions options, Duration delay, List<String> warnings) {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V4,
                request -> Mono.delay(delay).map(t -> answer(request, warnings)));
        return SessionFactory.connect(ReactiveSession.builder().addContactPoint(Fixtures.NODE)
                        .withRequestLogging(options), FakeConnectionFactory.of(transport), false)
                .block(WAIT);
    }

    @Test
    void slowRequestsAreLoggedAtWarnWithTheQueryAndValuesCut() {
        RequestLogOptions options = RequestLogOptions.defaults().withSlow(Duration.ofMillis(20))
                .withMaxQueryLength(20).withValues(true, 2, 5);
        ReactiveSession session = session(options, Duration.ofMillis(60), List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            session.execute("INSERT INTO ks.users (id, name, bio) VALUES (?, ?, ?)", 42, "abcdefghij", "third")
                    .blockLast(WAIT);
            List<String> lines = log.messages();
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.startsWith("WARN [s"), line);
            assertTrue(line.contains("] Slow request ("), line);
            assertTrue(line.endsWith(", over 20.0 ms) to 127.0.0.1:9042: INSERT INTO ks.users..."
                    + " [42, 'abcde...', ...]"), line);
        }
    }

    @Test
    void fastRequestsAreLoggedOnlyAtDebugAndOnlyWhenAsked() {
        ReactiveSession quiet = session(RequestLogOptions.defaults().withSlow(Duration.ofSeconds(5)),
                Duration.ZERO, List.of());
        ReactiveSession chatty = session(RequestLogOptions.defaults().withSuccess(true), Duration.ZERO, List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            quiet.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
            assertEquals(List.of(), log.messages(), "success logging is off");
            chatty.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
            assertEquals(1, log.messages().size());
            assertTrue(log.messages().get(0).startsWith("DEBUG [s"), log.messages().toString());
        }
        try (LogCapture log = new LogCapture(REQUESTS, Level.INFO)) {
            chatty.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
            assertEquals(List.of(), log.messages(), "nothing at INFO on the hot path");
        }
    }

    @Test
    void failuresAreLoggedAtWarnWithTheErrorAndOptionallyItsStackTrace() {
        ReactiveSession session = session(RequestLogOptions.defaults().withErrors(true), Duration.ZERO, List.of());
        ReactiveSession traces = session(RequestLogOptions.defaults().withErrors(true).withStackTraces(true),
                Duration.ZERO, List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC 1").blockLast(WAIT));
            ILoggingEvent event = log.events().get(0);
            assertEquals(Level.WARN, event.getLevel());
            String line = event.getFormattedMessage();
            assertTrue(line.contains("] Failed request (") && line.contains(": SELEC 1 -> "
                    + SyntaxErrorException.class.getName() + ": ") && line.contains("no viable alternative"), line);
            assertNull(event.getThrowableProxy());

            assertThrows(SyntaxErrorException.class, () -> traces.execute("SELEC 1").blockLast(WAIT));
            assertNotNull(log.events().get(1).getThrowableProxy());
            assertEquals(2, log.events().size());
        }
    }

    @Test
    void cancelledRequestsAreNotFailures() throws InterruptedException {
        ReactiveSession session = session(RequestLogOptions.defaults().withErrors(true), Duration.ofSeconds(30),
                List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            Disposable running = session.execute("INSERT INTO t (k) VALUES (1)").subscribe();
            Thread.sleep(50);
            running.dispose();
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void boundValuesAreDecodedAndNamedAndBatchesListTheirStatements() {
        ReactiveSession session = session(RequestLogOptions.defaults().withSlow(Duration.ofMillis(1))
                .withValues(true, 50, 50), Duration.ofMillis(20), List.of());
        PreparedStatement insert = session.prepare("INSERT INTO ks.users (id, name) VALUES (?, ?)").block(WAIT);
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            session.execute(insert.bind(7, null)).blockLast(WAIT);
            session.execute(insert.bind(8)).blockLast(WAIT);
            session.execute(BatchStatement.logged().add(insert.bind(9, "nine"))
                    .add(SimpleStatement.of("DELETE FROM ks.users WHERE id = ?", 1))).blockLast(WAIT);
            List<String> lines = log.messages();
            assertTrue(lines.get(0).endsWith(": INSERT INTO ks.users (id, name) VALUES (?, ?) [id=7, name=NULL]"),
                    lines.get(0));
            assertTrue(lines.get(1).endsWith("[id=8, name=<unset>]"), lines.get(1));
            assertTrue(lines.get(2).endsWith(": BATCH LOGGED of 2 statements: INSERT INTO ks.users (id, name) "
                    + "VALUES (?, ?) [id=9, name='nine']; DELETE FROM ks.users WHERE id = ? [1]"), lines.get(2));
        }
    }

    @Test
    void valuesAreLeftOutUnlessAsked() {
        ReactiveSession session = session(RequestLogOptions.defaults().withSlow(Duration.ofMillis(1)),
                Duration.ofMillis(20), List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            session.execute("INSERT INTO ks.users (id, password) VALUES (?, ?)", 1, "secret").blockLast(WAIT);
            String line = log.messages().get(0);
            assertTrue(line.endsWith(": INSERT INTO ks.users (id, password) VALUES (?, ?)"), line);
        }
    }

    @Test
    void reactorContextKeysReachTheMdcOnlyWhileTheLineIsWritten() {
        ReactiveSession session = session(RequestLogOptions.defaults().withSuccess(true)
                .withContextKeys(List.of("tenant", "absent")), Duration.ZERO, List.of());
        try (LogCapture log = new LogCapture(REQUESTS, Level.DEBUG)) {
            session.execute("INSERT INTO t (k) VALUES (1)")
                    .contextWrite(Context.of("tenant", "acme"))
                    .blockLast(WAIT);
            Map<String, String> mdc = log.events().get(0).getMDCPropertyMap();
            assertEquals("acme", mdc.get("tenant"));
            assertTrue(!mdc.containsKey("absent"));
        }
        assertNull(MDC.get("tenant"), "the MDC is restored");
    }

    @Test
    void serverWarningsAreLoggedOncePerRequestByDefault() {
        List<String> warnings = List.of("Aggregation query used without partition key");
        ReactiveSession session = session(RequestLogOptions.defaults(), Duration.ZERO, warnings);
        ReactiveSession silenced = session(RequestLogOptions.defaults().withServerWarnings(false), Duration.ZERO,
                warnings);
        try (LogCapture log = new LogCapture(WARNINGS, Level.DEBUG)) {
            session.execute("SELECT count(*) FROM ks.t").blockLast(WAIT);
            silenced.execute("SELECT count(*) FROM ks.t").blockLast(WAIT);
            List<String> lines = log.messages();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("WARN [s") && lines.get(0).endsWith(
                    "] 127.0.0.1:9042 warned [Aggregation query used without partition key] about "
                            + "SELECT count(*) FROM ks.t"), lines.get(0));
        }
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> RequestLogOptions.defaults().withMaxQueryLength(0));
        assertThrows(IllegalArgumentException.class, () -> RequestLogOptions.defaults().withValues(true, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> RequestLogOptions.defaults().withSlow(Duration.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestLogOptions.defaults().withValues(true, 3, 0));
        assertTrue(e.getMessage().startsWith("maxValueLength"), e.getMessage());
    }
}
