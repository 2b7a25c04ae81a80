package io.reactivecql.benchmarks.load;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import org.reactivestreams.Publisher;

import java.util.concurrent.CompletableFuture;

/** The Java driver through {@code executeAsync}, paging with {@code fetchNextPage}. */
final class JavaDriverAsyncClient implements Client {

    private final JavaDriverSession driver;

    JavaDriverAsyncClient(JavaDriverSession driver) {
        this.driver = driver;
    }

    @Override
    public String name() {
        return "java-async";
    }

    @Override
    public void prepare() {
        // the shared session prepares
    }

    @Override
    public void insert(long k, Done done) {
        driver.session.executeAsync(driver.insert.bind(k, Schema.VALUE))
                .whenComplete((rs, error) -> done.done(error));
    }

    @Override
    public void select(long k, Done done) {
        driver.session.executeAsync(driver.select.bind(k)).whenComplete((rs, error) -> {
            if (error == null) {
                long sink = 0;
                for (Row row : rs.currentPage()) {
                    sink += row.getLong(0) + row.getString(1).length();
                }
                Sink.publish(sink);
            }
            done.done(error);
        });
    }

    @Override
    public CompletableFuture<Long> readPartition() {
        CompletableFuture<Long> result = new CompletableFuture<>();
        driver.session.executeAsync(driver.partition.bind(Schema.PARTITION))
                .whenComplete((rs, error) -> onPage(rs, error, 0, result));
        return result;
    }

    private static void onPage(AsyncResultSet rs, Throwable error, long rowsBefore, CompletableFuture<Long> result) {
        if (error != null) {
            result.completeExceptionally(error);
            return;
        }
        long rows = rowsBefore;
        long sink = 0;
        for (Row row : rs.currentPage()) {
            sink += row.getInt(0) + row.getString(1).length();
            rows++;
        }
        Sink.publish(sink);
        if (rs.hasMorePages()) {
            long total = rows;
            rs.fetchNextPage().whenComplete((next, e) -> onPage(next, e, total, result));
        } else {
            result.complete(rows);
        }
    }

    /** executeAsync has no publisher: its caller fetches each page explicitly. */
    @Override
    public Publisher<?> partitionPublisher() {
        return null;
    }

    @Override
    public long consume(Object row) {
        throw new UnsupportedOperationException();
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
