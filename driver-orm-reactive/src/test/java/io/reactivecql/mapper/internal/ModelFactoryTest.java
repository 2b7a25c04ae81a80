package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Counter;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.mapper.api.Version;
import io.reactivecql.mapper.internal.TestModels.Address;
import io.reactivecql.mapper.internal.TestModels.Customer;
import io.reactivecql.mapper.internal.TestModels.Event;
import io.reactivecql.mapper.internal.TestModels.Note;
import io.reactivecql.mapper.internal.TestModels.PageViews;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFactoryTest {

    private final ModelFactory models = new ModelFactory();

    private static List<String> columns(EntityModel<?> m) {
        return m.properties.stream().map(p -> p.column).toList();
    }

    @Test
    void recordInKeyOrderWithDerivedNames() {
        EntityModel<Event> m = models.entity(Event.class);
        assertEquals("events", m.name);
        assertEquals("ks", m.keyspaceCql);
        assertEquals(List.of("user_id", "bucket", "ts", "seq", "kind", "score", "note", "tags", "attrs", "owner"),
                columns(m));
        assertEquals(PropertyKind.CLUSTERING, m.properties.get(2).kind);
        assertTrue(m.properties.get(2).descending);
        assertEquals(PropertyKind.STATIC, m.property("owner").kind);
        assertSame(models.entity(Event.class), m, "computed once per class");
    }

    @Test
    void recordsAreBuiltThroughTheirCanonicalConstructor() {
        EntityModel<Event> m = models.entity(Event.class);
        UUID id = UUID.randomUUID();
        Instant ts = Instant.ofEpochMilli(5);
        Object[] values = {id, null, ts, 7, "k", null, null, null, null, "me"};
        Event e = m.instantiate(values);
        assertEquals(new Event(id, 0, ts, 7, "k", null, null, null, null, "me"), e);
        assertArrayEquals(new Object[] {id, 0, ts, 7, "k", null, null, null, null, "me"}, m.values(e));
    }

    @Test
    void customerWithTransientAndVersion() {
        EntityModel<Customer> m = models.entity(Customer.class);
        assertEquals("customer", m.name);
        assertFalse(columns(m).contains("cache"));
        assertEquals("version", m.version.column);
        Customer c = new Customer(UUID.randomUUID(), "A", TestModels.Color.RED, null, List.of(), null, null, "tmp", 3);
        Customer copy = m.with(c, m.version, 4L);
        assertEquals(4L, copy.version());
        assertEquals("tmp", copy.cache(), "a record copy keeps its transient components");
        assertEquals(3L, c.version());
        assertTrue(ModelFactory.reachableUdts(m).containsAll(List.of(Address.class, TestModels.Person.class)));
        assertEquals("person_info", models.udt(TestModels.Person.class).name);
    }

    @Test
    void beansWithInheritanceAndExactNames() {
        EntityModel<Note> m = models.entity(Note.class);
        assertEquals("Note", m.name);
        assertEquals(List.of("id", "Body", "likes"), columns(m));
        assertEquals("\"Body\"", m.property("text").cql);
        UUID id = UUID.randomUUID();
        Note n = m.instantiate(new Object[] {id, "hi", null});
        assertEquals(id, n.id);
        assertEquals("hi", n.text);
        assertEquals(0, n.likes);
        assertSame(n, m.with(n, m.property("likes"), 3), "a bean is updated in place");
        assertEquals(3, n.likes);
        assertSame(m.property("text"), m.property("\"Body\""), "found by column name too");
    }

    @Test
    void counters() {
        EntityModel<PageViews> m = models.entity(PageViews.class);
        assertTrue(m.counterTable);
        assertTrue(m.property("clicks").counter);
    }

    // ---- rule violations: each names the entity and field

    static class NotAnnotated {
        @PartitionKey
        UUID id;
    }

    @Table(keyspace = "ks")
    record NoKey(UUID id) {
    }

    @Table(keyspace = "ks")
    record KeyGap(@PartitionKey UUID a, @PartitionKey(2) UUID b) {
    }

    @Table(keyspace = "ks")
    record ClusteringDup(@PartitionKey UUID a, @ClusteringColumn int b, @ClusteringColumn int c) {
    }

    @Table(keyspace = "ks")
    record IntCounter(@PartitionKey UUID a, @Counter int hits) {
    }

    @Table(keyspace = "ks")
    record MixedCounter(@PartitionKey UUID a, @Counter long hits, String name) {
    }

    @Table(keyspace = "ks")
    record TwoVersions(@PartitionKey UUID a, @Version long v1, @Version long v2) {
    }

    @Table(keyspace = "ks")
    record TextVersion(@PartitionKey UUID a, @Version String v) {
    }

    @Table(keyspace = "ks")
    static class FinalBean {
        @PartitionKey
        final UUID id = null;
    }

    @Table(keyspace = "ks")
    static class NoDefaultConstructor {
        @PartitionKey
        UUID id;

        NoDefaultConstructor(UUID id) {
            this.id = id;
        }
    }

    @Table(keyspace = "ks")
    record SameColumn(@PartitionKey UUID id, @io.reactivecql.mapper.api.Column(name = "x") String a,
                      @io.reactivecql.mapper.api.Column(name = "X") String b) {
    }

    @Table(keyspace = "ks")
    record Generic<T>(@PartitionKey UUID id, T value) {
    }

    @Udt
    record Loop(String name, List<Loop> children) {
    }

    @Table(keyspace = "ks")
    record UsesLoop(@PartitionKey UUID id, Loop loop) {
    }

    private MappingException fails(Class<?> type) {
        return assertThrows(MappingException.class, () -> models.entity(type));
    }

    @Test
    void violations() {
        assertTrue(fails(NotAnnotated.class).getMessage().contains("@Table"));
        assertEquals("NotAnnotated", fails(NotAnnotated.class).entity());
        assertTrue(fails(NoKey.class).getMessage().contains("no @PartitionKey"));
        MappingException gap = fails(KeyGap.class);
        assertEquals("KeyGap", gap.entity());
        assertEquals("b", gap.field());
        assertTrue(gap.getMessage().contains("positions"), gap.getMessage());
        assertTrue(fails(ClusteringDup.class).getMessage().contains("@ClusteringColumn positions"));
        MappingException counter = fails(IntCounter.class);
        assertEquals("hits", counter.field());
        assertEquals("hits", counter.column());
        assertEquals("name", fails(MixedCounter.class).field());
        assertEquals("v2", fails(TwoVersions.class).field());
        assertEquals("v", fails(TextVersion.class).field());
        assertTrue(fails(FinalBean.class).getMessage().contains("final"));
        assertTrue(fails(NoDefaultConstructor.class).getMessage().contains("no-argument constructor"));
        MappingException same = fails(SameColumn.class);
        assertEquals("x", same.column());
        assertTrue(same.getMessage().contains("same column"));
        assertEquals("value", fails(Generic.class).field());
        assertTrue(fails(UsesLoop.class).getMessage().contains("contain themselves"));
        assertTrue(assertThrows(MappingException.class, () -> models.entity(Address.class)).getMessage()
                .contains("@Table"));
        assertNull(fails(NoKey.class).method());
    }
}
