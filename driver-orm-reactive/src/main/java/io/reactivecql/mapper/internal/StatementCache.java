package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.statement.PreparedStatement;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements by CQL text, shared by the repositories of one mapper. A hit is a map lookup
 * (no Mono built by the session); a miss goes through {@link ReactiveSession#prepare}, which
 * shares concurrent PREPAREs of one query. Bounded: past {@link #MAX} entries new shapes are
 * prepared through the session's own cache only.
 */
final class StatementCache {

    static final int MAX = 2_000;

    private final ReactiveSession session;
    private final ConcurrentHashMap<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    StatementCache(ReactiveSession session) {
        this.session = session;
    }

    Mono<PreparedStatement> prepare(String cql) {
        PreparedStatement hit = prepared.get(cql);
        if (hit != null) {
            return Mono.just(hit);
        }
        return session.prepare(cql).doOnNext(ps -> {
            if (prepared.size() < MAX) {
                prepared.putIfAbsent(cql, ps);
            }
        });
    }
}
