package io.reactivecql.schema.internal;

import io.reactivecql.schema.api.ElementKind;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.SchemaChange;
import io.reactivecql.schema.api.TableMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaDiffTest {

    private static Metadata snapshot(Rows rows) {
        return new Metadata(SchemaParser.keyspaces(rows.build(), k -> true));
    }

    private static List<String> describe(List<SchemaChange> changes) {
        return changes.stream().map(SchemaChange::toString).toList();
    }

    @Test
    void sameSnapshotNoChange() {
        assertEquals(List.of(), SchemaDiff.diff(snapshot(Rows.shop()), snapshot(Rows.shop())));
    }

    @Test
    void createdKeyspaceThenItsElements() {
        List<SchemaChange> changes = SchemaDiff.diff(Metadata.EMPTY, snapshot(Rows.shop()));
        assertEquals(List.of("CREATED KEYSPACE shop", "CREATED TYPE shop.address", "CREATED TYPE shop.Customer",
                "CREATED FUNCTION shop.plus(int, int)", "CREATED AGGREGATE shop.total(int)",
                "CREATED TABLE shop.orders", "CREATED INDEX shop.orders_note", "CREATED INDEX shop.orders_tags",
                "CREATED VIEW shop.orders_by_day"), describe(changes));
        assertTrue(changes.stream().allMatch(c -> c.oldElement() == null));
    }

    @Test
    void droppedKeyspaceAfterItsElements() {
        List<String> changes = describe(SchemaDiff.diff(snapshot(Rows.shop()), Metadata.EMPTY));
        assertEquals(9, changes.size());
        assertEquals("DROPPED VIEW shop.orders_by_day", changes.get(0));
        assertEquals("DROPPED KEYSPACE shop", changes.get(8));
    }

    @Test
    void keyspaceAttributesOnly() {
        List<SchemaChange> changes = SchemaDiff.diff(snapshot(Rows.shop()),
                snapshot(Rows.shop().withoutKeyspaces().keyspace("shop", false)));
        assertEquals(List.of("UPDATED KEYSPACE shop"), describe(changes));
    }

    @Test
    void tableOptionChangeIsOneTableUpdate() {
        Rows after = Rows.shop();
        after.tables.clear();
        after.table("shop", "orders", Map.of("comment", "changed", "gc_grace_seconds", 3600));
        List<SchemaChange> changes = SchemaDiff.diff(snapshot(Rows.shop()), snapshot(after));
        assertEquals(List.of("UPDATED TABLE shop.orders"), describe(changes));
        assertEquals("all orders", ((TableMetadata) changes.get(0).oldElement()).options().get("comment"));
        assertEquals("changed", ((TableMetadata) changes.get(0).newElement()).options().get("comment"));
    }

    @Test
    void indexAddedIsNotATableUpdate() {
        Rows after = Rows.shop();
        after.index("shop", "orders", "orders_at", "COMPOSITES", Map.of("target", "at"));
        assertEquals(List.of("CREATED INDEX shop.orders_at"),
                describe(SchemaDiff.diff(snapshot(Rows.shop()), snapshot(after))));
    }

    @Test
    void typeChangeAlsoUpdatesTablesUsingIt() {
        Rows after = Rows.shop();
        after.types.remove(0);
        after.type("shop", "address", List.of("street", "zip", "city"), List.of("text", "int", "text"));
        List<String> changes = describe(SchemaDiff.diff(snapshot(Rows.shop()), snapshot(after)));
        assertEquals(List.of("UPDATED TYPE shop.address", "UPDATED TYPE shop.Customer", "UPDATED TABLE shop.orders",
                "UPDATED VIEW shop.orders_by_day"), changes);
    }

    @Test
    void functionOverloadsAreDistinct() {
        Rows after = Rows.shop();
        after.function("shop", "plus", List.of("a"), List.of("bigint"), "bigint", "return a;", true);
        after.functions.remove(0);
        assertEquals(List.of("DROPPED FUNCTION shop.plus(int, int)", "CREATED FUNCTION shop.plus(bigint)"),
                describe(SchemaDiff.diff(snapshot(Rows.shop()), snapshot(after))));
    }

    @Test
    void unchangedKeyspacesAreSharedByRefresh() {
        Metadata before = snapshot(Rows.shop().keyspace("other", true));
        Metadata after = SchemaRefresh.apply(before, new RefreshTarget.Full(),
                Rows.shop().keyspace("other", true).build(), k -> true);
        assertSame(before.keyspaces().get("shop"), after.keyspaces().get("shop"));
        assertEquals(List.of(), SchemaDiff.diff(before, after));
        assertEquals(ElementKind.KEYSPACE, SchemaChange.created(before.keyspaces().get("other")).kind());
    }
}
