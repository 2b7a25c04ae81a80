package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.BootstrappingException;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.policy.throttling.ConcurrencyLimiter;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.statement.DefaultPreparedStatement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.request.Prepare;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.VoidResult;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

/**
 * Sends one request through a query plan: borrows the least busy connection of each node in
 * turn, moves on when a node has no open connection or refuses the request unsent (busy), maps
 * ERROR responses to typed exceptions, prepares again and retries once on UNPREPARED, lets the
 * retry policy decide after the other errors, starts speculative executions of idempotent
 * requests, waits for a permit of the request throttler, and bounds the whole with the
 * statement's timeout (cancelling what is in flight when it expires).
 */
public final class RequestHandler {

    private final SessionContext ctx;

    private final Function<java.util.UUID, Mono<io.reactivecql.api.result.QueryTrace>> traces = this::trace;

    public RequestHandler(SessionContext ctx) {
        this.ctx = ctx;
    }

    public SessionContext context() {
        return ctx;
    }

    /**
     * Sends the request {@code request} builds (called again for each retry, so it can carry the
     * current result metadata id, and the lower consistency of a downgrading retry when not null).
     *
     * @param settings the statement's resolved settings
     * @param page     the page number for the request tracker (0 for a PREPARE)
     */
    Mono<Answer> send(Statement<?> statement, RequestSettings settings, Function<ConsistencyLevel, Request> request,
                      RequestTracker.Kind kind, int page) {
        if (DirectExchange.eligible(ctx, statement, settings, kind)) {
            return new Mono<>() {
                @Override
                public void subscribe(CoreSubscriber<? super Answer> actual) {
                    DirectExchange<Answer> exchange;
                    try {
                        exchange = new DirectExchange<>(ctx, statement, settings, request, kind, page, actual);
                    } catch (RuntimeException e) {
                        Operators.error(actual, e);
                        return;
                    }
                    exchange.start();
                }
            };
        }
        Duration timeout = settings.timeout();
        return Mono.deferContextual(context -> {
            Exchange exchange = new Exchange(statement, settings, request, kind, page, context);
            boolean tracked = ctx.tracksRequests();
            if (tracked) {
                exchange.started();
            }
            Mono<Answer> run = exchange.run();
            ConcurrencyLimiter limiter = ctx.limiter();
            if (limiter != null) {
                ConcurrencyLimiter.Permit permit = limiter.newPermit();
                run = permit.acquire().then(run).doFinally(signal -> permit.release());
            }
            Mono<Answer> bounded = new RequestTimeout<>(run, timeout,
                    () -> new OperationTimedOutException(exchange.node, timeout, String.valueOf(statement)));
            return tracked ? exchange.tracked(bounded, Answer::node) : bounded;
        });
    }

    /**
     * One request through the Reactor operators: with speculative executions (several executions
     * pull from the plan and race) or throttling. Every other request runs as a
     * {@link DirectExchange}.
     */
    private final class Exchange extends PlanExchange {
        private static final AtomicIntegerFieldUpdater<Exchange> RUNNING =
                AtomicIntegerFieldUpdater.newUpdater(Exchange.class, "running");
        /** Executions started and not yet ended for want of a node. */
        private volatile int running;

        Exchange(Statement<?> statement, RequestSettings settings, Function<ConsistencyLevel, Request> request,
                 RequestTracker.Kind kind, int page, ContextView context) {
            super(RequestHandler.this.ctx, statement, settings, request, kind, page, context);
        }

        /** The first answer of any execution; the others are cancelled then. */
        Mono<Answer> run() {
            Mono<Answer> first = Mono.defer(() -> {
                RUNNING.incrementAndGet(this);
                return next(0, null, null);
            });
            Mono<Answer> winner = speculate ? Flux.merge(first, speculative(1)).next() : first;
            return winner.switchIfEmpty(Mono.defer(() -> Mono.error(noNodeAvailable())))
                    .map(this::finish);
        }

        /** The speculative executions after the {@code started} first ones, as the policy times them. */
        private Flux<Answer> speculative(int started) {
            Duration delay = settings.speculativeExecutionPolicy().nextExecution(statement, keyspace, started);
            if (delay == null) {
                return Flux.empty();
            }
            return Mono.delay(delay, Schedulers.parallel()).flatMapMany(tick -> {
                Target target = nextTarget();
                if (target == null) {
                    return Flux.empty(); // nowhere to go: no further execution either
                }
                RUNNING.incrementAndGet(this);
                speculated();
                ctx.tracker().onSpeculativeExecution(this, target.transport().endpoint(), started);
                return Flux.merge(attempt(target, 0, null, null), speculative(started + 1));
            });
        }

        /**
         * This execution goes on with the next node; it ends when there is none, and the request fails
         * when no other execution runs: with the error the policy wanted to retry elsewhere when
         * there is one (a server error, typed, carrying the earlier errors), else with
         * {@link NoNodeAvailableException}.
         *
         * @param retried the error that made the policy move to the next node, or null
         */
        private Mono<Answer> next(int retryCount, ConsistencyLevel consistency, Throwable retried) {
            Target target = nextTarget();
            if (target == null) {
                if (RUNNING.decrementAndGet(this) != 0) {
                    return Mono.empty();
                }
                return Mono.error(exhausted(retried));
            }
            return attempt(target, retryCount, consistency, retried);
        }

        private Mono<Answer> attempt(Target target, int retryCount, ConsistencyLevel consistency, Throwable retried) {
            Request message;
            try {
                message = request.apply(consistency);
            } catch (RuntimeException e) {
                return Mono.error(e);
            }
            return sendOn(target.transport(), message, consistency, kind, true)
                    .onErrorResume(e -> onError(target, e, retryCount, consistency, retried));
        }

        private Mono<Answer> onError(Target target, Throwable error, int retryCount, ConsistencyLevel consistency,
                                     Throwable retried) {
            InetSocketAddress endpoint = target.transport().endpoint();
            if (error instanceof BusyConnectionException || error instanceof BootstrappingException) {
                // not sent, or not executed: the next node, without counting a retry
                addError(endpoint, error);
                return next(retryCount, consistency, retried);
            }
            RetryDecision decision = decide(error, retryCount);
            if (decision == null) {
                return Mono.error(withHistory(error));
            }
            ctx.tracker().onRetryDecision(this, endpoint, error, decision, retryCount);
            ConsistencyLevel retryConsistency = decision.consistency() != null ? decision.consistency() : consistency;
            switch (decision.type()) {
                case RETRY_SAME -> {
                    addError(endpoint, error);
                    retried();
                    CqlTransport again = target.pool().borrow();
                    return again == null ? next(retryCount + 1, retryConsistency, error)
                            : attempt(new Target(target.pool(), again), retryCount + 1, retryConsistency, error);
                }
                case RETRY_NEXT -> {
                    addError(endpoint, error);
                    retried();
                    return next(retryCount + 1, retryConsistency, error);
                }
                case IGNORE -> {
                    addError(endpoint, error);
                    Envelope empty = Envelope.response(ctx.version(), 0, VoidResult.INSTANCE);
                    return Mono.just(new Answer(empty, endpoint, target.transport()));
                }
                default -> {
                    return Mono.error(withHistory(error));
                }
            }
        }

        private Mono<Answer> sendOn(CqlTransport transport, Request message, ConsistencyLevel consistency,
                                    RequestTracker.Kind sentKind, boolean mayReprepare) {
            InetSocketAddress endpoint = transport.endpoint();
            node = endpoint;
            RequestTracker.TrackedRequest sent = as(sentKind);
            return Mono.defer(() -> {
                NodeAttempt attempt = attempt(sent, endpoint);
                return transport.send(message, statement.tracing(), statement.customPayload())
                        .doOnCancel(attempt)
                        .doOnError(attempt)
                        .flatMap(envelope -> handle(transport, envelope, attempt.answered(), consistency, sentKind,
                                mayReprepare));
            });
        }

        private Mono<Answer> handle(CqlTransport transport, Envelope envelope, long start, ConsistencyLevel consistency,
                                    RequestTracker.Kind sentKind, boolean mayReprepare) {
            Message response = envelope.message();
            InetSocketAddress endpoint = transport.endpoint();
            long latency = System.nanoTime() - start;
            if (response instanceof ErrorResponse error) {
                if (error instanceof Unprepared unprepared && mayReprepare) {
                    DefaultPreparedStatement prepared = findPrepared(statement, unprepared);
                    if (prepared != null) {
                        ctx.tracker().onError(as(sentKind), endpoint, ErrorMapper.map(error, endpoint), latency);
                        return reprepare(transport, prepared)
                                .then(Mono.defer(() -> sendOn(transport, request.apply(consistency), consistency,
                                        sentKind, false)));
                    }
                }
                RuntimeException mapped = ErrorMapper.map(error, endpoint);
                ctx.tracker().onError(as(sentKind), endpoint, mapped, latency);
                return Mono.error(mapped);
            }
            ctx.tracker().onSuccess(as(sentKind), endpoint, latency);
            return Mono.just(new Answer(envelope, endpoint, transport));
        }

        private Mono<Void> reprepare(CqlTransport transport, DefaultPreparedStatement prepared) {
            Prepare prepare = new Prepare(prepared.query(), prepared.keyspace());
            return sendOn(transport, prepare, null, RequestTracker.Kind.PREPARE, false)
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

    /** {@link #trace} as a function, made once: every page's execution info holds it. */
    Function<java.util.UUID, Mono<io.reactivecql.api.result.QueryTrace>> traces() {
        return traces;
    }

    /** Reads the trace of {@code tracingId} from system_traces. */
    public Mono<io.reactivecql.api.result.QueryTrace> trace(java.util.UUID tracingId) {
        return TraceFetcher.fetch(this, tracingId);
    }

    /** A PREPARE's result and the node that answered it. */
    public record Prepared(PreparedResult result, InetSocketAddress node) {
    }

    /** Sends a PREPARE through the plan of {@code statement} (whose timeout and payload apply). */
    public Mono<Prepared> prepare(Statement<?> statement, Prepare prepare) {
        return Mono.defer(() -> send(statement, ctx.settings(statement), consistency -> prepare,
                        RequestTracker.Kind.PREPARE, 0))
                .flatMap(answer -> answer.envelope().message() instanceof PreparedResult result
                        ? Mono.just(new Prepared(result, answer.node()))
                        : Mono.error(new IllegalStateException("unexpected answer to PREPARE: "
                        + answer.envelope().message())));
    }

    /**
     * Sends a PREPARE on one connection of {@code pool}, outside any plan (prepare on every node,
     * prepare again on a node that came back up); the request tracker sees it. Empty when the pool
     * has no open connection.
     */
    public Mono<PreparedResult> prepareOn(ConnectionPool pool, Statement<?> statement, Prepare prepare) {
        return Mono.deferContextual(context -> {
            CqlTransport connection = pool.borrow();
            if (connection == null) {
                return Mono.empty();
            }
            RequestTracker tracker = ctx.tracker();
            RequestTracker.TrackedRequest tracked = TrackedExchange.prepare(statement,
                    prepare.keyspace() != null ? prepare.keyspace() : ctx.keyspace(), context);
            InetSocketAddress endpoint = connection.endpoint();
            long start = System.nanoTime();
            tracker.onRequestSent(tracked, endpoint);
            return connection.send(prepare)
                    .timeout(ctx.config().requestTimeout(), Schedulers.parallel())
                    .flatMap(envelope -> {
                        long latency = System.nanoTime() - start;
                        if (envelope.message() instanceof PreparedResult result) {
                            tracker.onSuccess(tracked, endpoint, latency);
                            return Mono.just(result);
                        }
                        RuntimeException error = envelope.message() instanceof ErrorResponse e
                                ? ErrorMapper.map(e, endpoint)
                                : new IllegalStateException("unexpected answer to PREPARE: " + envelope.message());
                        tracker.onError(tracked, endpoint, error, latency);
                        return Mono.error(error);
                    })
                    .doOnError(TimeoutException.class, e -> tracker.onError(tracked, endpoint, e,
                            System.nanoTime() - start));
        });
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
