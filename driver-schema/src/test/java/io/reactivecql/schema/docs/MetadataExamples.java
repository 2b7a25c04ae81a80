package io.reactivecql.schema.docs;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.schema.api.KeyspaceMetadata;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SchemaMetadataManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The schema examples of docs/metadata.md, compiled with the tests so that they keep matching the
 * API. Never run: they need a cluster.
 */
@SuppressWarnings("unused")
final class MetadataExamples {

    private MetadataExamples() {
    }

    static Mono<Void> schema(ReactiveSession session) {
        SchemaMetadataManager schema = SchemaMetadataManager.create(session, Flux.never(),
                SchemaConfig.defaults().withKeyspaces("shop"));
        return schema.start()
                .doOnNext(metadata -> metadata.keyspace("shop")
                        .flatMap(keyspace -> keyspace.table("users"))
                        .ifPresent(table -> System.out.println(table.describe())))
                .then(session.execute("ALTER TABLE shop.users ADD email text").then())
                .then(schema.awaitSchemaAgreement())
                .then(schema.refresh())
                .map(metadata -> metadata.keyspace("shop").map(KeyspaceMetadata::describeWithChildren).orElse(""))
                .doOnNext(System.out::println)
                .then(schema.close());
    }

    static void changes(SchemaMetadataManager schema) {
        schema.changes().subscribe(change -> System.out.println(change.type() + " " + change.kind() + " "
                + change.keyspace() + "." + change.name()));
    }
}
