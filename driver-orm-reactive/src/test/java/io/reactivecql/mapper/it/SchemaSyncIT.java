package io.reactivecql.mapper.it;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.mapper.api.Column;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.mapper.api.SyncResult;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SessionMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.reactivecql.mapper.it.MapperIts.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** syncTable creates, is a no-op when the schema fits, adds what is missing, and never alters or drops. */
@RealCassandra
class SchemaSyncIT {

    static final String KS = "orm_sync";

    @Udt(name = "spec")
    record SpecV1(int weight) {
    }

    @Udt(name = "spec")
    record SpecV2(int weight, String material) {
    }

    @Table(keyspace = KS, name = "gadgets")
    record GadgetV1(@PartitionKey UUID id, String name, SpecV1 spec) {
    }

    @Table(keyspace = KS, name = "gadgets")
    record GadgetV2(@PartitionKey UUID id, String name, SpecV2 spec, List<String> colors,
                    @Column(name = "price_cents") long priceCents) {
    }

    @Table(keyspace = KS, name = "tools")
    record Tool(@PartitionKey UUID id, String name) {
    }

    @Table(keyspace = KS, name = "tools")
    record ToolWithIntName(@PartitionKey UUID id, int name) {
    }

    @Table(keyspace = KS, name = "tools")
    record ToolWithTextKey(@PartitionKey String id, String name) {
    }

    @Table(keyspace = "orm_sync_other", name = "things")
    record Thing(@PartitionKey int id) {
    }

    private static final MapperIts.Recorder RECORDER = new MapperIts.Recorder();
    private static ReactiveSession session;
    private static ReactiveMapper mapper;

    @BeforeAll
    static void setUp(CassandraCluster cluster) {
        session = MapperIts.session(cluster, RECORDER);
        mapper = ReactiveMapper.create(session);
        mapper.schema().dropKeyspace(KS).block(WAIT);
        mapper.schema().createKeyspaceSimple(KS, 1).block(WAIT);
    }

    @AfterAll
    static void tearDown() {
        if (session != null) {
            mapper.close().block(WAIT);
            session.close().block(WAIT);
        }
    }

    private static long ddlSent() {
        return RECORDER.executed.stream().filter(s -> s instanceof SimpleStatement simple
                && simple.query().matches("(?s)(CREATE|ALTER|DROP) .*")).count();
    }

    private static List<String> columns(String keyspace, String table) {
        return session.execute("SELECT column_name FROM system_schema.columns WHERE keyspace_name = ? "
                + "AND table_name = ?", keyspace, table).map((Row r) -> r.getString(0)).collectList().block(WAIT);
    }

    private static long schemaReadsThroughTheSession(MapperIts.Recorder recorder) {
        return recorder.executed.stream().filter(s -> MapperIts.cqlOf(s).contains("system_schema.")).count();
    }

    @Test
    void createThenNoOpThenAddMissingColumns() {
        long reads = schemaReadsThroughTheSession(RECORDER);
        SyncResult created = mapper.schema().syncTable(GadgetV1.class).block(WAIT);
        assertEquals(reads, schemaReadsThroughTheSession(RECORDER),
                "the mapper reads the session's own schema metadata (the control connection's)");
        assertEquals(List.of("CREATE TYPE IF NOT EXISTS orm_sync.spec (weight int)",
                "CREATE TABLE IF NOT EXISTS orm_sync.gadgets (id uuid, name text, spec frozen<spec>, "
                        + "PRIMARY KEY ((id)))"), created.statements());

        long before = ddlSent();
        SyncResult again = mapper.schema().syncTable(GadgetV1.class).block(WAIT);
        assertFalse(again.changed(), "syncing a table that fits is a no-op");
        assertEquals(before, ddlSent(), "and sends no DDL");

        UUID id = UUID.randomUUID();
        ReactiveRepository<GadgetV1, UUID> v1 = mapper.repository(GadgetV1.class, UUID.class).block(WAIT);
        v1.save(new GadgetV1(id, "lamp", new SpecV1(3))).block(WAIT);

        SyncResult added = mapper.schema().syncTable(GadgetV2.class).block(WAIT);
        assertEquals(List.of("ALTER TYPE orm_sync.spec ADD material text",
                "ALTER TABLE orm_sync.gadgets ADD (colors list<text>, price_cents bigint)"), added.statements());
        assertTrue(columns(KS, "gadgets").containsAll(List.of("id", "name", "spec", "colors", "price_cents")));
        assertFalse(mapper.schema().syncTable(GadgetV2.class).block(WAIT).changed());

        ReactiveRepository<GadgetV2, UUID> v2 = mapper.repository(GadgetV2.class, UUID.class).block(WAIT);
        GadgetV2 old = v2.findById(id).block(WAIT);
        assertEquals(new GadgetV2(id, "lamp", new SpecV2(3, null), List.of(), 0), old, "the old row, new fields empty");
        GadgetV2 full = new GadgetV2(id, "lamp", new SpecV2(3, "brass"), List.of("red"), 1999);
        v2.save(full).block(WAIT);
        assertEquals(full, v2.findById(id).block(WAIT));
        assertEquals(new GadgetV1(id, "lamp", new SpecV1(3)), v1.findById(id).block(WAIT),
                "the narrower mapping still reads its columns");
    }

    @Table(keyspace = KS, name = "widgets")
    record Widget(@PartitionKey UUID id, String name) {
    }

    @Test
    void aSessionLimitedToOtherKeyspacesFallsBackToTheMappersOwnSchemaReads(CassandraCluster cluster) {
        MapperIts.Recorder recorder = new MapperIts.Recorder();
        ReactiveSession limited = MapperIts.session(cluster, recorder, b -> b.withExtension(
                SessionMetadata.configure(SchemaConfig.defaults().withKeyspaces("system_auth"))));
        ReactiveMapper own = ReactiveMapper.create(limited);
        try {
            assertTrue(own.schema().syncTable(Widget.class).block(WAIT).changed());
            ReactiveRepository<Widget, UUID> widgets = own.repository(Widget.class, UUID.class).block(WAIT);
            Widget w = new Widget(UUID.randomUUID(), "cog");
            widgets.save(w).block(WAIT);
            assertEquals(w, widgets.findById(w.id()).block(WAIT));
            assertTrue(schemaReadsThroughTheSession(recorder) > 0, "the fallback reads system_schema itself");
        } finally {
            own.close().block(WAIT);
            limited.close().block(WAIT);
        }
    }

    @Test
    void neverAltersOrDrops() {
        mapper.schema().syncTable(Tool.class).block(WAIT);
        long before = ddlSent();
        MappingException type = assertThrows(MappingException.class,
                () -> mapper.schema().syncTable(ToolWithIntName.class).block(WAIT));
        assertEquals("ToolWithIntName", type.entity());
        assertEquals("name", type.field());
        MappingException key = assertThrows(MappingException.class,
                () -> mapper.schema().syncTable(ToolWithTextKey.class).block(WAIT));
        assertEquals("id", key.field());
        assertTrue(key.getMessage().contains("CQL type uuid"), key.getMessage());
        assertEquals(before, ddlSent(), "nothing was sent");
        assertEquals("text", session.execute("SELECT type FROM system_schema.columns WHERE keyspace_name = ? AND "
                + "table_name = 'tools' AND column_name = 'name'", KS).blockFirst(WAIT).getString(0));
    }

    @Test
    void keyspacesAndDrops() {
        String nts = "orm_sync_nts";
        mapper.schema().createKeyspaceNetworkTopology(nts, Map.of(session.nodes().isEmpty() ? "datacenter1"
                : session.nodes().get(0).datacenter(), 1)).block(WAIT);
        Row ks = session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", nts)
                .blockFirst(WAIT);
        assertTrue(ks.getMap(0, String.class, String.class).get("class").endsWith("NetworkTopologyStrategy"));
        mapper.schema().dropKeyspace(nts).block(WAIT);
        assertNull(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", nts)
                .blockFirst(WAIT));

        String other = "orm_sync_other";
        mapper.schema().createKeyspaceSimple(other, 1).block(WAIT);
        mapper.schema().createKeyspaceSimple(other, 1).block(WAIT);
        mapper.schema().syncTable(Thing.class).block(WAIT);
        assertEquals(List.of("id"), columns(other, "things"));
        mapper.repository(Thing.class).block(WAIT);
        mapper.schema().dropTable(Thing.class).block(WAIT);
        assertEquals(List.of(), columns(other, "things"));
        MappingException gone = assertThrows(MappingException.class, () -> mapper.repository(Thing.class).block(WAIT));
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
        MapperIts.run(session, "CREATE TABLE " + other + ".raw (k int PRIMARY KEY)");
        mapper.schema().dropTable(other, "raw").block(WAIT);
        assertEquals(List.of(), columns(other, "raw"));
        mapper.schema().dropKeyspace(other).block(WAIT);
        assertTrue(assertThrows(MappingException.class, () -> mapper.repository(Thing.class).block(WAIT))
                .getMessage().contains("keyspace orm_sync_other does not exist"));

        assertThrows(IllegalArgumentException.class, () -> mapper.schema().createKeyspaceSimple(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> mapper.schema().createKeyspaceSimple("x", 0));
        assertThrows(IllegalArgumentException.class,
                () -> mapper.schema().createKeyspaceNetworkTopology("x", Map.of()));
    }
}
