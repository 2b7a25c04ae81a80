package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.ServerException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Request;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

/**
 * What every way of running one request through its query plan shares: the plan, the retry
 * policy's decisions, the errors met on the way and the counts of retries and speculative
 * executions. {@link RequestHandler}'s Reactor exchange (speculative executions, throttling) and
 * the {@link DirectExchange} state machine (everything else) extend it.
 */
abstract class PlanExchange extends TrackedExchange {

    // counters as field updaters and the error list made on the first error: most requests meet
    // no error, and each of these objects would be allocated for every request
    private static final AtomicIntegerFieldUpdater<PlanExchange> RETRIES =
            AtomicIntegerFieldUpdater.newUpdater(PlanExchange.class, "retries");
    private static final AtomicIntegerFieldUpdater<PlanExchange> SPECULATIVE =
            AtomicIntegerFieldUpdater.newUpdater(PlanExchange.class, "speculative");

    final SessionContext ctx;
    final RequestSettings settings;
    final Function<ConsistencyLevel, Request> request;
    final QueryPlan plan;
    final boolean idempotent;
    /** Whether speculative executions may run: only then do several threads pull from the plan. */
    final boolean speculate;
    /** Guarded by this; null until the first error. */
    private List<Map.Entry<InetSocketAddress, Throwable>> errors;
    private volatile int retries;
    private volatile int speculative;
    volatile InetSocketAddress node;

    PlanExchange(SessionContext ctx, Statement<?> statement, RequestSettings settings,
                 Function<ConsistencyLevel, Request> request, RequestTracker.Kind kind, int page, ContextView context) {
        this(ctx, statement, settings, request, kind, page, context,
                statement.keyspace() != null ? statement.keyspace() : ctx.keyspace());
    }

    private PlanExchange(SessionContext ctx, Statement<?> statement, RequestSettings settings,
                         Function<ConsistencyLevel, Request> request, RequestTracker.Kind kind, int page,
                         ContextView context, String keyspace) {
        super(ctx.tracker(), kind, statement, page, keyspace, settings.consistency(), context);
        this.ctx = ctx;
        this.settings = settings;
        this.request = request;
        this.plan = ctx.planner().newPlan(statement, keyspace);
        // a PREPARE can be sent again safely
        this.idempotent = kind == RequestTracker.Kind.PREPARE || isIdempotent(ctx, statement);
        this.speculate = speculates(kind, idempotent, settings);
    }

    /** Whether a request of this kind and these settings may start speculative executions. */
    static boolean speculates(RequestTracker.Kind kind, boolean idempotent, RequestSettings settings) {
        return idempotent && kind == RequestTracker.Kind.EXECUTE
                && settings.speculativeExecutionPolicy() != SpeculativeExecutionPolicy.none();
    }

    static boolean isIdempotent(SessionContext ctx, Statement<?> s) {
        Boolean value = s.idempotent();
        return value != null ? value : ctx.config().defaultIdempotence();
    }

    @Override
    InetSocketAddress lastNode() {
        return node;
    }

    final int retries() {
        return retries;
    }

    final int speculativeExecutions() {
        return speculative;
    }

    final void retried() {
        RETRIES.incrementAndGet(this);
    }

    final void speculated() {
        SPECULATIVE.incrementAndGet(this);
    }

    /** A connection of a node of the plan. */
    record Target(ConnectionPool pool, CqlTransport transport) {
    }

    /** The next node of the plan with an open connection, or null when the plan is exhausted. */
    final Target nextTarget() {
        for (;;) {
            ConnectionPool pool;
            if (speculate) {
                synchronized (plan) { // executions may pull from timer threads; never held across I/O
                    pool = plan.next();
                }
            } else {
                pool = plan.next(); // one execution at a time: no lock on the common path
            }
            if (pool == null) {
                return null;
            }
            CqlTransport transport = pool.borrow();
            if (transport != null) {
                return new Target(pool, transport);
            }
            addError(pool.endpoint(), new ConnectionClosedException(pool.endpoint(),
                    "no open connection to the node", null));
        }
    }

    /**
     * The retry policy's decision, or null for errors it is not asked about. Write timeouts and
     * request errors of non-idempotent statements are rethrown without asking: the write may
     * have been applied.
     */
    final RetryDecision decide(Throwable error, int retryCount) {
        RetryPolicy policy = settings.retryPolicy();
        if (error instanceof ReadTimeoutException e) {
            return policy.onReadTimeout(statement, e, retryCount);
        } else if (error instanceof UnavailableException e) {
            return policy.onUnavailable(statement, e, retryCount);
        } else if (error instanceof WriteTimeoutException e) {
            return idempotent ? policy.onWriteTimeout(statement, e, retryCount) : null;
        } else if (error instanceof ConnectionClosedException || error instanceof OverloadedException
                || error instanceof ServerErrorException || error instanceof TruncateException
                || error instanceof ReadFailureException || error instanceof WriteFailureException) {
            return idempotent ? policy.onRequestError(statement, error, retryCount) : null;
        }
        return null;
    }

    final synchronized void addError(InetSocketAddress endpoint, Throwable error) {
        node = endpoint;
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(new AbstractMap.SimpleImmutableEntry<>(endpoint, error));
    }

    final synchronized List<Map.Entry<InetSocketAddress, Throwable>> errorList() {
        return errors == null ? List.of() : List.copyOf(errors);
    }

    final NoNodeAvailableException noNodeAvailable() {
        Map<InetSocketAddress, Throwable> byNode = new LinkedHashMap<>();
        for (Map.Entry<InetSocketAddress, Throwable> e : errorList()) {
            byNode.put(e.getKey(), e.getValue());
        }
        return new NoNodeAvailableException("no node could take " + statement, byNode);
    }

    /** A server error (a fresh instance per answer) carries the errors of the earlier attempts. */
    final Throwable withHistory(Throwable error) {
        if (error instanceof ServerException) {
            for (Map.Entry<InetSocketAddress, Throwable> e : errorList()) {
                if (e.getValue() != error) {
                    error.addSuppressed(e.getValue());
                }
            }
        }
        return error;
    }

    /** The error a plan run out of nodes ends with: the one the policy retried elsewhere, or none available. */
    final Throwable exhausted(Throwable retried) {
        return retried instanceof ServerException ? withHistory(retried) : noNodeAvailable();
    }

    /** The answer that ends the request, with its history; reports its warnings. */
    final Answer finish(Answer answer) {
        warnings(answer.node(), answer.envelope().warnings());
        return answer.withHistory(retries, speculative, errorList());
    }
}
