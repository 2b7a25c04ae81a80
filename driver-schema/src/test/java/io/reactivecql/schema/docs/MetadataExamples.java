package io.reactivecql.schema.docs;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.schema.api.SessionMetadata;
import io.reactivecql.schema.api.token.TokenMap;

import java.util.Optional;

/**
 * The schema examples of docs/metadata.md, compiled with the tests so that they keep matching the
 * API. Never run: they need a cluster.
 */
@SuppressWarnings("unused")
final class MetadataExamples {

    private MetadataExamples() {
    }

    static void schema(ReactiveSession session) {
        SessionMetadata meta = SessionMetadata.of(session);
        meta.current().keyspace("shop")
                .flatMap(keyspace -> keyspace.table("users"))
                .ifPresent(table -> System.out.println(table.describe()));   // the CQL that recreates it
        meta.changes().subscribe(change -> System.out.println(change.type() + " " + change.kind() + " "
                + change.keyspace() + "." + change.name()));
        Optional<TokenMap<Node>> ring = meta.tokenMap();                      // replicas(keyspace, routingKey)
    }
}
