package io.reactivecql.benchmarks.load;

import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.dse.driver.api.core.cql.reactive.ReactiveRow;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.CompletableFuture;

/** The Java driver through {@code executeReactive} (a Reactive Streams publisher of rows). */
final class JavaDriverReactiveClient implements Client {

    private final JavaDriverSession driver;

    JavaDriverReactiveClient(JavaDriverSession driver) {
        this.driver = driver;
    }

    @Override
    public String name() {
        return "java-reactive";
    }

    @Override
    public void prepare() {
        // the shared session prepares
    }

    @Override
    public void insert(long k, Done done) {
        driver.session.executeReactive(driver.insert.bind(k, Schema.VALUE)).subscribe(new OneRequest(done));
    }

    @Override
    public void select(long k, Done done) {
        driver.session.executeReactive(driver.select.bind(k)).subscribe(new OneRequest(done));
    }

    private static final class OneRequest implements Subscriber<ReactiveRow> {
        private final Client.Done done;
        private long sink;

        OneRequest(Client.Done done) {
            this.done = done;
        }

        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ReactiveRow row) {
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
        driver.session.executeReactive(partition()).subscribe(new Subscriber<ReactiveRow>() {
            long rows;
            long sink;

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ReactiveRow row) {
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

    private Statement<?> partition() {
        return driver.partition.bind(Schema.PARTITION);
    }

    @Override
    public Publisher<?> partitionPublisher() {
        return driver.session.executeReactive(partition());
    }

    @Override
    public long consume(Object row) {
        ReactiveRow r = (ReactiveRow) row;
        return r.getInt(0) + r.getString(1).length();
    }

    @Override
    public long responses() {
        return driver.responses.sum();
    }

    @Override
    public void close() {
        // the shared session is closed by the runner
    }
}
