package io.reactivecql.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.extension.ControlChannel;
import io.reactivecql.api.extension.SessionExtension;
import io.reactivecql.api.extension.SessionExtensionProvider;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.response.event.SchemaChange;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension SPI against a real node: a provider attaches at connect through the control
 * channel (queries, schema events, nodes), is found by type, and is closed with the session; a
 * failing provider fails the connection. Also: DDL results wait for schema agreement.
 */
@RealCassandra
class SessionExtensionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Records what the control channel gives it. */
    static final class Recorder implements SessionExtension {
        final String releaseVersion;
        final int nodes;
        final List<SchemaChange> changes = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        Recorder(String releaseVersion, int nodes) {
            this.releaseVersion = releaseVersion;
            this.nodes = nodes;
        }

        @Override
        public Mono<Void> close() {
            return Mono.fromRunnable(() -> closed.set(true));
        }
    }

    static final class RecorderProvider implements SessionExtensionProvider {
        @Override
        public Mono<Recorder> attach(ReactiveSession session, ControlChannel control) {
            return control.query("SELECT release_version FROM system.local WHERE key = 'local'")
                    .next()
                    .map(row -> {
                        Recorder r = new Recorder(row.getString(0), control.nodes().size());
                        control.schemaChanges().subscribe(r.changes::add);
                        return r;
                    });
        }
    }

    @Test
    void aProviderAttachesThroughTheControlChannelAndClosesWithTheSession(CassandraCluster cluster) throws Exception {
        ReactiveSession session = ItSessions.builder(cluster).withExtension(new RecorderProvider()).connect().block(WAIT);
        Recorder recorder = session.extension(Recorder.class).orElseThrow();
        try {
            assertTrue(recorder.releaseVersion.startsWith("5."), recorder.releaseVersion);
            assertEquals(1, recorder.nodes);
            assertSame(recorder, session.extension(SessionExtension.class).orElseThrow());
            assertTrue(session.extension(String.class).isEmpty());
            ResultPage ddl = session.executePage(SimpleStatement.of("CREATE KEYSPACE IF NOT EXISTS it_ext WITH "
                    + "replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")).block(WAIT);
            assertTrue(ddl.executionInfo().isSchemaInAgreement());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (recorder.changes.stream().noneMatch(c -> "it_ext".equals(c.keyspace()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(recorder.changes.stream().anyMatch(c -> "it_ext".equals(c.keyspace())), recorder.changes
                    .toString());
        } finally {
            session.execute("DROP KEYSPACE IF EXISTS it_ext").blockLast(WAIT);
            session.close().block(WAIT);
        }
        assertTrue(recorder.closed.get(), "closed with the session");
    }

    @Test
    void aFailingProviderFailsTheConnection(CassandraCluster cluster) {
        AtomicBoolean attached = new AtomicBoolean();
        SessionExtensionProvider failing = (session, control) -> {
            attached.set(true);
            return Mono.error(new IllegalStateException("extension refused"));
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ItSessions.builder(cluster).withExtension(failing).connect().block(WAIT));
        assertEquals("extension refused", e.getMessage());
        assertTrue(attached.get());
    }

    @Test
    void ddlWithoutWaitingForAgreementSaysSo(CassandraCluster cluster) {
        ReactiveSession session = ItSessions.builder(cluster)
                .withConfig(ItSessions.builder(cluster).config().withSchemaAgreement(Duration.ZERO,
                        Duration.ofMillis(200)))
                .connect().block(WAIT);
        try {
            ResultPage ddl = session.executePage(SimpleStatement.of("CREATE KEYSPACE IF NOT EXISTS it_ext0 WITH "
                    + "replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")).block(WAIT);
            assertFalse(ddl.executionInfo().isSchemaInAgreement());
            ResultPage select = session.executePage(SimpleStatement.of("SELECT * FROM system.local")).block(WAIT);
            assertTrue(select.executionInfo().isSchemaInAgreement(), "not a schema change");
        } finally {
            session.execute("DROP KEYSPACE IF EXISTS it_ext0").blockLast(WAIT);
            session.close().block(WAIT);
        }
    }
}
