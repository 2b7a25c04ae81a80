package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.internal.TestModels.Address;
import io.reactivecql.mapper.internal.TestModels.Color;
import io.reactivecql.mapper.internal.TestModels.Customer;
import io.reactivecql.mapper.internal.TestModels.Event;
import io.reactivecql.mapper.internal.TestModels.Person;
import io.reactivecql.protocol.types.DataType;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.protocol.types.UdtValue;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.reactivecql.mapper.internal.Schemas.cc;
import static io.reactivecql.mapper.internal.Schemas.col;
import static io.reactivecql.mapper.internal.Schemas.pk;
import static io.reactivecql.mapper.internal.Schemas.stat;
import static io.reactivecql.mapper.internal.Schemas.table;
import static io.reactivecql.mapper.internal.Schemas.udt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entities checked against hand-built tables: what fits, and errors that name entity, field and column. */
class EntityBindingTest {

    static final UserDefinedType ADDRESS = udt("address", List.of("street", "zip", "lines"),
            List.of(PrimitiveType.VARCHAR, PrimitiveType.INT, new ListType(PrimitiveType.VARCHAR, true)));
    static final UserDefinedType PERSON = udt("person_info", List.of("name", "home"),
            List.of(PrimitiveType.VARCHAR, ADDRESS));

    private final MapperContext ctx = NoSession.context();

    static List<ColumnMetadata> eventColumns() {
        return new ArrayList<>(List.of(pk("user_id", PrimitiveType.UUID, 0), pk("bucket", PrimitiveType.INT, 1),
                cc("ts", PrimitiveType.TIMESTAMP, 0, ClusteringOrder.DESC),
                cc("seq", PrimitiveType.INT, 1, ClusteringOrder.ASC), col("kind", PrimitiveType.VARCHAR),
                col("score", PrimitiveType.INT), col("note", PrimitiveType.VARCHAR),
                col("tags", new SetType(PrimitiveType.VARCHAR, false)),
                col("attrs", new MapType(PrimitiveType.VARCHAR, PrimitiveType.VARCHAR, false)),
                stat("owner", PrimitiveType.VARCHAR)));
    }

    static TableMetadata customerTable() {
        return table("customer", pk("id", PrimitiveType.UUID, 0), col("full_name", PrimitiveType.VARCHAR),
                col("favorite", PrimitiveType.ASCII), col("address", ADDRESS),
                col("previous", new ListType(ADDRESS, false)),
                col("contacts", new MapType(PrimitiveType.VARCHAR, PERSON, false)), col("avatar", PrimitiveType.BLOB),
                col("version", PrimitiveType.BIGINT), col("unmapped", PrimitiveType.INT));
    }

    private <T> EntityBinding<T> bind(Class<T> type, Metadata metadata) {
        return EntityBinding.bind(ctx.models.entity(type), "ks", metadata, ctx.types);
    }

    private MappingException fails(Class<?> type, Metadata metadata) {
        return assertThrows(MappingException.class, () -> bind(type, metadata));
    }

    private static Metadata events(List<ColumnMetadata> columns) {
        return Schemas.metadata(table("events", columns.toArray(new ColumnMetadata[0])));
    }

    @Test
    void eventFits() {
        EntityBinding<Event> b = bind(Event.class, events(eventColumns()));
        assertEquals("ks.events", b.qualifiedTable);
        assertEquals("user_id, bucket, ts, seq, kind, score, note, tags, attrs, owner", b.selection);
        assertEquals(4, b.primaryKey.size());
    }

    @Test
    void missingColumn() {
        List<ColumnMetadata> columns = eventColumns();
        columns.removeIf(c -> c.name().equals("note"));
        MappingException e = fails(Event.class, events(columns));
        assertEquals("Event", e.entity());
        assertEquals("note", e.field());
        assertEquals("note", e.column());
        assertTrue(e.getMessage().contains("has no column note"), e.getMessage());
    }

    @Test
    void incompatibleType() {
        List<ColumnMetadata> columns = eventColumns();
        columns.replaceAll(c -> c.name().equals("score") ? col("score", PrimitiveType.VARCHAR) : c);
        MappingException e = fails(Event.class, events(columns));
        assertEquals("score", e.field());
        assertTrue(e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("text"), e.getMessage());
    }

    @Test
    void roleAndOrderMismatches() {
        List<ColumnMetadata> order = eventColumns();
        order.replaceAll(c -> c.name().equals("ts") ? cc("ts", PrimitiveType.TIMESTAMP, 0, ClusteringOrder.ASC) : c);
        assertTrue(fails(Event.class, events(order)).getMessage().contains("clustering order DESC"));
        List<ColumnMetadata> notStatic = eventColumns();
        notStatic.replaceAll(c -> c.name().equals("owner") ? col("owner", PrimitiveType.VARCHAR) : c);
        assertEquals("owner", fails(Event.class, events(notStatic)).field());
        List<ColumnMetadata> extraKey = eventColumns();
        extraKey.add(cc("extra", PrimitiveType.INT, 2, ClusteringOrder.ASC));
        MappingException unmapped = fails(Event.class, events(extraKey));
        assertEquals("extra", unmapped.column());
        assertTrue(unmapped.getMessage().contains("not mapped"));
    }

    @Test
    void missingTableAndKeyspace() {
        assertTrue(fails(Event.class, Schemas.metadata()).getMessage().contains("syncTable(Event.class)"));
        assertTrue(fails(Event.class, Metadata.EMPTY).getMessage().contains("keyspace ks does not exist"));
    }

    @Test
    void udtsCollectionsEnumsAndBytesConvert() {
        EntityBinding<Customer> b = bind(Customer.class, Schemas.metadata(List.of(customerTable()),
                List.of(ADDRESS, PERSON)));
        Address home = new Address("Main", 1234, List.of("a", "b"));
        Customer c = new Customer(java.util.UUID.randomUUID(), "Ann", Color.GREEN, home, List.of(home),
                Map.of("boss", new Person("Bob", home)), new byte[] {1, 2}, null, 0);
        BoundColumn address = b.column("address");
        UdtValue udt = (UdtValue) address.valueOf(c);
        assertEquals("Main", udt.getString("street"));
        assertEquals(1234, udt.getInt("zip"));
        assertEquals(home, address.converter.fromDriver(udt));
        assertEquals("GREEN", b.column("favorite").valueOf(c));
        assertEquals(Color.GREEN, b.column("favorite").converter.fromDriver("GREEN"));
        ByteBuffer avatar = (ByteBuffer) b.column("avatar").valueOf(c);
        assertArrayEquals(new byte[] {1, 2}, (byte[]) b.column("avatar").converter.fromDriver(avatar));
        List<?> previous = (List<?>) b.column("previous").valueOf(c);
        assertInstanceOf(UdtValue.class, previous.get(0));
        assertEquals(List.of(home), b.column("previous").converter.fromDriver(previous));
        Map<?, ?> contacts = (Map<?, ?>) b.column("contacts").valueOf(c);
        UdtValue bob = (UdtValue) contacts.get("boss");
        assertEquals("Main", bob.getUdtValue("home").getString("street"));
        assertEquals(Map.of("boss", new Person("Bob", home)), b.column("contacts").converter.fromDriver(contacts));
        assertEquals(List.of(), b.column("previous").converter.fromDriver(null), "a NULL list reads as empty");
        // a UDT value written before a field was added has fewer values
        UdtValue shortValue = UdtValue.of(udt("address", List.of("street"), List.<DataType>of(PrimitiveType.VARCHAR)),
                "Old");
        assertEquals(new Address("Old", 0, List.of()), address.converter.fromDriver(shortValue));
        assertTrue(Arrays.asList(ADDRESS.fieldNames().toArray()).contains("lines"));
    }

    @Test
    void udtFieldMissing() {
        UserDefinedType noZip = udt("address", List.of("street", "lines"), List.of(PrimitiveType.VARCHAR,
                new ListType(PrimitiveType.VARCHAR, true)));
        UserDefinedType person = udt("person_info", List.of("name", "home"), List.of(PrimitiveType.VARCHAR, noZip));
        TableMetadata t = table("customer", pk("id", PrimitiveType.UUID, 0), col("full_name", PrimitiveType.VARCHAR),
                col("favorite", PrimitiveType.VARCHAR), col("address", noZip),
                col("previous", new ListType(noZip, false)),
                col("contacts", new MapType(PrimitiveType.VARCHAR, person, false)), col("avatar", PrimitiveType.BLOB),
                col("version", PrimitiveType.BIGINT));
        MappingException e = fails(Customer.class, Schemas.metadata(List.of(t), List.of(noZip, person)));
        assertEquals("Address", e.entity());
        assertEquals("zip", e.field());
        assertTrue(e.getMessage().contains("has no field zip"), e.getMessage());
    }

    @Test
    void enumNeedsText() {
        TableMetadata t = customerTable();
        List<ColumnMetadata> columns = new ArrayList<>(t.columns());
        columns.replaceAll(c -> c.name().equals("favorite") ? col("favorite", PrimitiveType.INT) : c);
        MappingException e = fails(Customer.class, Schemas.metadata(List.of(table("customer",
                columns.toArray(new ColumnMetadata[0]))), List.of(ADDRESS, PERSON)));
        assertEquals("favorite", e.field());
        assertTrue(e.getMessage().contains("enum"), e.getMessage());
    }

    @Test
    void counterColumnsMustBeDeclared() {
        TableMetadata t = table("page_views", pk("page", PrimitiveType.VARCHAR, 0), col("views", PrimitiveType.BIGINT),
                col("clicks", PrimitiveType.COUNTER));
        MappingException e = fails(TestModels.PageViews.class, Schemas.metadata(t));
        assertEquals("views", e.field());
        assertTrue(e.getMessage().contains("counter column"), e.getMessage());
    }
}
