package io.reactivecql.schema.internal;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks, until a deadline, that the local node and its peers report one schema version. */
final class SchemaAgreement {

    static final String LOCAL = "SELECT schema_version FROM system.local WHERE key = 'local'";
    static final String PEERS = "SELECT peer, schema_version FROM system.peers";

    private SchemaAgreement() {
    }

    /** Whether the rows report exactly one schema version (peers without one are ignored). */
    static boolean agreed(List<SchemaRow> local, List<SchemaRow> peers) {
        Set<Object> versions = new HashSet<>();
        local.forEach(r -> versions.add(r.get("schema_version")));
        peers.stream().map(r -> r.get("schema_version")).filter(v -> v != null).forEach(versions::add);
        versions.remove(null);
        return versions.size() == 1;
    }

    static Mono<Boolean> await(SchemaQueries queries, Duration timeout, Duration interval) {
        Mono<Boolean> check = Mono.zip(queries.select(LOCAL), queries.select(PEERS))
                .map(t -> agreed(t.getT1(), t.getT2()))
                .onErrorReturn(false);
        return check.filter(Boolean::booleanValue)
                .repeatWhenEmpty(ticks -> ticks.delayElements(interval))
                .timeout(timeout, Mono.just(false));
    }
}
