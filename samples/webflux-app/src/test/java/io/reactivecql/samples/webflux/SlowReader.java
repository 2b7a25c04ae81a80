package io.reactivecql.samples.webflux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * A client that reads a response body at a fixed byte rate: it asks for one network buffer at a
 * time and, after each, waits until the bytes read so far are due at that rate. It splits the body into
 * lines, keeps those that are rows ({@code rowLine}), and after each buffer compares how many rows
 * it has read with how many the server has fetched from Cassandra ({@code serverPages} times the
 * page size): the largest gap is what the server side held at any moment.
 */
final class SlowReader {

    private final long bytesPerSecond;
    private final Predicate<String> rowLine;
    private final IntSupplier serverPages;
    private final int pageSize;

    private final List<String> rows = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private int maxAhead;
    private int pagesWhenHalfRead = -1;
    private final int expectedRows;

    SlowReader(long bytesPerSecond, Predicate<String> rowLine, IntSupplier serverPages, int pageSize, int expectedRows) {
        this.bytesPerSecond = bytesPerSecond;
        this.rowLine = rowLine;
        this.serverPages = serverPages;
        this.pageSize = pageSize;
        this.expectedRows = expectedRows;
    }

    /** Reads the whole body (blocks the calling test thread) and returns the row lines. */
    List<String> read(Flux<DataBuffer> body, Duration timeout) {
        return readUntil(body, Integer.MAX_VALUE, timeout);
    }

    /** Reads until {@code rowCount} rows came (then cancels: the client hangs up), or the body ends. */
    List<String> readUntil(Flux<DataBuffer> body, int rowCount, Duration timeout) {
        long start = System.nanoTime();
        long[] bytesRead = {0};
        body.concatMap(buffer -> {
                    int size = buffer.readableByteCount();
                    consume(buffer);
                    // the next buffer is asked for when the bytes read so far are due at the rate; the
                    // time spent reading counts, and pauses under a millisecond are left out
                    bytesRead[0] += size;
                    long due = start + bytesRead[0] * 1_000_000_000L / bytesPerSecond - System.nanoTime();
                    return due < 1_000_000 ? Mono.just(size) : Mono.delay(Duration.ofNanos(due)).thenReturn(size);
                }, 0)
                .takeUntil(size -> rows.size() >= rowCount)
                .then()
                .block(timeout);
        return rows;
    }

    private void consume(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    line(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, bytes.length - start);
        } finally {
            DataBufferUtils.release(buffer);
        }
        int ahead = serverPages.getAsInt() * pageSize - rows.size();
        maxAhead = Math.max(maxAhead, ahead);
        if (pagesWhenHalfRead < 0 && rows.size() >= expectedRows / 2) {
            pagesWhenHalfRead = serverPages.getAsInt();
        }
    }

    private void line(String line) {
        if (rowLine.test(line)) {
            rows.add(line);
        }
    }

    /** The most rows the server had fetched beyond what this client had read, at any buffer read. */
    int maxRowsAhead() {
        return maxAhead;
    }

    /** The pages the server had fetched when this client had read half the rows. */
    int pagesWhenHalfRead() {
        return pagesWhenHalfRead;
    }
}
