package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.internal.TestModels.Customer;
import io.reactivecql.mapper.internal.TestModels.Event;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.TableMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.reactivecql.mapper.internal.Schemas.cc;
import static io.reactivecql.mapper.internal.Schemas.col;
import static io.reactivecql.mapper.internal.Schemas.keyspace;
import static io.reactivecql.mapper.internal.Schemas.pk;
import static io.reactivecql.mapper.internal.Schemas.table;
import static io.reactivecql.mapper.internal.Schemas.udt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DDL syncTable would run, computed from hand-built schemas. */
class SchemaPlannerTest {

    private final MapperContext ctx = NoSession.context();
    private final SchemaPlanner planner = new SchemaPlanner(ctx.models, ctx.types);

    private List<String> plan(Class<?> type, KeyspaceMetadata keyspace) {
        return planner.plan(ctx.models.entity(type), keyspace);
    }

    @Test
    void createsTypesInnerFirstThenTheTable() {
        List<String> ddl = plan(Customer.class, keyspace(List.of(), List.of()));
        assertEquals(List.of(
                "CREATE TYPE IF NOT EXISTS ks.address (street text, zip int, lines frozen<list<text>>)",
                "CREATE TYPE IF NOT EXISTS ks.person_info (name text, home frozen<address>)",
                "CREATE TABLE IF NOT EXISTS ks.customer (id uuid, full_name text, favorite text, "
                        + "address frozen<address>, previous list<frozen<address>>, "
                        + "contacts map<text, frozen<person_info>>, avatar blob, version bigint, PRIMARY KEY ((id)))"),
                ddl);
    }

    @Test
    void clusteringOrderAndStatics() {
        List<String> ddl = plan(Event.class, keyspace(List.of(), List.of()));
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS ks.events (user_id uuid, bucket int, ts timestamp, seq int, "
                + "kind text, score int, note text, tags set<text>, attrs map<text, text>, owner text STATIC, "
                + "PRIMARY KEY ((user_id, bucket), ts, seq)) WITH CLUSTERING ORDER BY (ts DESC, seq ASC)"), ddl);
    }

    @Test
    void nothingWhenTheSchemaFits() {
        KeyspaceMetadata ks = keyspace(List.of(EntityBindingTest.customerTable()),
                List.of(EntityBindingTest.ADDRESS, EntityBindingTest.PERSON));
        assertEquals(List.of(), plan(Customer.class, ks));
    }

    @Test
    void addsMissingColumnsAndFields() {
        List<ColumnMetadata> columns = new ArrayList<>(EntityBindingTest.customerTable().columns());
        columns.removeIf(c -> c.name().equals("avatar") || c.name().equals("favorite"));
        UserDefinedType oldAddress = udt("address", List.of("street"), List.of(PrimitiveType.VARCHAR));
        KeyspaceMetadata ks = keyspace(List.of(table("customer", columns.toArray(new ColumnMetadata[0]))),
                List.of(oldAddress, EntityBindingTest.PERSON));
        assertEquals(List.of("ALTER TYPE ks.address ADD zip int",
                "ALTER TYPE ks.address ADD lines frozen<list<text>>",
                "ALTER TABLE ks.customer ADD (favorite text, avatar blob)"), plan(Customer.class, ks));
    }

    @Test
    void neverAltersWhatExists() {
        List<ColumnMetadata> columns = new ArrayList<>(EntityBindingTest.customerTable().columns());
        columns.replaceAll(c -> c.name().equals("full_name") ? col("full_name", PrimitiveType.INT) : c);
        KeyspaceMetadata ks = keyspace(List.of(table("customer", columns.toArray(new ColumnMetadata[0]))),
                List.of(EntityBindingTest.ADDRESS, EntityBindingTest.PERSON));
        MappingException e = assertThrows(MappingException.class, () -> plan(Customer.class, ks));
        assertEquals("fullName", e.field());
        assertEquals("full_name", e.column());

        UserDefinedType badZip = udt("address", List.of("street", "zip", "lines"), List.of(PrimitiveType.VARCHAR,
                PrimitiveType.VARCHAR, new ListType(PrimitiveType.VARCHAR, true)));
        KeyspaceMetadata ks2 = keyspace(List.of(), List.of(badZip, EntityBindingTest.PERSON));
        MappingException udt = assertThrows(MappingException.class, () -> plan(Customer.class, ks2));
        assertEquals("Address", udt.entity());
        assertEquals("zip", udt.field());
    }

    @Table(keyspace = "ks", name = "events")
    record OtherKey(@PartitionKey UUID userId, @ClusteringColumn Integer bucket) {
    }

    @Test
    void refusesAnotherPrimaryKey() {
        TableMetadata events = table("events", EntityBindingTest.eventColumns().toArray(new ColumnMetadata[0]));
        MappingException e = assertThrows(MappingException.class,
                () -> plan(OtherKey.class, keyspace(List.of(events), List.of())));
        assertTrue(e.getMessage().contains("never changes a primary key"), e.getMessage());
        TableMetadata ascending = table("events", pk("user_id", PrimitiveType.UUID, 0),
                cc("bucket", PrimitiveType.INT, 0, ClusteringOrder.DESC));
        assertThrows(MappingException.class, () -> plan(OtherKey.class, keyspace(List.of(ascending), List.of())));
    }

    @Table(keyspace = "ks")
    record Untyped(@PartitionKey UUID id, Object anything) {
    }

    @Test
    void needsADeclaredTypeWhenNoneDerives() {
        MappingException e = assertThrows(MappingException.class,
                () -> plan(Untyped.class, keyspace(List.of(), List.of())));
        assertEquals("anything", e.field());
        assertTrue(e.getMessage().contains("@Column(cqlType"), e.getMessage());
    }
}
