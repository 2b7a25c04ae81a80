package io.reactivecql.mapper.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.mapper.api.EntityBatch;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.protocol.request.BatchType;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The immutable {@link EntityBatch}: statements are built when {@link #execute()} is subscribed to. */
final class DefaultEntityBatch implements EntityBatch {

    private final ReactiveSession session;
    private final BatchType type;
    private final List<Publisher<BoundStatement>> statements;
    private final QueryOptions options;

    DefaultEntityBatch(ReactiveSession session, BatchType type) {
        this(session, type, List.of(), QueryOptions.defaults());
    }

    private DefaultEntityBatch(ReactiveSession session, BatchType type, List<Publisher<BoundStatement>> statements,
                               QueryOptions options) {
        this.session = session;
        this.type = Objects.requireNonNull(type, "type");
        this.statements = statements;
        this.options = options;
    }

    @Override
    public <T> EntityBatch save(ReactiveRepository<T, ?> repository, T entity) {
        return save(repository, entity, QueryOptions.defaults());
    }

    @Override
    public <T> EntityBatch save(ReactiveRepository<T, ?> repository, T entity, QueryOptions statementOptions) {
        Objects.requireNonNull(repository, "repository");
        return add(repository.saveStatement(entity, statementOptions));
    }

    @Override
    public <T> EntityBatch delete(ReactiveRepository<T, ?> repository, T entity) {
        Objects.requireNonNull(repository, "repository");
        return add(repository.deleteStatement(entity, QueryOptions.defaults()));
    }

    @Override
    public <ID> EntityBatch increment(ReactiveRepository<?, ID> repository, ID id, String counter, long delta) {
        Objects.requireNonNull(repository, "repository");
        return add(repository.incrementStatement(id, counter, delta, QueryOptions.defaults()));
    }

    @Override
    public EntityBatch add(Publisher<BoundStatement> statement) {
        Objects.requireNonNull(statement, "statement");
        if (statements.size() >= 0xFFFF) {
            throw new IllegalStateException("a batch holds at most 65535 statements");
        }
        List<Publisher<BoundStatement>> copy = new ArrayList<>(statements.size() + 1);
        copy.addAll(statements);
        copy.add(statement);
        return new DefaultEntityBatch(session, type, List.copyOf(copy), options);
    }

    @Override
    public EntityBatch options(QueryOptions batchOptions) {
        Objects.requireNonNull(batchOptions, "options");
        if (batchOptions.hasTtl()) {
            throw new IllegalArgumentException("a batch has no TTL of its own: give TTLs to its writes");
        }
        return new DefaultEntityBatch(session, type, statements, batchOptions);
    }

    @Override
    public int size() {
        return statements.size();
    }

    @Override
    public Mono<Boolean> execute() {
        if (statements.isEmpty()) {
            return Mono.just(true);
        }
        return Flux.fromIterable(statements)
                .concatMap(p -> Mono.from(p))
                .collectList()
                .flatMap(list -> {
                    BatchStatement batch = BatchStatement.of(type, list);
                    return session.executePage(batch.withOptions(options.applyTo(batch.options())));
                })
                .map(page -> page.wasApplied());
    }
}
