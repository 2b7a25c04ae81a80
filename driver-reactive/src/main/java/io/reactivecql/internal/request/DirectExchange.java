package io.reactivecql.internal.request;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.Future;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.BootstrappingException;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.CqlTransport;
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
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;

/**
 * One request as a hand-written state machine, for every request that neither speculates nor
 * waits for a throttling permit: one object is the subscriber's {@link Subscription}, the
 * request's timeout task and its walk through the query plan; one {@link Attempt} per node tried
 * subscribes to the connection. It does what {@link RequestHandler}'s Reactor exchange does
 * (the same retry decisions, UNPREPARED handling, request tracker events in the same order, and
 * typed errors) without the fifteen operators, their subscribers and lambdas per request.
 *
 * <p>Whoever ends the request first (the answer, an error, the timeout or a cancel) flips
 * {@link #over}; the others do nothing. The answer waits for the subscriber's demand, as a Mono's
 * value does. Attempts run one after the other, each started from the signal that ended the one
 * before, so {@link #current} is the only attempt that may still signal.
 *
 * @param <T> what the subscriber receives: the {@link Answer}, or what a subclass makes of it
 */
class DirectExchange<T> extends PlanExchange implements Subscription, Callable<Void>, TimerTask {

    private static final AtomicIntegerFieldUpdater<DirectExchange> OVER =
            AtomicIntegerFieldUpdater.newUpdater(DirectExchange.class, "over");
    private static final AtomicIntegerFieldUpdater<DirectExchange> DEMAND =
            AtomicIntegerFieldUpdater.newUpdater(DirectExchange.class, "demand");

    private static final int WAITING = 0;
    private static final int REQUESTED = 1;
    private static final int VALUE_HELD = 2;
    /** The subscriber got its value or error, or cancelled: nothing more goes to it. */
    private static final int DELIVERED = 3;

    final CoreSubscriber<? super T> actual;
    private final boolean tracked;
    /** Exactly one of these two is set by {@link #start}. */
    private Future<?> scheduled;
    private Timeout timeout;
    /** {@link System#nanoTime()} at which the request times out. */
    private long deadline;
    private volatile Attempt current;
    private volatile int over;
    private volatile int demand;
    private T value;

    /**
     * @param request builds the request for a consistency (null: the statement's); null when a
     *                subclass overrides {@link #message}
     */
    DirectExchange(SessionContext ctx, Statement<?> statement, RequestSettings settings,
                   Function<ConsistencyLevel, Request> request, RequestTracker.Kind kind, int page,
                   CoreSubscriber<? super T> actual) {
        super(ctx, statement, settings, request, kind, page, actual.currentContext());
        this.actual = actual;
        this.tracked = ctx.tracksRequests();
    }

    /** Whether a request of {@code kind} with these settings can run as a direct exchange. */
    static boolean eligible(SessionContext ctx, Statement<?> statement, RequestSettings settings,
                            RequestTracker.Kind kind) {
        if (ctx.limiter() != null) {
            return false;
        }
        boolean idempotent = kind == RequestTracker.Kind.PREPARE || isIdempotent(ctx, statement);
        return !speculates(kind, idempotent, settings);
    }

    /** Reports the start, hands the subscription to the subscriber and sends to the first node. */
    final void start() {
        if (tracked) {
            started();
        }
        long nanos = settings.timeout().toNanos();
        deadline = System.nanoTime() + nanos;
        scheduled = RequestTimeout.onCurrentLoop(this, nanos);
        if (scheduled == null) {
            timeout = RequestTimeout.shared(this, nanos);
        }
        actual.onSubscribe(this);
        if (over != 0) {
            return; // cancelled at once
        }
        try {
            next(0, null, null);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** The request to send at {@code consistency} (null: the statement's). */
    Request message(ConsistencyLevel consistency) {
        return request.apply(consistency);
    }

    /** The request succeeded: hands {@code answer} (its history attached) to the subscriber. */
    @SuppressWarnings("unchecked")
    void onAnswer(Answer answer) {
        emit((T) answer);
    }

    /** The subscriber cancelled after the request ended: subclasses stop what they do with the answer. */
    void cancelAfterAnswer() {
    }

    // ---- the plan ----------------------------------------------------------------------------

    /** Sends to the next node of the plan, or ends the request when there is none. */
    private void next(int retryCount, ConsistencyLevel consistency, Throwable retried) {
        // as nextTarget(), without its record: one execution at a time pulls from this plan
        for (;;) {
            ConnectionPool pool = plan.next();
            if (pool == null) {
                fail(exhausted(retried));
                return;
            }
            CqlTransport transport = pool.borrow();
            if (transport != null) {
                attempt(pool, transport, retryCount, consistency, retried);
                return;
            }
            addError(pool.endpoint(), new ConnectionClosedException(pool.endpoint(),
                    "no open connection to the node", null));
        }
    }

    private void attempt(ConnectionPool pool, CqlTransport transport, int retryCount, ConsistencyLevel consistency,
                         Throwable retried) {
        Request message;
        try {
            message = message(consistency);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        send(new Attempt(this, pool, transport, retryCount, consistency, retried, this, true, null), message);
    }

    private void send(Attempt attempt, Request message) {
        node = attempt.transport.endpoint();
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            // The deadline passed before this write: the timer fires within a tick (10 ms off the
            // event loops), so a timeout shorter than that, or a retry late in the request's time,
            // would otherwise still be sent and could succeed after its deadline.
            run(null);
            return;
        }
        attempt.sent(now);
        current = attempt;
        if (over != 0) {
            attempt.cancel(); // ended meanwhile (a cancel or the timeout, which saw the previous attempt)
            return;
        }
        attempt.transport.send(message, statement.tracing(), statement.customPayload(), attempt);
    }

    /** {@code attempt} (or the PREPARE and resend it led to) failed: the retry policy decides what follows. */
    private void onAttemptError(Attempt attempt, Throwable error) {
        if (over != 0) {
            return; // timed out or cancelled: the attempt was cancelled too
        }
        try {
            retryOrFail(attempt, error);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void retryOrFail(Attempt attempt, Throwable error) {
        InetSocketAddress endpoint = attempt.transport.endpoint();
        if (error instanceof BusyConnectionException || error instanceof BootstrappingException) {
            // not sent, or not executed: the next node, without counting a retry
            addError(endpoint, error);
            next(attempt.retryCount, attempt.consistency, attempt.retried);
            return;
        }
        RetryDecision decision = decide(error, attempt.retryCount);
        if (decision == null) {
            fail(withHistory(error));
            return;
        }
        ctx.tracker().onRetryDecision(this, endpoint, error, decision, attempt.retryCount);
        ConsistencyLevel consistency = decision.consistency() != null ? decision.consistency() : attempt.consistency;
        switch (decision.type()) {
            case RETRY_SAME -> {
                addError(endpoint, error);
                retried();
                CqlTransport again = attempt.pool.borrow();
                if (again == null) {
                    next(attempt.retryCount + 1, consistency, error);
                } else {
                    attempt(attempt.pool, again, attempt.retryCount + 1, consistency, error);
                }
            }
            case RETRY_NEXT -> {
                addError(endpoint, error);
                retried();
                next(attempt.retryCount + 1, consistency, error);
            }
            case IGNORE -> {
                addError(endpoint, error);
                Envelope empty = Envelope.response(ctx.version(), 0, VoidResult.INSTANCE);
                succeed(new Answer(empty, endpoint, attempt.transport));
            }
            default -> fail(withHistory(error));
        }
    }

    /** An attempt's answer (not an error response): the request's success. */
    private void onAttemptAnswer(Attempt attempt, Envelope envelope, long latency) {
        Message response = envelope.message();
        InetSocketAddress endpoint = attempt.transport.endpoint();
        if (attempt.reprepare != null) { // the PREPARE sent after an UNPREPARED answer
            if (response instanceof ErrorResponse error) {
                RuntimeException mapped = ErrorMapper.map(error, endpoint);
                ctx.tracker().onError(attempt.sent, endpoint, mapped, latency);
                onAttemptError(attempt, mapped);
                return;
            }
            ctx.tracker().onSuccess(attempt.sent, endpoint, latency);
            if (!(response instanceof PreparedResult result)) {
                onAttemptError(attempt, new IllegalStateException("unexpected answer to PREPARE: " + response));
                return;
            }
            attempt.reprepare.refresh(result);
            resend(attempt);
            return;
        }
        if (response instanceof ErrorResponse error) {
            if (error instanceof Unprepared unprepared && attempt.mayReprepare) {
                DefaultPreparedStatement prepared = RequestHandler.findPrepared(statement, unprepared);
                if (prepared != null) {
                    ctx.tracker().onError(attempt.sent, endpoint, ErrorMapper.map(error, endpoint), latency);
                    Prepare prepare = new Prepare(prepared.query(), prepared.keyspace());
                    send(new Attempt(this, attempt.pool, attempt.transport, attempt.retryCount,
                            attempt.consistency, attempt.retried, as(RequestTracker.Kind.PREPARE), false, prepared), prepare);
                    return;
                }
            }
            RuntimeException mapped = ErrorMapper.map(error, endpoint);
            ctx.tracker().onError(attempt.sent, endpoint, mapped, latency);
            onAttemptError(attempt, mapped);
            return;
        }
        ctx.tracker().onSuccess(attempt.sent, endpoint, latency);
        succeed(new Answer(envelope, endpoint, attempt.transport));
    }

    /** The statement prepared again on the node: sends it there once more, without preparing again. */
    private void resend(Attempt prepared) {
        Request message;
        try {
            message = message(prepared.consistency);
        } catch (RuntimeException e) {
            onAttemptError(prepared, e);
            return;
        }
        send(new Attempt(this, prepared.pool, prepared.transport, prepared.retryCount,
                prepared.consistency, prepared.retried, this, false, null), message);
    }

    // ---- the end -----------------------------------------------------------------------------

    private void succeed(Answer answer) {
        if (!OVER.compareAndSet(this, 0, 1)) {
            return;
        }
        cancelTimer();
        Answer done = finish(answer);
        if (tracked) {
            succeeded(done.node());
        }
        onAnswer(done);
    }

    /** Ends the request with {@code error}, unless it ended already. */
    final void fail(Throwable error) {
        if (!OVER.compareAndSet(this, 0, 1)) {
            Operators.onErrorDropped(error, actual.currentContext());
            return;
        }
        cancelTimer();
        if (tracked) {
            failed(error);
        }
        emitError(error);
    }

    /** The event loop's scheduled task: the deadline passed first. */
    @Override
    public Void call() {
        run(null);
        return null;
    }

    /** The shared timer's task (or the event loop's, through {@link #call()}): the deadline passed first. */
    @Override
    public void run(Timeout expired) {
        if (OVER.compareAndSet(this, 0, 1)) {
            Attempt attempt = current;
            if (attempt != null) {
                attempt.cancel();
            }
            Throwable error = new OperationTimedOutException(node, settings.timeout(), String.valueOf(statement));
            if (tracked) {
                failed(error);
            }
            emitError(error);
        }
    }

    private void cancelTimer() {
        Future<?> task = scheduled;
        if (task != null) {
            task.cancel(false);
        } else if (timeout != null) {
            timeout.cancel();
        }
    }

    // ---- the subscriber ----------------------------------------------------------------------

    /** Delivers the request's value now if asked for, else at the subscriber's request. */
    final void emit(T result) {
        value = result;
        for (;;) {
            int d = demand;
            if (d == REQUESTED) {
                if (DEMAND.compareAndSet(this, REQUESTED, DELIVERED)) {
                    value = null;
                    actual.onNext(result);
                    actual.onComplete();
                    return;
                }
            } else if (d == WAITING) {
                if (DEMAND.compareAndSet(this, WAITING, VALUE_HELD)) {
                    return;
                }
            } else {
                value = null; // cancelled: nobody wants it
                Operators.onDiscard(result, actual.currentContext());
                return;
            }
        }
    }

    /** Completes without a value (for subscribers that take an empty answer as "nothing to show"). */
    final void emitEmpty() {
        if (DEMAND.getAndSet(this, DELIVERED) != DELIVERED) {
            value = null;
            actual.onComplete();
        }
    }

    final void emitError(Throwable error) {
        if (DEMAND.getAndSet(this, DELIVERED) != DELIVERED) {
            value = null;
            actual.onError(error);
        }
    }

    @Override
    public final void request(long n) {
        if (n <= 0) {
            cancel();
            actual.onError(new IllegalArgumentException("§3.9 violated: request(" + n
                    + "); demand must be positive"));
            return;
        }
        for (;;) {
            int d = demand;
            if (d == WAITING) {
                if (DEMAND.compareAndSet(this, WAITING, REQUESTED)) {
                    return;
                }
            } else if (d == VALUE_HELD) {
                if (DEMAND.compareAndSet(this, VALUE_HELD, DELIVERED)) {
                    T result = value;
                    value = null;
                    actual.onNext(result);
                    actual.onComplete();
                }
                return;
            } else {
                return;
            }
        }
    }

    @Override
    public final void cancel() {
        if (OVER.compareAndSet(this, 0, 1)) {
            if (tracked) {
                failed(new CancellationException("cancelled"));
            }
            cancelTimer();
            Attempt attempt = current;
            if (attempt != null) {
                attempt.cancel();
            }
        } else {
            cancelAfterAnswer();
        }
        if (DEMAND.getAndSet(this, DELIVERED) == VALUE_HELD) {
            T held = value;
            value = null;
            Operators.onDiscard(held, actual.currentContext());
        }
    }

    /**
     * One request written to one connection: the subscriber of the connection's answer, and what
     * the request tracker sees of one node's part. Its failure or cancellation is reported once,
     * and a cancel that reaches it after the answer is not one.
     */
    private static final class Attempt implements CoreSubscriber<Envelope> {

        private static final AtomicReferenceFieldUpdater<Attempt, Subscription> UPSTREAM =
                AtomicReferenceFieldUpdater.newUpdater(Attempt.class, Subscription.class, "upstream");
        private static final AtomicIntegerFieldUpdater<Attempt> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "ended");
        private static final Subscription CANCELLED = Operators.cancelledSubscription();

        private final DirectExchange<?> exchange;
        final ConnectionPool pool;
        final CqlTransport transport;
        final int retryCount;
        final ConsistencyLevel consistency;
        /** The error that made the policy move to this node, or null. */
        final Throwable retried;
        final RequestTracker.TrackedRequest sent;
        final boolean mayReprepare;
        /** Non-null for the PREPARE sent after an UNPREPARED answer: the statement it prepares again. */
        final DefaultPreparedStatement reprepare;
        private long start;
        private volatile Subscription upstream;
        /** 1 once answered, failed or cancelled (reported). */
        private volatile int ended;
        private boolean answered;

        Attempt(DirectExchange<?> exchange, ConnectionPool pool, CqlTransport transport, int retryCount,
                ConsistencyLevel consistency, Throwable retried, RequestTracker.TrackedRequest sent,
                boolean mayReprepare, DefaultPreparedStatement reprepare) {
            this.exchange = exchange;
            this.pool = pool;
            this.transport = transport;
            this.retryCount = retryCount;
            this.consistency = consistency;
            this.retried = retried;
            this.sent = sent;
            this.mayReprepare = mayReprepare;
            this.reprepare = reprepare;
        }

        private DirectExchange<?> exchange() {
            return exchange;
        }

        /** Reports the write and starts the clock. */
        void sent(long now) {
            exchange().ctx.tracker().onRequestSent(sent, transport.endpoint());
            start = now;
        }

        @Override
        public Context currentContext() {
            return exchange().actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (UPSTREAM.compareAndSet(this, null, s)) {
                s.request(1);
            } else {
                s.cancel();
            }
        }

        @Override
        public void onNext(Envelope envelope) {
            answered = true;
            if (!ENDED.compareAndSet(this, 0, 1)) {
                return; // cancelled meanwhile
            }
            DirectExchange<?> owner = exchange();
            try {
                owner.onAttemptAnswer(this, envelope, System.nanoTime() - start);
            } catch (RuntimeException e) {
                owner.fail(e);
            }
        }

        /** Failed before an answer (connection closed, busy, protocol violation...). */
        @Override
        public void onError(Throwable error) {
            if (!ENDED.compareAndSet(this, 0, 1)) {
                return;
            }
            DirectExchange<?> owner = exchange();
            try {
                owner.ctx.tracker().onError(sent, transport.endpoint(), error, System.nanoTime() - start);
            } catch (RuntimeException e) {
                owner.fail(e);
                return;
            }
            owner.onAttemptError(this, error);
        }

        @Override
        public void onComplete() {
            if (!answered && ENDED.compareAndSet(this, 0, 1)) {
                DirectExchange<?> owner = exchange();
                owner.fail(owner.noNodeAvailable()); // the connection answered nothing at all
            }
        }

        /** Cancelled before the answer (the request's cancel or timeout). */
        void cancel() {
            if (ENDED.compareAndSet(this, 0, 1)) {
                exchange().ctx.tracker().onError(sent, transport.endpoint(), new CancellationException("cancelled"),
                        System.nanoTime() - start);
            }
            Subscription s = UPSTREAM.getAndSet(this, CANCELLED);
            if (s != null && s != CANCELLED) {
                s.cancel();
            }
        }
    }
}
