package io.reactivecql.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.config.BuilderLayer;
import io.reactivecql.internal.config.ConfigResolver;
import io.reactivecql.internal.config.Resolution;
import io.reactivecql.internal.session.ConfigReloading;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running session follows its configuration file: reloadable options change, the others do not. */
class ConfigReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ConfigReloading.class);
    private final FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5,
            FakeTransport.answering(ProtocolVersion.V5, r -> Fixtures.page(r, 25)));

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private static void write(Path file, String... lines) throws IOException {
        // write then move, so that a reload never reads a half-written file
        Path tmp = Files.createTempFile(file.getParent(), "next", ".tmp");
        Files.write(tmp, List.of(lines), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A session opened from {@code builder} (through the scripted transport), following its configuration. */
    private ReactiveSession open(SessionBuilder builder, Sinks.Many<Object> trigger) {
        BuilderLayer layer = builder.configLayer();
        Resolution initial = ConfigResolver.resolve(layer, System.getProperties());
        ReactiveSession session = SessionFactory.connect(builder.resolved(initial), FakeConnectionFactory.of(transport),
                false).block(WAIT);
        return ConfigReloading.follow(session, layer, initial, trigger == null ? null : trigger.asFlux());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private Query lastQuery() {
        List<Query> sent = transport.sent(Query.class);
        return sent.get(sent.size() - 1);
    }

    private boolean logged(String text) {
        // the appender's list is written on the reload's thread
        synchronized (logs) {
            return logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
        }
    }

    @Test
    void aTriggeredReloadAppliesTheReloadableOptionsOnly() throws Exception {
        Path file = dir.resolve("driver.properties");
        write(file, "basic.request.page-size = 10", "basic.request.consistency = QUORUM",
                "advanced.connection.connect-timeout = 4s", "profiles.p.basic.request.consistency = TWO");
        Sinks.Many<Object> trigger = Sinks.many().multicast().directBestEffort();
        ReactiveSession session = open(ReactiveSession.builder().addContactPoint(Fixtures.NODE).withConfigFile(file)
                .withConfig(DriverConfig.defaults().withDefaultIdempotence(true)), trigger);
        try {
            session.execute("SELECT * FROM t").take(1).blockLast(WAIT);
            assertEquals(10, lastQuery().options().pageSize());
            assertEquals(ConsistencyLevel.QUORUM, lastQuery().options().consistency());

            write(file, "basic.request.page-size = 20", "basic.request.consistency = ONE",
                    "basic.request.default-idempotence = false",
                    "advanced.connection.connect-timeout = 9s", "profiles.p.basic.request.consistency = THREE");
            trigger.tryEmitNext("reload");
            await("the reload", () -> session.config().pageSize() == 20);
            assertEquals(ConsistencyLevel.ONE, session.config().consistency());
            assertEquals(Duration.ofSeconds(4), session.config().connectTimeout(), "not reloadable");
            assertTrue(session.config().defaultIdempotence(), "set on the builder: no source overrides it");
            session.execute("SELECT * FROM t").take(1).blockLast(WAIT);
            assertEquals(20, lastQuery().options().pageSize());
            assertEquals(ConsistencyLevel.ONE, lastQuery().options().consistency());
            session.execute(SimpleStatement.of("SELECT * FROM t").withExecutionProfileName("p")).take(1).blockLast(WAIT);
            assertEquals(ConsistencyLevel.THREE, lastQuery().options().consistency(), "profiles reload too");
            // the session's settings change before the reload's log lines are written: wait for them
            await("the ignored option's warning",
                    () -> logged("[advanced.connection.connect-timeout] changed but cannot change in a running session"));
            await("the applied options' line", () -> logged("basic.request.page-size = 20"));

            write(file, "basic.request.page-size = many");
            trigger.tryEmitNext("reload");
            await("the failed reload", () -> logged("configuration reload failed"));
            assertTrue(logged("basic.request.page-size (file " + file + "): 'many' is not valid"));
            assertEquals(20, session.config().pageSize(), "a failed reload changes nothing");
            assertEquals(ConsistencyLevel.ONE, session.config().consistency());

            write(file, "basic.request.page-size = 30");
            trigger.tryEmitNext("reload");
            await("the next reload", () -> session.config().pageSize() == 30);
            assertEquals(ConsistencyLevel.LOCAL_ONE, session.config().consistency(), "back to the reference default");
        } finally {
            session.close().block(WAIT);
        }
        await("the trigger to be released", () -> trigger.currentSubscriberCount() == 0);
    }

    @Test
    void theReloadIntervalOptionReloadsPeriodically() throws Exception {
        Path file = dir.resolve("periodic.properties");
        write(file, "basic.config-reload-interval = 50ms", "basic.request.timeout = 3s");
        ReactiveSession session = open(ReactiveSession.builder().addContactPoint(Fixtures.NODE).withConfigFile(file),
                null);
        try {
            assertEquals(Duration.ofSeconds(3), session.config().requestTimeout());
            write(file, "basic.config-reload-interval = 50ms", "basic.request.timeout = 4s");
            await("a periodic reload", () -> session.config().requestTimeout().equals(Duration.ofSeconds(4)));
        } finally {
            session.close().block(WAIT);
        }
        int reloads = logs.list.size();
        write(file, "basic.config-reload-interval = 50ms", "basic.request.timeout = 5s");
        Thread.sleep(300);
        assertEquals(Duration.ofSeconds(4), session.config().requestTimeout(), "a closed session stops reloading");
        assertEquals(reloads, logs.list.size());
    }
}
