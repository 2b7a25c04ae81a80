package io.reactivecql.schema.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.protocol.types.VectorType;
import io.reactivecql.schema.api.AggregateMetadata;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.FunctionMetadata;
import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.ViewMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;

import static io.reactivecql.schema.it.SchemaIts.WAIT;
import static io.reactivecql.schema.it.SchemaIts.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading every element kind back from a real node, and the describe round trip. */
@RealCassandra
class SchemaMetadataIT {

    private static ReactiveSession session;

    @BeforeAll
    static void connect(CassandraCluster cluster) {
        session = SchemaIts.session(cluster);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    private static KeyspaceMetadata load(SchemaMetadataManager manager, String ks) {
        Metadata metadata = manager.start().block(WAIT);
        return metadata.keyspace(ks).orElseThrow(() -> new AssertionError("no keyspace " + ks));
    }

    @Test
    void readsEveryElementKind() {
        String ks = "it_read";
        run(session, "DROP KEYSPACE IF EXISTS " + ks);
        VariedSchema.ddl(ks).forEach(cql -> run(session, cql));
        SchemaMetadataManager manager = SchemaMetadataManager.create(session, Flux.never(), SchemaConfig.defaults());
        try {
            KeyspaceMetadata keyspace = load(manager, ks);
            assertFalse(keyspace.durableWrites());
            assertEquals("org.apache.cassandra.locator.SimpleStrategy", keyspace.replication().get("class"));
            assertEquals("1", keyspace.replication().get("replication_factor"));

            UserDefinedType person = keyspace.type("\"Person\"").orElseThrow().type();
            assertTrue(keyspace.type("person").isEmpty(), "unquoted lookup is case-insensitive");
            assertEquals(List.of("name", "home", "tags"), person.fieldNames());
            UserDefinedType home = (UserDefinedType) person.fieldTypes().get(1);
            assertTrue(home.isResolved() && home.isFrozen());
            assertEquals(List.of("street", "zip"), home.fieldNames());

            TableMetadata users = keyspace.table("USERS").orElseThrow();
            assertEquals(List.of("id", "bucket"), users.partitionKey().stream().map(ColumnMetadata::name).toList());
            assertEquals(List.of("ts", "Name"), users.clusteringColumns().stream().map(ColumnMetadata::name).toList());
            assertEquals(ClusteringOrder.DESC, users.column("ts").orElseThrow().order());
            assertEquals(ClusteringOrder.ASC, users.column("\"Name\"").orElseThrow().order());
            assertTrue(users.column("Name").isEmpty());
            assertEquals(ColumnKind.STATIC, users.column("total").orElseThrow().kind());
            assertEquals(new MapType(PrimitiveType.VARCHAR, PrimitiveType.INT, false),
                    users.column("scores").orElseThrow().type());
            assertEquals(new VectorType(PrimitiveType.FLOAT, 3), users.column("emb").orElseThrow().type());
            UserDefinedType who = (UserDefinedType) users.column("who").orElseThrow().type();
            assertEquals(person.fieldTypes(), who.fieldTypes());
            assertEquals("it's users", users.options().get("comment"));
            assertEquals(3600, users.options().get("gc_grace_seconds"));
            assertEquals(100, users.options().get("default_time_to_live"));
            assertEquals(0.02, users.options().get("bloom_filter_fp_chance"));
            assertEquals("95p", users.options().get("speculative_retry"));
            assertEquals(Map.of("keys", "ALL", "rows_per_partition", "10"), users.options().get("caching"));
            assertTrue(((Map<?, ?>) users.options().get("compaction")).get("class").toString()
                    .endsWith("LeveledCompactionStrategy"));
            assertTrue(((Map<?, ?>) users.options().get("compression")).get("class").toString()
                    .endsWith("ZstdCompressor"));
            IndexMetadata keys = users.index("users_scores_keys").orElseThrow();
            assertEquals("keys(scores)", keys.target());
            assertFalse(keys.isCustom());

            TableMetadata events = keyspace.table("\"Events\"").orElseThrow();
            IndexMetadata sai = events.index("events_l_sai").orElseThrow();
            assertTrue(sai.isCustom());
            assertTrue(sai.className().endsWith("StorageAttachedIndex"), sai.className());
            assertEquals("v", events.index("events_v").orElseThrow().target());
            assertEquals(1, events.indexes().values().stream().filter(i -> i.target().equals("\"Val\"")).count(),
                    events.indexes().toString());
            assertEquals("dot_product", users.index("users_emb").orElseThrow().options().get("similarity_function"));

            FunctionMetadata plus = keyspace.functions("plus").get(0);
            assertEquals(List.of("a", "b"), plus.argumentNames());
            assertEquals(List.of("int", "int"), plus.signature().argumentTypes());
            assertFalse(plus.calledOnNullInput());
            assertEquals("java", plus.language());
            assertEquals(1, keyspace.functions("\"Half\"").size());
            AggregateMetadata total = keyspace.aggregates("total").get(0);
            assertEquals("plus", total.stateFunction());
            assertEquals("Half", total.finalFunction());
            assertEquals("0", total.initCond());
            assertEquals(PrimitiveType.DOUBLE, total.returnType());

            ViewMetadata view = keyspace.view("events_by_v").orElseThrow();
            assertEquals("Events", view.baseTable());
            assertFalse(view.includeAllColumns());
            assertEquals(List.of("v"), view.partitionKey().stream().map(ColumnMetadata::name).toList());
            assertEquals(ClusteringOrder.DESC, view.column("k").orElseThrow().order());
            assertEquals("by v", view.options().get("comment"));

            KeyspaceMetadata virtual = manager.current().keyspace("system_views").orElseThrow();
            assertTrue(virtual.virtual());
            assertTrue(virtual.table("settings").orElseThrow().virtual());
            assertTrue(manager.current().keyspace("system_schema").isPresent());
        } finally {
            manager.close().block(WAIT);
            run(session, "DROP KEYSPACE IF EXISTS " + ks);
        }
    }

    @Test
    void describeRoundTrip() {
        String ks = "it_describe";
        run(session, "DROP KEYSPACE IF EXISTS " + ks);
        VariedSchema.ddl(ks).forEach(cql -> run(session, cql));
        SchemaMetadataManager manager = SchemaMetadataManager.create(session, Flux.never(),
                SchemaConfig.defaults().withKeyspaces(ks));
        try {
            KeyspaceMetadata before = load(manager, ks);
            assertEquals(1, manager.current().keyspaces().size(), "only the configured keyspace is kept");
            List<String> statements = before.describeAll();
            assertEquals(1 + 2 + 2 + 1 + 2 + 5 + 1, statements.size(), String.join("\n\n", statements));
            run(session, "DROP KEYSPACE " + ks);
            assertTrue(manager.refresh().block(WAIT).keyspace(ks).isEmpty());
            for (String cql : statements) {
                run(session, cql);
            }
            KeyspaceMetadata after = manager.refresh().block(WAIT).keyspace(ks).orElseThrow();
            assertEquals(before.describeWithChildren(), after.describeWithChildren());
            assertEquals(before, after);
            assertNotEquals(Metadata.EMPTY, manager.current());
        } finally {
            manager.close().block(WAIT);
            run(session, "DROP KEYSPACE IF EXISTS " + ks);
        }
    }

    @Test
    void schemaAgreementAfterDdl() {
        SchemaMetadataManager manager = SchemaMetadataManager.create(session, Flux.never(),
                SchemaConfig.defaults().withEnabled(false));
        try {
            assertEquals(Metadata.EMPTY, manager.start().block(WAIT));
            run(session, "CREATE KEYSPACE IF NOT EXISTS it_agree WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
            run(session, "CREATE TABLE IF NOT EXISTS it_agree.t (k int PRIMARY KEY)");
            assertTrue(manager.awaitSchemaAgreement().block(WAIT));
            assertEquals(Metadata.EMPTY, manager.current(), "schema metadata is off");
        } finally {
            manager.close().block(WAIT);
            run(session, "DROP KEYSPACE IF EXISTS it_agree");
        }
    }
}
