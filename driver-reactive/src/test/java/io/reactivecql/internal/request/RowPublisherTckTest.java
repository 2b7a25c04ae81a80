package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.result.Row;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.result.DefaultResultPage;
import io.reactivecql.internal.result.RowShape;
import io.reactivecql.protocol.response.result.RowsResult;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Reactive Streams TCK on the row publisher, over an in-memory page source of 7-row pages,
 * every other page answered on another thread (as a network answer would be).
 */
public class RowPublisherTckTest extends PublisherVerification<Row> {

    private static final int PAGE = 7;
    private static final RowShape SHAPE = RowShape.of(Fixtures.ID_NAME, CodecRegistry.defaultRegistry());

    public RowPublisherTckTest() {
        // Signals get 5 s: on a loaded 2-core CI machine a GC or JIT pause passed 500 ms. The
        // "no signal" checks keep a short wait so the suite stays fast, and errors are looked for
        // every 20 ms (the TCK's default polls once per 5 s: each spec309 test took 5 s).
        super(new TestEnvironment(5_000, 200, 20));
    }

    @Override
    public Publisher<Row> createPublisher(long elements) {
        return new RowPublisher(() -> (pagingState, pageNumber) -> {
            long offset = pagingState == null ? 0 : pagingState.getLong(0);
            long end = Math.min(elements, offset + PAGE);
            List<List<Object>> rows = new ArrayList<>();
            for (long i = offset; i < end; i++) {
                rows.add(List.of((int) i, "row-" + i));
            }
            ByteBuffer next = end < elements ? ByteBuffer.allocate(8).putLong(0, end) : null;
            RowsResult result = Fixtures.rows(Fixtures.ID_NAME, next, rows);
            DefaultResultPage page = new DefaultResultPage(result, SHAPE, null, next, null, pageNumber);
            Mono<DefaultResultPage> answer = Mono.just(page);
            return pageNumber % 2 == 0 ? answer.publishOn(Schedulers.parallel()) : answer;
        }, DriverConfig.defaults().readAheadPages(), PAGE);
    }

    @Override
    public Publisher<Row> createFailedPublisher() {
        return new RowPublisher(() -> {
            throw new IllegalStateException("the statement cannot be executed");
        }, 1, PAGE);
    }

    @Override
    public long maxElementsFromPublisher() {
        return Long.MAX_VALUE - 1;
    }
}
