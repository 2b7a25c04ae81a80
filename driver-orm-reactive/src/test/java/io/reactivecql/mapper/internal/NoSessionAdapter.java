package io.reactivecql.mapper.internal;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ProtocolVersion;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;

/**
 * A session that has codecs but no server: for unit tests of what the mapper decides before it
 * sends anything. Every request fails; tests override what they need.
 */
class NoSessionAdapter implements ReactiveSession {

    private static <T> Mono<T> none() {
        return Mono.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Flux<Row> execute(String cql, Object... positionalValues) {
        return Flux.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Flux<Row> execute(String cql, Map<String, Object> namedValues) {
        return Flux.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Flux<Row> execute(Statement<?> statement) {
        return Flux.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Mono<ResultPage> executePage(Statement<?> statement) {
        return none();
    }

    @Override
    public Mono<PreparedStatement> prepare(String cql) {
        return none();
    }

    @Override
    public Mono<PreparedStatement> prepare(SimpleStatement statement) {
        return none();
    }

    @Override
    public Flux<ResultPage> executeAll(Publisher<? extends Statement<?>> statements, int concurrency) {
        return Flux.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Flux<StatementResult> executeAllSettled(Publisher<? extends Statement<?>> statements, int concurrency) {
        return Flux.error(new UnsupportedOperationException("no server in unit tests"));
    }

    @Override
    public Optional<String> keyspace() {
        return Optional.empty();
    }

    @Override
    public ProtocolVersion protocolVersion() {
        return ProtocolVersion.V5;
    }

    @Override
    public CodecRegistry codecRegistry() {
        return CodecRegistry.defaultRegistry();
    }

    @Override
    public DriverConfig config() {
        return DriverConfig.defaults();
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }
}
