package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.response.result.VoidResult;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Several scripted nodes behind one session context whose every query plan walks them in order:
 * the request path with retries and speculative executions, without sockets.
 */
final class FakeNodes {

    final List<FakeTransport> nodes = new ArrayList<>();
    final List<ConnectionPool> pools;
    final Tracker tracker = new Tracker();
    final SessionContext ctx;
    final RequestHandler handler;

    FakeNodes(int count, DriverConfig config, RequestPolicies policies) {
        this(count, config, policies, null);
    }

    /** With {@code sessionTracker} (when not null) as the session's tracker instead of {@link #tracker}. */
    FakeNodes(int count, DriverConfig config, RequestPolicies policies, RequestTracker sessionTracker) {
        for (int i = 1; i <= count; i++) {
            nodes.add(new FakeTransport(new InetSocketAddress("127.0.0." + i, 9042), ProtocolVersion.V5,
                    FakeTransport.answering(ProtocolVersion.V5, r -> VoidResult.INSTANCE)));
        }
        pools = nodes.stream().<ConnectionPool>map(FakePool::new).toList();
        QueryPlanner planner = (statement, keyspace) -> new QueryPlan() {
            private int next;

            @Override
            public ConnectionPool next() {
                return next < pools.size() ? pools.get(next++) : null;
            }
        };
        ctx = new SessionContext(config, CodecRegistry.of(List.of()), sessionTracker != null ? sessionTracker : tracker,
                ProtocolVersion.V5, new AtomicReference<>(), planner, null, policies);
        handler = new RequestHandler(ctx);
    }

    FakeNodes(int count, RequestPolicies policies) {
        this(count, DriverConfig.defaults(), policies);
    }

    FakeTransport node(int id) {
        return nodes.get(id - 1);
    }

    /** Node {@code id} answers every request with {@code response}. */
    void answer(int id, Response response) {
        node(id).responder(FakeTransport.answering(ProtocolVersion.V5, r -> response));
    }

    void respond(int id, Function<Request, Mono<Envelope>> responder) {
        node(id).responder(responder);
    }

    static Mono<Envelope> envelope(Response response) {
        return Mono.just(Envelope.response(ProtocolVersion.V5, 1, response));
    }

    /** The first page of {@code statement}. */
    Mono<ResultPage> execute(Statement<?> statement) {
        return Mono.defer(() -> new StatementExecution(handler, statement).firstPage()).cast(ResultPage.class);
    }

    /** Requests sent to each node, in node order. */
    List<Integer> sends() {
        return nodes.stream().map(n -> n.sent().size()).toList();
    }

    /** A pool of one scripted connection. */
    static final class FakePool implements ConnectionPool {
        private final FakeTransport transport;

        FakePool(FakeTransport transport) {
            this.transport = transport;
        }

        @Override
        public InetSocketAddress endpoint() {
            return transport.endpoint();
        }

        @Override
        public CqlTransport borrow() {
            return transport.isClosed() ? null : transport;
        }

        @Override
        public List<CqlTransport> connections() {
            return List.of(transport);
        }

        @Override
        public Mono<Void> close() {
            return transport.close();
        }
    }

    /** Records the retry decisions and speculative executions. */
    static final class Tracker implements RequestTracker {
        final List<RetryDecision> decisions = new CopyOnWriteArrayList<>();
        final List<Integer> speculative = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onRetryDecision(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                                    RetryDecision decision, int retryCount) {
            decisions.add(decision);
        }

        @Override
        public void onSpeculativeExecution(Kind kind, Statement<?> statement, InetSocketAddress node, int execution) {
            speculative.add(execution);
        }

        @Override
        public void onError(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                            long latencyNanos) {
            errors.add(error);
        }
    }
}
