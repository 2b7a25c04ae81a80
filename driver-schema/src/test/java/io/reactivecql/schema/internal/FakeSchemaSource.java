package io.reactivecql.schema.internal;

import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers the manager's queries from in-memory rows, like a node would; can fail on demand. */
final class FakeSchemaSource implements Function<String, Flux<SchemaRow>> {

    private static final Pattern SELECT = Pattern.compile(
            "SELECT \\* FROM (\\w+)\\.(\\w+)(?: WHERE keyspace_name = '([^']*)'(?: AND (\\w+) = '([^']*)')?)?");

    volatile Rows rows;
    final List<String> queries = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile List<UUID> versions = List.of(UUID.randomUUID());

    FakeSchemaSource(Rows rows) {
        this.rows = rows;
    }

    @Override
    public Flux<SchemaRow> apply(String cql) {
        queries.add(cql);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Flux.error(new IllegalStateException("scripted failure of " + cql));
        }
        if (cql.equals(SchemaAgreement.LOCAL)) {
            return Flux.just(Rows.row("schema_version", versions.get(0)));
        }
        if (cql.equals(SchemaAgreement.PEERS)) {
            return Flux.fromIterable(versions.subList(1, versions.size()))
                    .map(v -> Rows.row("peer", "127.0.0.2", "schema_version", v));
        }
        Matcher m = SELECT.matcher(cql);
        if (!m.matches()) {
            return Flux.error(new IllegalArgumentException("unexpected query " + cql));
        }
        Rows r = rows;
        List<SchemaRow> table = switch (m.group(1) + "." + m.group(2)) {
            case "system_schema.keyspaces" -> r.keyspaces;
            case "system_schema.tables" -> r.tables;
            case "system_schema.columns" -> r.columns;
            case "system_schema.types" -> r.types;
            case "system_schema.functions" -> r.functions;
            case "system_schema.aggregates" -> r.aggregates;
            case "system_schema.views" -> r.views;
            case "system_schema.indexes" -> r.indexes;
            case "system_virtual_schema.keyspaces" -> r.virtualKeyspaces;
            case "system_virtual_schema.tables" -> r.virtualTables;
            case "system_virtual_schema.columns" -> r.virtualColumns;
            default -> throw new IllegalArgumentException(cql);
        };
        return Flux.fromIterable(List.copyOf(table))
                .filter(row -> m.group(3) == null || m.group(3).equals(row.string("keyspace_name")))
                .filter(row -> m.group(4) == null || m.group(5).equals(row.string(m.group(4))));
    }

    int queriesMatching(String part) {
        return (int) queries.stream().filter(q -> q.contains(part)).count();
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
