package io.reactivecql.schema.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.schema.api.ElementKind;
import io.reactivecql.schema.api.FunctionMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.SchemaChange;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.UserTypeMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static io.reactivecql.schema.it.SchemaIts.WAIT;
import static io.reactivecql.schema.it.SchemaIts.run;
import static io.reactivecql.schema.api.SchemaChange.Type.CREATED;
import static io.reactivecql.schema.api.SchemaChange.Type.DROPPED;
import static io.reactivecql.schema.api.SchemaChange.Type.UPDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event path: DDL run by one session, SCHEMA_CHANGE pushed to another session's control
 * connection, debounced and refreshed by the metadata attached to that session, and the matching
 * {@link SchemaChange} published in time.
 */
@RealCassandra
class SchemaEventsIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String KS = "it_events";

    /** Runs the DDL. */
    private static ReactiveSession session;
    /** Follows the schema through the metadata attached to it, fed by its control connection. */
    private static ReactiveSession listener;
    private static SchemaMetadataManager manager;

    @BeforeAll
    static void start(CassandraCluster cluster) {
        session = SchemaIts.session(cluster);
        run(session, "DROP KEYSPACE IF EXISTS " + KS);
        listener = SchemaIts.builder(cluster)
                .withExtension(SessionMetadata.configure(SchemaConfig.defaults().withDebounce(Duration.ofMillis(200), 50)))
                .connect()
                .block(WAIT);
        manager = SessionMetadata.of(listener).schema();
    }

    @AfterAll
    static void stop() {
        if (listener != null) {
            listener.close().block(WAIT);
        }
        if (session != null) {
            run(session, "DROP KEYSPACE IF EXISTS " + KS);
            session.close().block(WAIT);
        }
    }

    /** Runs {@code cql} and returns the change of {@code kind} named {@code name} it causes. */
    private static SchemaChange expect(String cql, SchemaChange.Type type, ElementKind kind, String name) {
        Mono<SchemaChange> change = manager.changes()
                .filter(c -> c.type() == type && c.kind() == kind && c.keyspace().equals(KS) && c.name().equals(name))
                .next()
                .cache();
        change.subscribe();
        long start = System.nanoTime();
        run(session, cql);
        SchemaChange received = change.block(WITHIN);
        assertTrue(received != null, "no " + type + " " + kind + " " + name + " after " + cql);
        assertTrue(System.nanoTime() - start < WITHIN.toNanos());
        return received;
    }

    @Test
    void everyElementKindCreatedAlteredAndDropped() {
        SchemaChange ks = expect("CREATE KEYSPACE " + KS + " WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}", CREATED, ElementKind.KEYSPACE, KS);
        assertTrue(((KeyspaceMetadata) ks.newElement()).durableWrites());
        SchemaChange ksAltered = expect("ALTER KEYSPACE " + KS + " WITH durable_writes = false", UPDATED,
                ElementKind.KEYSPACE, KS);
        assertTrue(((KeyspaceMetadata) ksAltered.oldElement()).durableWrites());
        assertFalse(((KeyspaceMetadata) ksAltered.newElement()).durableWrites());

        expect("CREATE TYPE " + KS + ".point (x int)", CREATED, ElementKind.TYPE, "point");
        SchemaChange typeAltered = expect("ALTER TYPE " + KS + ".point ADD y int", UPDATED, ElementKind.TYPE, "point");
        assertEquals(2, ((UserTypeMetadata) typeAltered.newElement()).type().fieldNames().size());

        expect("CREATE TABLE " + KS + ".tab (k int PRIMARY KEY, v int, p frozen<point>)", CREATED,
                ElementKind.TABLE, "tab");
        SchemaChange tableAltered = expect("ALTER TABLE " + KS + ".tab ADD w text", UPDATED, ElementKind.TABLE, "tab");
        assertTrue(((TableMetadata) tableAltered.newElement()).column("w").isPresent());
        expect("ALTER TABLE " + KS + ".tab WITH comment = 'hello'", UPDATED, ElementKind.TABLE, "tab");

        expect("CREATE INDEX tab_v ON " + KS + ".tab (v)", CREATED, ElementKind.INDEX, "tab_v");
        expect("CREATE CUSTOM INDEX tab_w ON " + KS + ".tab (w) USING 'StorageAttachedIndex'", CREATED,
                ElementKind.INDEX, "tab_w");

        expect("CREATE FUNCTION " + KS + ".twice(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java "
                + "AS 'return x * 2;'", CREATED, ElementKind.FUNCTION, "twice(int)");
        SchemaChange fnReplaced = expect("CREATE OR REPLACE FUNCTION " + KS + ".twice(x int) RETURNS NULL ON NULL "
                + "INPUT RETURNS int LANGUAGE java AS 'return x + x;'", UPDATED, ElementKind.FUNCTION, "twice(int)");
        assertEquals("return x + x;", ((FunctionMetadata) fnReplaced.newElement()).body());
        expect("CREATE FUNCTION " + KS + ".acc(s int, x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java "
                + "AS 'return s + x;'", CREATED, ElementKind.FUNCTION, "acc(int, int)");
        expect("CREATE AGGREGATE " + KS + ".sum2(int) SFUNC acc STYPE int INITCOND 0", CREATED,
                ElementKind.AGGREGATE, "sum2(int)");
        expect("CREATE OR REPLACE AGGREGATE " + KS + ".sum2(int) SFUNC acc STYPE int INITCOND 1", UPDATED,
                ElementKind.AGGREGATE, "sum2(int)");

        expect("CREATE MATERIALIZED VIEW " + KS + ".by_v AS SELECT k, v FROM " + KS + ".tab "
                + "WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)", CREATED, ElementKind.VIEW, "by_v");
        expect("ALTER MATERIALIZED VIEW " + KS + ".by_v WITH comment = 'view'", UPDATED, ElementKind.VIEW, "by_v");

        expect("DROP MATERIALIZED VIEW " + KS + ".by_v", DROPPED, ElementKind.VIEW, "by_v");
        expect("DROP AGGREGATE " + KS + ".sum2", DROPPED, ElementKind.AGGREGATE, "sum2(int)");
        expect("DROP FUNCTION " + KS + ".twice", DROPPED, ElementKind.FUNCTION, "twice(int)");
        expect("DROP INDEX " + KS + ".tab_v", DROPPED, ElementKind.INDEX, "tab_v");
        expect("DROP TABLE " + KS + ".tab", DROPPED, ElementKind.TABLE, "tab");
        expect("DROP TYPE " + KS + ".point", DROPPED, ElementKind.TYPE, "point");
        expect("DROP KEYSPACE " + KS, DROPPED, ElementKind.KEYSPACE, KS);
        assertTrue(manager.current().keyspace(KS).isEmpty());
        assertTrue(manager.awaitSchemaAgreement().block(WAIT));
    }
}
