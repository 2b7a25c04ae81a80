package io.reactivecql.schema.internal;

import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.Metadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DescribeTest {

    private static KeyspaceMetadata shop() {
        return new Metadata(SchemaParser.keyspaces(Rows.shop().build(), ks -> true)).keyspace("shop").orElseThrow();
    }

    @Test
    void keyspace() {
        assertEquals("CREATE KEYSPACE shop WITH replication = {'class': 'org.apache.cassandra.locator.SimpleStrategy',"
                + " 'replication_factor': '1'} AND durable_writes = true;", shop().describe());
    }

    @Test
    void table() {
        assertEquals("""
                CREATE TABLE shop.orders (
                    id uuid,
                    day date,
                    at timestamp,
                    "Line" int,
                    note text static,
                    tags map<text, int>,
                    who frozen<"Customer">,
                    PRIMARY KEY ((id, day), at, "Line")
                ) WITH CLUSTERING ORDER BY (at DESC, "Line" ASC)
                    AND bloom_filter_fp_chance = 0.01
                    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}
                    AND comment = 'all orders'
                    AND compaction = {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', \
                'max_threshold': '32', 'min_threshold': '4'}
                    AND default_time_to_live = 0
                    AND gc_grace_seconds = 3600
                    AND speculative_retry = '99p';""", shop().table("orders").orElseThrow().describe());
    }

    @Test
    void types() {
        assertEquals("""
                CREATE TYPE shop."Customer" (
                    name text,
                    home frozen<address>,
                    others list<frozen<address>>
                );""", shop().type("\"Customer\"").orElseThrow().describe());
    }

    @Test
    void indexes() {
        assertEquals("CREATE INDEX orders_tags ON shop.orders (keys(tags));",
                shop().table("orders").orElseThrow().index("orders_tags").orElseThrow().describe());
        assertEquals("CREATE CUSTOM INDEX orders_note ON shop.orders (note) USING "
                        + "'org.apache.cassandra.index.sai.StorageAttachedIndex' WITH OPTIONS = {'case_sensitive': 'false'};",
                shop().table("orders").orElseThrow().index("orders_note").orElseThrow().describe());
    }

    @Test
    void functionAndAggregate() {
        assertEquals("""
                CREATE FUNCTION shop.plus(a int, b int)
                    RETURNS NULL ON NULL INPUT
                    RETURNS int
                    LANGUAGE java
                    AS $$return a + b;$$;""", shop().functions("plus").get(0).describe());
        assertEquals("""
                CREATE AGGREGATE shop.total(int)
                    SFUNC plus
                    STYPE int
                    INITCOND 0;""", shop().aggregates("total").get(0).describe());
    }

    @Test
    void viewSkipsOptionsViewsRefuse() {
        assertEquals("""
                CREATE MATERIALIZED VIEW shop.orders_by_day AS
                    SELECT *
                    FROM shop.orders
                    WHERE day IS NOT NULL AND id IS NOT NULL AND at IS NOT NULL AND "Line" IS NOT NULL
                    PRIMARY KEY (day, id, at, "Line") WITH CLUSTERING ORDER BY (id ASC, at DESC, "Line" ASC)
                    AND bloom_filter_fp_chance = 0.01
                    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}
                    AND comment = ''
                    AND compaction = {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', \
                'max_threshold': '32', 'min_threshold': '4'}
                    AND gc_grace_seconds = 864000
                    AND speculative_retry = '99p';""", shop().view("orders_by_day").orElseThrow().describe());
    }

    @Test
    void keyspaceWithChildrenPutsTypeDependenciesFirst() {
        Rows rows = new Rows().keyspace("k", true);
        rows.type("k", "outer", List.of("i"), List.of("frozen<inner>"));
        rows.type("k", "inner", List.of("x"), List.of("int"));
        List<String> all = SchemaParser.keyspaces(rows.build(), k -> true).get("k").describeAll();
        assertEquals(3, all.size());
        assertEquals("CREATE TYPE k.inner (\n    x int\n);", all.get(1));
        assertEquals("CREATE TYPE k.outer (\n    i frozen<inner>\n);", all.get(2));
    }

    @Test
    void quotesIdentifiersAndEscapesStrings() {
        Rows rows = new Rows().keyspace("Ks", true);
        rows.table("Ks", "select", Map.of("comment", "it's"));
        rows.column("Ks", "select", "Key", "partition_key", 0, "none", "int");
        KeyspaceMetadata ks = SchemaParser.keyspaces(rows.build(), k -> true).get("Ks");
        String cql = ks.table("\"select\"").orElseThrow().describe();
        assertEquals(true, cql.startsWith("CREATE TABLE \"Ks\".\"select\" (\n    \"Key\" int,\n"
                + "    PRIMARY KEY (\"Key\")\n) WITH "), cql);
        assertEquals(true, cql.contains("AND comment = 'it''s'"), cql);
    }
}
