package io.reactivecql.schema.internal;

import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChange.ChangeType;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshCoalescerTest {

    private static SchemaChangeEvent table(String ks, String t) {
        return new SchemaChangeEvent(SchemaChange.table(ChangeType.UPDATED, ks, t));
    }

    @Test
    void tableEventsBecomeTableTargetsOnce() {
        assertEquals(List.of(new RefreshTarget.Table("a", "t1"), new RefreshTarget.Table("a", "t2")),
                RefreshCoalescer.coalesce(List.of(table("a", "t1"), table("a", "t2"), table("a", "t1")), k -> true));
    }

    @Test
    void keyspaceWideEventsAbsorbTableEvents() {
        List<SchemaChangeEvent> events = List.of(table("a", "t1"),
                new SchemaChangeEvent(SchemaChange.type(ChangeType.CREATED, "a", "addr")), table("b", "t"),
                new SchemaChangeEvent(SchemaChange.function(ChangeType.CREATED, "c", "f", List.of("int"))));
        assertEquals(List.of(new RefreshTarget.Keyspace("a"), new RefreshTarget.Keyspace("c"),
                new RefreshTarget.Table("b", "t")), RefreshCoalescer.coalesce(events, k -> true));
    }

    @Test
    void manyTablesEscalateToKeyspaceAndManyKeyspacesToFull() {
        List<SchemaChangeEvent> tables = new ArrayList<>();
        for (int i = 0; i <= RefreshCoalescer.MAX_TABLES_PER_KEYSPACE; i++) {
            tables.add(table("a", "t" + i));
        }
        assertEquals(List.of(new RefreshTarget.Keyspace("a")), RefreshCoalescer.coalesce(tables, k -> true));
        List<SchemaChangeEvent> keyspaces = new ArrayList<>();
        for (int i = 0; i <= RefreshCoalescer.MAX_KEYSPACES; i++) {
            keyspaces.add(new SchemaChangeEvent(SchemaChange.keyspace(ChangeType.CREATED, "k" + i)));
        }
        assertEquals(List.of(new RefreshTarget.Full()), RefreshCoalescer.coalesce(keyspaces, k -> true));
    }

    @Test
    void excludedKeyspacesAreIgnored() {
        assertEquals(List.of(new RefreshTarget.Table("a", "t")),
                RefreshCoalescer.coalesce(List.of(table("a", "t"), table("b", "t")), "a"::equals));
    }
}
