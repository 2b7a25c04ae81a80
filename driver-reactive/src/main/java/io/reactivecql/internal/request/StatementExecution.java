package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.result.ExecutionInfo;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.errors.UnsupportedFeatureException;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.internal.codec.ValueBinder;
import io.reactivecql.internal.result.DefaultExecutionInfo;
import io.reactivecql.internal.result.DefaultResultPage;
import io.reactivecql.internal.result.RowShape;
import io.reactivecql.internal.statement.DefaultPreparedStatement;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Batch;
import io.reactivecql.protocol.request.Execute;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.SchemaChangeResult;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One execution of one statement: the request encoded once (values, consistency, timestamp),
 * then sent page by page with the paging state of the previous page. Turns each answer into a
 * {@link DefaultResultPage}, keeping a prepared statement's result metadata current.
 */
public final class StatementExecution implements DefaultResultPage.PageSource, DefaultResultPage.InfoSource {

    private final SessionContext ctx;
    private final RequestHandler handler;
    private final Statement<?> statement;
    private final ProtocolVersion version;
    /** The options of a QUERY or EXECUTE (null for a batch). */
    private final QueryOptions options;
    private final Batch batch;
    private final DefaultPreparedStatement prepared;
    private final RequestSettings settings;
    /** Neither throttled nor speculative: each page request runs as a {@link PageExchange}. */
    private final boolean direct;
    private volatile RowShape lastShape;

    /**
     * Encodes the request; throws {@link InvalidBindingException} or
     * {@link UnsupportedFeatureException} when it cannot be sent, {@link IllegalArgumentException}
     * when it names an execution profile the session does not have.
     */
    public StatementExecution(RequestHandler handler, Statement<?> statement) {
        this.ctx = handler.context();
        this.handler = handler;
        this.statement = statement;
        this.version = ctx.version();
        this.settings = ctx.settings(statement);
        checkVersion(statement);
        this.direct = DirectExchange.eligible(ctx, statement, settings, RequestTracker.Kind.EXECUTE);
        long timestamp = statement.timestamp() != StatementOptions.NO_TIMESTAMP ? statement.timestamp()
                : ctx.timestamps().next();
        if (statement instanceof BatchStatement b) {
            this.batch = batch(b, timestamp);
            this.options = null;
            this.prepared = null;
        } else {
            this.batch = null;
            if (statement instanceof SimpleStatement simple) {
                QueryOptions.Builder builder = common(statement, timestamp);
                bindSimple(simple, builder);
                this.prepared = null;
                this.options = builder.build();
            } else if (statement instanceof BoundStatement bound
                    && bound.preparedStatement() instanceof DefaultPreparedStatement p) {
                this.prepared = p;
                // what common() builds, without the builder: the one allocation of the most
                // frequent execution that nothing needs
                this.options = new QueryOptions(settings.consistency(), bound.values(), List.of(), skipMetadata(p),
                        settings.pageSize(), bound.pagingState(), settings.serialConsistency(), timestamp,
                        bound.keyspace(), nowInSeconds(bound));
            } else {
                throw new IllegalArgumentException("cannot execute a " + statement.getClass().getName()
                        + ": execute SimpleStatement, BoundStatement (from session.prepare) or BatchStatement");
            }
        }
    }

    private void checkVersion(Statement<?> s) {
        if (version == ProtocolVersion.V4) {
            if (s.keyspace() != null) {
                throw new UnsupportedFeatureException(version, "a per-statement keyspace (" + s.keyspace() + ")");
            }
            if (s.nowInSeconds() != StatementOptions.NOT_SET) {
                throw new UnsupportedFeatureException(version, "now_in_seconds");
            }
        }
    }

    private QueryOptions.Builder common(Statement<?> s, long timestamp) {
        return QueryOptions.builder()
                .consistency(settings.consistency())
                .serialConsistency(settings.serialConsistency())
                .pageSize(settings.pageSize())
                .pagingState(s.pagingState())
                .defaultTimestamp(timestamp)
                .keyspace(s.keyspace())
                .nowInSeconds(nowInSeconds(s));
    }

    private static int nowInSeconds(Statement<?> s) {
        return s.nowInSeconds() != StatementOptions.NOT_SET ? s.nowInSeconds() : QueryOptions.NO_NOW_IN_SECONDS;
    }

    private void bindSimple(SimpleStatement simple, QueryOptions.Builder builder) {
        if (simple.hasNamedValues()) {
            List<String> names = new ArrayList<>(simple.namedValues().size());
            List<ByteBuffer> values = new ArrayList<>(simple.namedValues().size());
            int i = 0;
            for (Map.Entry<String, Object> e : simple.namedValues().entrySet()) {
                names.add(e.getKey());
                values.add(ValueBinder.encodeInferred(ctx.registry(), i++, e.getKey(), e.getValue()));
            }
            builder.namedValues(names, values);
        } else if (!simple.positionalValues().isEmpty()) {
            builder.values(encodePositional(simple));
        }
    }

    private List<ByteBuffer> encodePositional(SimpleStatement simple) {
        List<Object> raw = simple.positionalValues();
        List<ByteBuffer> values = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            values.add(ValueBinder.encodeInferred(ctx.registry(), i, null, raw.get(i)));
        }
        return values;
    }

    private Batch batch(BatchStatement b, long timestamp) {
        Batch.Builder builder = Batch.builder(b.type())
                .consistency(settings.consistency())
                .serialConsistency(settings.serialConsistency())
                .defaultTimestamp(timestamp)
                .keyspace(b.keyspace())
                .nowInSeconds(b.nowInSeconds() != StatementOptions.NOT_SET ? b.nowInSeconds()
                        : QueryOptions.NO_NOW_IN_SECONDS);
        for (Statement<?> child : b.statements()) {
            if (child instanceof SimpleStatement simple) {
                builder.add(io.reactivecql.protocol.request.BatchStatement.query(simple.query(),
                        encodePositional(simple)));
            } else if (child instanceof BoundStatement bound) {
                builder.add(io.reactivecql.protocol.request.BatchStatement.prepared(
                        bound.preparedStatement().id(), bound.values()));
            }
        }
        return builder.build();
    }

    /**
     * The request for the page after {@code pagingState} (null: the statement's own start), at
     * {@code consistency} (null: the statement's).
     */
    private Request request(ByteBuffer pagingState, ConsistencyLevel consistency) {
        if (batch != null) {
            return consistency == null ? batch : new Batch(batch.type(), batch.statements(), consistency,
                    batch.serialConsistency(), batch.defaultTimestamp(), batch.keyspace(), batch.nowInSeconds());
        }
        QueryOptions page = options;
        // the first page's options are built once, by the constructor, unless the prepared
        // statement's result columns changed since
        if (pagingState != null || consistency != null
                || (prepared != null && options.skipMetadata() != skipMetadata(prepared))) {
            QueryOptions.Builder b = options.toBuilder();
            if (consistency != null) {
                b.consistency(consistency);
            }
            if (pagingState != null) {
                b.pagingState(pagingState);
            }
            if (prepared != null) {
                b.skipMetadata(skipMetadata(prepared));
            }
            page = b.build();
        }
        if (prepared != null) {
            ByteBuffer metadataId = version == ProtocolVersion.V4 ? null : prepared.sharedResultMetadataId();
            return new Execute(prepared.sharedId(), metadataId, page);
        }
        return new Query(((SimpleStatement) statement).query(), page);
    }

    /** Skip the result metadata only where the v5 result metadata id keeps it safe. */
    private boolean skipMetadata(DefaultPreparedStatement p) {
        return version != ProtocolVersion.V4 && p.hasResultColumns();
    }

    /** The first page. */
    public Mono<DefaultResultPage> firstPage() {
        return fetch(null, 1);
    }

    @Override
    public Mono<DefaultResultPage> fetch(ByteBuffer pagingState, int pageNumber) {
        if (direct) {
            return new Mono<>() {
                @Override
                public void subscribe(CoreSubscriber<? super DefaultResultPage> actual) {
                    start(pagingState, pageNumber, actual, false);
                }
            };
        }
        return handler.send(statement, settings, consistency -> request(pagingState, consistency),
                        RequestTracker.Kind.EXECUTE, pageNumber)
                .flatMap(answer -> {
                    if (answer.envelope().message() instanceof SchemaChangeResult) {
                        DriverConfig config = ctx.config();
                        return SchemaAgreementCheck.await(answer.transport(), config.schemaAgreementTimeout(),
                                        config.schemaAgreementInterval(), ctx::downHostIds)
                                .map(agreed -> toPage(answer, pageNumber, agreed));
                    }
                    return Mono.just(toPage(answer, pageNumber, true));
                });
    }

    /** Without throttling or speculative executions: the page request as one {@link PageExchange}. */
    @Override
    public void fetch(ByteBuffer pagingState, int pageNumber, CoreSubscriber<? super DefaultResultPage> subscriber) {
        if (!direct) {
            fetch(pagingState, pageNumber).subscribe(subscriber);
            return;
        }
        start(pagingState, pageNumber, subscriber, true);
    }

    /** @param rowsOnly whether a write's answer completes without a page (the rows' reader needs none) */
    private void start(ByteBuffer pagingState, int pageNumber, CoreSubscriber<? super DefaultResultPage> subscriber,
                       boolean rowsOnly) {
        PageExchange exchange;
        try {
            exchange = new PageExchange(pagingState, pageNumber, subscriber, rowsOnly);
        } catch (RuntimeException e) {
            Operators.error(subscriber, e);
            return;
        }
        exchange.start();
    }

    /** One page request whose answer becomes the page (after schema agreement for a schema change). */
    private final class PageExchange extends DirectExchange<DefaultResultPage> {
        private final ByteBuffer pagingState;
        private final boolean rowsOnly;
        private volatile Disposable agreement;
        private volatile boolean cancelledAfterAnswer;

        PageExchange(ByteBuffer pagingState, int pageNumber, CoreSubscriber<? super DefaultResultPage> actual,
                     boolean rowsOnly) {
            super(StatementExecution.this.ctx, StatementExecution.this.statement, StatementExecution.this.settings,
                    null, RequestTracker.Kind.EXECUTE, pageNumber, actual);
            this.pagingState = pagingState;
            this.rowsOnly = rowsOnly;
        }

        @Override
        Request message(ConsistencyLevel consistency) {
            return StatementExecution.this.request(pagingState, consistency);
        }

        @Override
        void onAnswer(Answer answer) {
            if (answer.envelope().message() instanceof SchemaChangeResult) {
                DriverConfig config = ctx.config();
                Disposable wait = SchemaAgreementCheck.await(answer.transport(), config.schemaAgreementTimeout(),
                                config.schemaAgreementInterval(), ctx::downHostIds)
                        .subscribe(agreed -> emitPage(answer, agreed), this::emitError, null,
                                Context.of(actual.currentContext()));
                agreement = wait;
                if (cancelledAfterAnswer) {
                    wait.dispose();
                }
                return;
            }
            if (rowsOnly && answer.envelope().message() instanceof VoidResult) {
                emitEmpty(); // no rows and no next page: the reader of the rows needs no page object
                return;
            }
            emitPage(answer, true);
        }

        private void emitPage(Answer answer, boolean schemaInAgreement) {
            DefaultResultPage page;
            try {
                page = toPage(answer, page(), schemaInAgreement);
            } catch (RuntimeException e) {
                emitError(e);
                return;
            }
            emit(page);
        }

        @Override
        void cancelAfterAnswer() {
            cancelledAfterAnswer = true;
            Disposable wait = agreement;
            if (wait != null) {
                wait.dispose();
            }
        }
    }

    private DefaultResultPage toPage(Answer answer, int pageNumber, boolean schemaInAgreement) {
        Envelope envelope = answer.envelope();
        Message message = envelope.message();
        RowsResult rows = null;
        RowShape shape = RowShape.EMPTY;
        ByteBuffer next = null;
        if (message instanceof RowsResult r) {
            rows = r;
            RowsMetadata metadata = r.metadata();
            next = metadata.pagingState();
            shape = shapeOf(metadata);
        } else if (message instanceof SetKeyspaceResult ks) {
            ctx.keyspaceChanged(ks.keyspace());
        }
        return new DefaultResultPage(rows, shape, this, answer, schemaInAgreement, next, this, pageNumber);
    }

    /** A page's execution info, made when the page is asked for it. */
    @Override
    public ExecutionInfo executionInfo(Object page, ByteBuffer pagingState, boolean schemaInAgreement) {
        Answer answer = (Answer) page;
        Envelope envelope = answer.envelope();
        return new DefaultExecutionInfo(statement, answer.node(), envelope.warnings(), envelope.tracingId(),
                pagingState, envelope.customPayload(), handler.traces(), answer.retryCount(),
                answer.speculativeExecutions(), answer.errors(), schemaInAgreement);
    }

    private RowShape shapeOf(RowsMetadata metadata) {
        RowShape shape;
        if (prepared != null && metadata.isMetadataChanged()) {
            shape = prepared.resultMetadataChanged(metadata.newMetadataId(), metadata.columns());
        } else if (!metadata.hasColumns()) {
            if (prepared == null) {
                throw new IllegalStateException("rows without metadata for a statement that did not ask to skip it");
            }
            shape = prepared.resultShape();
            if (shape.size() != metadata.columnCount()) {
                throw new IllegalStateException("rows of " + metadata.columnCount() + " columns, but the prepared "
                        + "statement knows " + shape.size());
            }
        } else if (prepared != null && prepared.resultShape().specs().equals(metadata.columns())) {
            shape = prepared.resultShape();
        } else {
            shape = RowShape.reuse(lastShape, metadata.columns(), ctx.registry());
        }
        lastShape = shape;
        return shape;
    }
}
