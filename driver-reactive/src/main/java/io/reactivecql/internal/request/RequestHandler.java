package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.statement.DefaultPreparedStatement;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.PreparedResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one request through a query plan: borrows the least busy connection of each node in
 * turn, moves on when a node has no open connection or refuses the request unsent (busy), maps
 * ERROR responses to typed exceptions, prepares again and retries once on UNPREPARED, and bounds
 * the whole with the statement's timeout (cancelling the request in flight when it expires).
 * Retry and speculative execution policies plug in here later.
 */
public final class RequestHandler {

    private final SessionContext ctx;

    public RequestHandler(SessionContext ctx) {
        this.ctx = ctx;
    }

    public SessionContext context() {
        return ctx;
    }

    /**
     * Sends the request {@code request} builds (called again for a retry after a re-prepare, so it
     * can carry the current result metadata id).
     *
     * @param page the page number for the request tracker (0 for a PREPARE)
     */
    Mono<Answer> send(Statement<?> statement, Supplier<Request> request, RequestTracker.Kind kind, int page) {
        Duration timeout = statement.timeout() != null ? statement.timeout() : ctx.config().requestTimeout();
        return Mono.defer(() -> {
            Attempt attempt = new Attempt(statement, request, kind, page);
            return attempt.next()
                    .timeout(timeout, Schedulers.parallel())
                    .onErrorMap(TimeoutException.class,
                            e -> new OperationTimedOutException(attempt.node, timeout, String.valueOf(statement)));
        });
    }

    /** The state of one request: its plan, the node last tried and the errors met so far. */
    private final class Attempt {
        private final Statement<?> statement;
        private final Supplier<Request> request;
        private final RequestTracker.Kind kind;
        private final int page;
        private final QueryPlan plan;
        private final Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
        private volatile InetSocketAddress node;

        Attempt(Statement<?> statement, Supplier<Request> request, RequestTracker.Kind kind, int page) {
            this.statement = statement;
            this.request = request;
            this.kind = kind;
            this.page = page;
            String keyspace = statement.keyspace() != null ? statement.keyspace() : ctx.keyspace();
            this.plan = ctx.planner().newPlan(statement, keyspace);
        }

        Mono<Answer> next() {
            ConnectionPool pool;
            CqlTransport transport = null;
            while ((pool = plan.next()) != null) {
                transport = pool.borrow();
                if (transport != null) {
                    break;
                }
                errors.put(pool.endpoint(), new ConnectionClosedException(pool.endpoint(),
                        "no open connection to the node", null));
            }
            if (transport == null) {
                return Mono.error(new NoNodeAvailableException("no node could take " + statement, errors));
            }
            Request message;
            try {
                message = request.get();
            } catch (RuntimeException e) {
                return Mono.error(e);
            }
            CqlTransport chosen = transport;
            return sendOn(chosen, message, kind, true)
                    .onErrorResume(e -> isRetryableElsewhere(e), e -> {
                        errors.put(chosen.endpoint(), e);
                        return next();
                    });
        }

        /** Errors after which the request can go to the next node: it was not sent, or it is idempotent. */
        private boolean isRetryableElsewhere(Throwable e) {
            if (e instanceof BusyConnectionException) {
                return true;
            }
            return e instanceof ConnectionClosedException && isIdempotent();
        }

        private boolean isIdempotent() {
            Boolean idempotent = statement.idempotent();
            return idempotent != null ? idempotent : ctx.config().defaultIdempotence();
        }

        private Mono<Answer> sendOn(CqlTransport transport, Request message, RequestTracker.Kind sentKind,
                                    boolean mayReprepare) {
            InetSocketAddress endpoint = transport.endpoint();
            node = endpoint;
            RequestTracker tracker = ctx.tracker();
            return Mono.defer(() -> {
                long start = System.nanoTime();
                tracker.onRequestSent(sentKind, statement, endpoint, sentKind == RequestTracker.Kind.PREPARE ? 0 : page);
                return transport.send(message, statement.tracing(), statement.customPayload())
                        .doOnCancel(() -> tracker.onError(sentKind, statement, endpoint,
                                new CancellationException("cancelled"), System.nanoTime() - start))
                        .doOnError(e -> tracker.onError(sentKind, statement, endpoint, e, System.nanoTime() - start))
                        .flatMap(envelope -> handle(transport, envelope, start, sentKind, mayReprepare));
            });
        }

        private Mono<Answer> handle(CqlTransport transport, Envelope envelope, long start,
                                    RequestTracker.Kind sentKind, boolean mayReprepare) {
            Message response = envelope.message();
            InetSocketAddress endpoint = transport.endpoint();
            long latency = System.nanoTime() - start;
            if (response instanceof ErrorResponse error) {
                if (error instanceof Unprepared unprepared && mayReprepare) {
                    DefaultPreparedStatement prepared = findPrepared(statement, unprepared);
                    if (prepared != null) {
                        ctx.tracker().onError(sentKind, statement, endpoint, ErrorMapper.map(error, endpoint), latency);
                        return reprepare(transport, prepared)
                                .then(Mono.defer(() -> sendOn(transport, request.get(), sentKind, false)));
                    }
                }
                RuntimeException mapped = ErrorMapper.map(error, endpoint);
                ctx.tracker().onError(sentKind, statement, endpoint, mapped, latency);
                return Mono.error(mapped);
            }
            ctx.tracker().onSuccess(sentKind, statement, endpoint, latency);
            return Mono.just(new Answer(envelope, endpoint, transport));
        }

        private Mono<Void> reprepare(CqlTransport transport, DefaultPreparedStatement prepared) {
            Prepare prepare = new Prepare(prepared.query(), prepared.keyspace());
            return sendOn(transport, prepare, RequestTracker.Kind.PREPARE, false)
                    .flatMap(answer -> {
                        if (answer.envelope().message() instanceof PreparedResult result) {
                            prepared.refresh(result);
                            return Mono.<Void>empty();
                        }
                        return Mono.error(new IllegalStateException("unexpected answer to PREPARE: "
                                + answer.envelope().message()));
                    });
        }
    }

    /** Reads the trace of {@code tracingId} from system_traces. */
    public Mono<io.reactivecql.api.result.QueryTrace> trace(java.util.UUID tracingId) {
        return TraceFetcher.fetch(this, tracingId);
    }

    /** Sends a PREPARE through the plan of {@code statement} (whose timeout and payload apply). */
    public Mono<PreparedResult> prepare(Statement<?> statement, Prepare prepare) {
        return send(statement, () -> prepare, RequestTracker.Kind.PREPARE, 0)
                .flatMap(answer -> answer.envelope().message() instanceof PreparedResult result
                        ? Mono.just(result)
                        : Mono.error(new IllegalStateException("unexpected answer to PREPARE: "
                        + answer.envelope().message())));
    }

    /** The prepared statement an UNPREPARED answer is about, or null when the statement has none with that id. */
    static DefaultPreparedStatement findPrepared(Statement<?> statement, Unprepared unprepared) {
        if (statement instanceof BoundStatement bound
                && bound.preparedStatement() instanceof DefaultPreparedStatement p && p.hasId(unprepared.id())) {
            return p;
        }
        if (statement instanceof BatchStatement batch) {
            for (Statement<?> child : batch.statements()) {
                DefaultPreparedStatement p = findPrepared(child, unprepared);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }
}
