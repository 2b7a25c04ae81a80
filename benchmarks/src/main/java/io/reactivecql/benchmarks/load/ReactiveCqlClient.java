package io.reactivecql.benchmarks.load;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.Statement;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** This driver, through {@link ReactiveSession#execute(Statement)}'s {@code Flux<Row>}. */
final class ReactiveCqlClient implements Client {

    private final ReactiveSession session;
    private final int pageSize;
    private final LongAdder responses = new LongAdder();
    private PreparedStatement insert;
    private PreparedStatement select;
    private PreparedStatement partition;

    ReactiveCqlClient(InetSocketAddress node, String datacenter, int pageSize) {
        this.pageSize = pageSize;
        this.session = ReactiveSession.builder()
                .addContactPoint(node)
                .withLocalDatacenter(datacenter)
                .withConfig(DriverConfig.defaults().withPageSize(pageSize).withRequestTimeout(Duration.ofSeconds(10))
                        // a busy 2-core machine can take longer than the default 5 s to set a connection up
                        .withConnectTimeout(Duration.ofSeconds(30)))
                .withRequestTracker(new RequestTracker() {
                    @Override
                    public void onSuccess(Kind kind, Statement<?> statement, InetSocketAddress n, long latencyNanos) {
                        if (kind == Kind.EXECUTE) {
                            responses.increment();
                        }
                    }
                })
                .connect()
                .block(Duration.ofSeconds(30));
    }

    ReactiveSession session() {
        return session;
    }

    @Override
    public String name() {
        return "reactivecql";
    }

    @Override
    public void prepare() {
        insert = session.prepare(Schema.INSERT).block(Duration.ofSeconds(30));
        select = session.prepare(Schema.SELECT).block(Duration.ofSeconds(30));
    }

    /** The paged read's statement exists only on the real node. */
    void preparePartition() {
        partition = session.prepare(Schema.SELECT_PARTITION).block(Duration.ofSeconds(30));
    }

    @Override
    public void insert(long k, Done done) {
        session.execute(insert.bind(k, Schema.VALUE)).subscribe(new OneRequest(done));
    }

    @Override
    public void select(long k, Done done) {
        session.execute(select.bind(k)).subscribe(new OneRequest(done));
    }

    /** Completes {@code done} when the statement's rows (read on arrival) are all there. */
    private static final class OneRequest implements CoreSubscriber<Row> {
        private final Done done;
        long sink;

        OneRequest(Done done) {
            this.done = done;
        }

        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Row row) {
            sink += row.getLong(0) + row.getString(1).length();
        }

        @Override
        public void onError(Throwable t) {
            done.done(t);
        }

        @Override
        public void onComplete() {
            Sink.publish(sink);
            done.done(null);
        }
    }

    @Override
    public CompletableFuture<Long> readPartition() {
        CompletableFuture<Long> result = new CompletableFuture<>();
        session.execute(partition.bind(Schema.PARTITION).withPageSize(pageSize)).subscribe(new CoreSubscriber<>() {
            long rows;
            long sink;

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Row row) {
                sink += row.getInt(0) + row.getString(1).length();
                rows++;
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                Sink.publish(sink);
                result.complete(rows);
            }
        });
        return result;
    }

    @Override
    public Publisher<?> partitionPublisher() {
        return session.execute(partition.bind(Schema.PARTITION).withPageSize(pageSize));
    }

    @Override
    public long consume(Object row) {
        Row r = (Row) row;
        return r.getInt(0) + r.getString(1).length();
    }

    @Override
    public long responses() {
        return responses.sum();
    }

    @Override
    public void close() {
        session.close().block(Duration.ofSeconds(30));
    }
}
