package io.reactivecql.schema.it;

import java.util.List;

/** A keyspace with one of every element kind, quoted names and non-default options. */
final class VariedSchema {

    private VariedSchema() {
    }

    static List<String> ddl(String ks) {
        return List.of(
                "CREATE KEYSPACE " + ks + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"
                        + " AND durable_writes = false",
                "CREATE TYPE " + ks + ".address (street text, zip int)",
                "CREATE TYPE " + ks + ".\"Person\" (name text, home frozen<address>, tags set<text>)",
                "CREATE TABLE " + ks + ".users (id uuid, bucket int, ts timestamp, \"Name\" text, "
                        + "who frozen<\"Person\">, scores map<text, int>, emb vector<float, 3>, "
                        + "pair tuple<int, text>, total int static, "
                        + "PRIMARY KEY ((id, bucket), ts, \"Name\")) "
                        + "WITH CLUSTERING ORDER BY (ts DESC, \"Name\" ASC) AND comment = 'it''s users' "
                        + "AND gc_grace_seconds = 3600 AND default_time_to_live = 100 "
                        + "AND bloom_filter_fp_chance = 0.02 AND speculative_retry = '95p' "
                        + "AND caching = {'keys': 'ALL', 'rows_per_partition': '10'} "
                        + "AND compaction = {'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': '64'} "
                        + "AND compression = {'class': 'ZstdCompressor', 'chunk_length_in_kb': '32'}",
                "CREATE TABLE " + ks + ".\"Events\" (k text PRIMARY KEY, v int, l list<text>, \"Val\" text)",
                "CREATE INDEX ON " + ks + ".\"Events\" (\"Val\")",
                "CREATE CUSTOM INDEX users_emb ON " + ks + ".users (emb) USING 'StorageAttachedIndex' "
                        + "WITH OPTIONS = {'similarity_function': 'dot_product'}",
                "CREATE INDEX users_scores_keys ON " + ks + ".users (keys(scores))",
                "CREATE INDEX events_v ON " + ks + ".\"Events\" (v)",
                "CREATE CUSTOM INDEX events_l_sai ON " + ks + ".\"Events\" (l) USING 'StorageAttachedIndex'",
                "CREATE FUNCTION " + ks + ".plus(a int, b int) RETURNS NULL ON NULL INPUT RETURNS int "
                        + "LANGUAGE java AS 'return a + b;'",
                "CREATE FUNCTION " + ks + ".\"Half\"(x int) CALLED ON NULL INPUT RETURNS double "
                        + "LANGUAGE java AS 'return x == null ? null : x / 2.0;'",
                "CREATE AGGREGATE " + ks + ".total(int) SFUNC plus STYPE int FINALFUNC \"Half\" INITCOND 0",
                "CREATE MATERIALIZED VIEW " + ks + ".events_by_v AS SELECT k, v FROM " + ks + ".\"Events\" "
                        + "WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k) "
                        + "WITH CLUSTERING ORDER BY (k DESC) AND comment = 'by v'");
    }
}
