package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.SessionMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The catalogue's keyspace and tables: created at startup ({@code reactivecql.schema.action=create},
 * the default), or checked against the cluster's schema metadata ({@code validate}) so that a
 * missing table fails the startup instead of the first request.
 */
public final class CatalogueSchema {

    /** The tables the application needs. */
    public static final List<String> TABLES = List.of("products", "reviews");

    private CatalogueSchema() {
    }

    /**
     * Creates what is missing, over a short-lived session without keyspace (the application's
     * session USEs the keyspace, so it must exist before that session connects).
     */
    public static Mono<Void> create(SessionBuilder withoutKeyspace, String keyspace, int replicationFactor) {
        List<String> ddl = List.of(
                "CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}",
                // sku is the natural key: creating a product is INSERT ... IF NOT EXISTS, and version
                // drives the optimistic concurrency of updates (UPDATE ... IF version = ?)
                "CREATE TABLE IF NOT EXISTS " + keyspace + ".products ("
                        + "sku text PRIMARY KEY, name text, description text, category text, price decimal, "
                        + "version int, updated_at timestamp)",
                // one partition per product, newest review first
                "CREATE TABLE IF NOT EXISTS " + keyspace + ".reviews ("
                        + "sku text, review_id timeuuid, author text, rating int, comment text, "
                        + "PRIMARY KEY (sku, review_id)) WITH CLUSTERING ORDER BY (review_id DESC)");
        return Mono.usingWhen(withoutKeyspace.connect(),
                session -> Flux.fromIterable(ddl).concatMap(session::execute).then(),
                ReactiveSession::close);
    }

    /** Fails with a message naming what is missing when the keyspace or a table does not exist. */
    public static Mono<Void> check(ReactiveSession session, String keyspace) {
        return SessionMetadata.of(session).metadata().flatMap(metadata -> {
            KeyspaceMetadata ks = metadata.keyspace(keyspace).orElse(null);
            if (ks == null) {
                return Mono.error(new IllegalStateException("keyspace " + keyspace + " does not exist: create it "
                        + "or start with reactivecql.schema.action=create"));
            }
            List<String> missing = TABLES.stream().filter(t -> ks.table(t).isEmpty()).toList();
            return missing.isEmpty() ? Mono.empty() : Mono.error(new IllegalStateException("table(s) " + missing
                    + " missing in keyspace " + keyspace + ": create them or start with reactivecql.schema.action=create"));
        });
    }
}
