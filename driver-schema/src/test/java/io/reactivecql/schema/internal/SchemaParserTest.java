package io.reactivecql.schema.internal;

import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.UserDefinedType;
import io.reactivecql.schema.api.AggregateMetadata;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.ColumnKind;
import io.reactivecql.schema.api.ColumnMetadata;
import io.reactivecql.schema.api.FunctionMetadata;
import io.reactivecql.schema.api.FunctionSignature;
import io.reactivecql.schema.api.IndexMetadata;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import io.reactivecql.schema.api.TableMetadata;
import io.reactivecql.schema.api.ViewMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaParserTest {

    private static KeyspaceMetadata shop() {
        return new Metadata(SchemaParser.keyspaces(Rows.shop().build(), ks -> true)).keyspace("shop").orElseThrow();
    }

    @Test
    void keyspaceAttributes() {
        KeyspaceMetadata ks = shop();
        assertEquals("shop", ks.name());
        assertTrue(ks.durableWrites());
        assertFalse(ks.virtual());
        assertEquals(Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1"),
                ks.replication());
    }

    @Test
    void nestedUserTypesAreResolved() {
        UserDefinedType customer = shop().type("\"Customer\"").orElseThrow().type();
        assertEquals(List.of("name", "home", "others"), customer.fieldNames());
        UserDefinedType address = new UserDefinedType("shop", "address", List.of("street", "zip"),
                List.of(PrimitiveType.VARCHAR, PrimitiveType.INT), true);
        assertEquals(address, customer.fieldTypes().get(1));
        assertEquals(new ListType(address, false), customer.fieldTypes().get(2));
        assertTrue(shop().type("customer").isEmpty(), "unquoted names are lower-cased");
        assertTrue(shop().type("ADDRESS").isPresent());
    }

    @Test
    void tableColumnsInKeyOrder() {
        TableMetadata orders = shop().table("Orders").orElseThrow();
        assertEquals(List.of("id", "day"), names(orders.partitionKey()));
        assertEquals(List.of("at", "Line"), names(orders.clusteringColumns()));
        assertEquals(List.of("id", "day", "at", "Line", "note", "tags", "who"), names(orders.columns()));
        assertEquals(ClusteringOrder.DESC, orders.column("at").orElseThrow().order());
        assertEquals(ColumnKind.STATIC, orders.column("note").orElseThrow().kind());
        assertTrue(orders.column("line").isEmpty());
        assertEquals(1, orders.column("\"Line\"").orElseThrow().position());
        assertEquals(new MapType(PrimitiveType.VARCHAR, PrimitiveType.INT, false),
                orders.column("tags").orElseThrow().type());
        UserDefinedType who = (UserDefinedType) orders.column("who").orElseThrow().type();
        assertTrue(who.isResolved());
        assertTrue(who.isFrozen());
        assertEquals("Customer", who.name());
    }

    @Test
    void tableOptionsAreKeptAsStored() {
        TableMetadata orders = shop().table("orders").orElseThrow();
        assertEquals("all orders", orders.options().get("comment"));
        assertEquals(3600, orders.options().get("gc_grace_seconds"));
        assertEquals(0.01, orders.options().get("bloom_filter_fp_chance"));
        assertEquals(Map.of("keys", "ALL", "rows_per_partition", "NONE"), orders.options().get("caching"));
        assertFalse(orders.options().containsKey("id"));
        assertFalse(orders.options().containsKey("flags"));
        assertFalse(orders.options().containsKey("table_name"));
        assertThrows(UnsupportedOperationException.class, () -> orders.options().put("x", 1));
    }

    @Test
    void indexesBuiltInAndCustom() {
        TableMetadata orders = shop().table("orders").orElseThrow();
        IndexMetadata keys = orders.index("orders_tags").orElseThrow();
        assertFalse(keys.isCustom());
        assertEquals("keys(tags)", keys.target());
        assertNull(keys.className());
        IndexMetadata sai = orders.index("orders_note").orElseThrow();
        assertTrue(sai.isCustom());
        assertEquals("org.apache.cassandra.index.sai.StorageAttachedIndex", sai.className());
        assertEquals(2, shop().indexes().size());
    }

    @Test
    void functionsAndAggregates() {
        KeyspaceMetadata ks = shop();
        FunctionMetadata plus = ks.functions().get(new FunctionSignature("plus", List.of("int", "int")));
        assertEquals(List.of("a", "b"), plus.argumentNames());
        assertEquals(List.of(PrimitiveType.INT, PrimitiveType.INT), plus.argumentTypes());
        assertEquals(PrimitiveType.INT, plus.returnType());
        assertFalse(plus.calledOnNullInput());
        assertEquals("plus(int, int)", plus.name());
        AggregateMetadata total = ks.aggregates("TOTAL").get(0);
        assertEquals("plus", total.stateFunction());
        assertNull(total.finalFunction());
        assertEquals("0", total.initCond());
        assertEquals(new FunctionSignature("total", List.of("int")),
                SchemaParser.signature("shop", "total", List.of("int")));
    }

    @Test
    void materializedView() {
        ViewMetadata view = shop().view("orders_by_day").orElseThrow();
        assertEquals("orders", view.baseTable());
        assertTrue(view.includeAllColumns());
        assertEquals(List.of("day"), names(view.partitionKey()));
        assertEquals(List.of("id", "at", "Line"), names(view.clusteringColumns()));
        assertFalse(shop().tables().containsKey("orders_by_day"));
    }

    @Test
    void virtualKeyspaces() {
        Rows rows = new Rows();
        rows.virtualKeyspaces.add(Rows.row("keyspace_name", "system_views"));
        rows.virtualTables.add(Rows.row("keyspace_name", "system_views", "table_name", "clients",
                "comment", "connected clients"));
        rows.virtualColumns.add(Rows.row("keyspace_name", "system_views", "table_name", "clients",
                "column_name", "address", "kind", "partition_key", "position", 0, "clustering_order", "none",
                "type", "inet"));
        KeyspaceMetadata ks = SchemaParser.keyspaces(rows.build(), k -> true).get("system_views");
        assertTrue(ks.virtual());
        TableMetadata clients = ks.table("clients").orElseThrow();
        assertTrue(clients.virtual());
        assertEquals(PrimitiveType.INET, clients.column("address").orElseThrow().type());
        assertTrue(clients.describe().startsWith("/*"));
    }

    @Test
    void keyspaceFilter() {
        Rows rows = Rows.shop().keyspace("other", true);
        assertEquals(List.of("other"), List.copyOf(SchemaParser.keyspaces(rows.build(), "other"::equals).keySet()));
    }

    @Test
    void unknownUserTypeStaysShallow() {
        Rows rows = new Rows().keyspace("k", true);
        rows.table("k", "t", Map.of());
        rows.column("k", "t", "id", "partition_key", 0, "none", "int");
        rows.column("k", "t", "x", "regular", -1, "none", "frozen<missing>");
        TableMetadata t = SchemaParser.keyspaces(rows.build(), k -> true).get("k").table("t").orElseThrow();
        assertFalse(((UserDefinedType) t.column("x").orElseThrow().type()).isResolved());
    }

    static List<String> names(List<ColumnMetadata> columns) {
        return columns.stream().map(ColumnMetadata::name).toList();
    }
}
