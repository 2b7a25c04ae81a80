package io.reactivecql.schema.internal;

import io.reactivecql.api.result.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/** Reads the {@code system_schema} rows of a refresh target; the queries run concurrently. */
final class SchemaQueries {

    private final Function<String, Flux<SchemaRow>> query;

    SchemaQueries(Function<String, Flux<SchemaRow>> query) {
        this.query = query;
    }

    /** Queries through a session-like function; rows are decoded as they arrive. */
    static SchemaQueries ofRows(Function<String, Flux<Row>> query) {
        return new SchemaQueries(cql -> query.apply(cql).map(SchemaRow::of));
    }

    Mono<SchemaRows> fetch(RefreshTarget target) {
        if (target instanceof RefreshTarget.Full) {
            return fetch("", "", "", true);
        }
        if (target instanceof RefreshTarget.Keyspace k) {
            String where = " WHERE keyspace_name = " + literal(k.keyspace());
            return fetch(where, where, where, false);
        }
        RefreshTarget.Table t = (RefreshTarget.Table) target;
        String ks = " WHERE keyspace_name = " + literal(t.keyspace());
        return fetch(ks + " AND table_name = " + literal(t.table()), ks + " AND view_name = " + literal(t.table()),
                null, false);
    }

    /**
     * @param tableWhere    restriction of tables, columns and indexes
     * @param viewWhere     restriction of views
     * @param keyspaceWhere restriction of keyspaces, types, functions and aggregates, or null to skip them
     */
    private Mono<SchemaRows> fetch(String tableWhere, String viewWhere, String keyspaceWhere, boolean virtual) {
        Mono<List<SchemaRow>> none = Mono.just(List.of());
        Mono<List<SchemaRow>> keyspaces = keyspaceWhere == null ? none : rows("system_schema.keyspaces", keyspaceWhere);
        Mono<List<SchemaRow>> types = keyspaceWhere == null ? none : rows("system_schema.types", keyspaceWhere);
        Mono<List<SchemaRow>> functions = keyspaceWhere == null ? none : rows("system_schema.functions", keyspaceWhere);
        Mono<List<SchemaRow>> aggregates = keyspaceWhere == null ? none
                : rows("system_schema.aggregates", keyspaceWhere);
        Mono<List<SchemaRow>> vks = virtual ? optional("system_virtual_schema.keyspaces") : none;
        Mono<List<SchemaRow>> vtables = virtual ? optional("system_virtual_schema.tables") : none;
        Mono<List<SchemaRow>> vcolumns = virtual ? optional("system_virtual_schema.columns") : none;
        return Mono.zip(objects -> build(objects), keyspaces, rows("system_schema.tables", tableWhere),
                rows("system_schema.columns", tableWhere), types, functions, aggregates,
                rows("system_schema.views", viewWhere), rows("system_schema.indexes", tableWhere), vks, vtables,
                vcolumns);
    }

    @SuppressWarnings("unchecked")
    private static SchemaRows build(Object[] o) {
        return new SchemaRows((List<SchemaRow>) o[0], (List<SchemaRow>) o[1], (List<SchemaRow>) o[2],
                (List<SchemaRow>) o[3], (List<SchemaRow>) o[4], (List<SchemaRow>) o[5], (List<SchemaRow>) o[6],
                (List<SchemaRow>) o[7], (List<SchemaRow>) o[8], (List<SchemaRow>) o[9], (List<SchemaRow>) o[10]);
    }

    private Mono<List<SchemaRow>> rows(String table, String where) {
        return Flux.defer(() -> query.apply("SELECT * FROM " + table + where)).collectList();
    }

    /** Virtual schema tables (Cassandra 4.0+): empty when the node has none. */
    private Mono<List<SchemaRow>> optional(String table) {
        return rows(table, "").onErrorResume(e -> Mono.just(List.of()));
    }

    /** Runs {@code cql} and decodes its rows. */
    Mono<List<SchemaRow>> select(String cql) {
        return Flux.defer(() -> query.apply(cql)).collectList();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
