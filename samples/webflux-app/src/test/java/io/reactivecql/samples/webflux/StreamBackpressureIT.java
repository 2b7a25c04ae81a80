package io.reactivecql.samples.webflux;

import io.netty.channel.ChannelOption;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.QueryConsistencyException;
import io.reactivecql.samples.webflux.catalogue.Product;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that the streams are paced by the client: a client reading a 100,000-row table at a
 * throttled rate, while the driver's page requests are counted. If the server read ahead of the
 * client (a {@code collectList}, a {@code cache}, a large prefetch), it would have fetched most pages
 * by the time the client has read half the rows; it may only be a few pages ahead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamBackpressureIT extends CatalogueITSupport {

    private static final int ROWS = 100_000;
    private static final int BATCH = 10;
    /** The application's page size (reactivecql.page-size). */
    private static final int PAGE_SIZE = 1000;
    /** The client's kernel receive buffer: small, like the server's send buffer. */
    private static final int CLIENT_RECEIVE_BUFFER = 32 * 1024;
    /** About 12,000 rows a second: the whole table in ~8 s, far slower than the server could go. */
    private static final long READ_RATE = 2_000_000;
    /**
     * How far the server may be ahead of the client: the page the driver is emitting and its one
     * page of read-ahead, plus what sits between the driver and the client's reader: netty's
     * outbound buffer (64 KiB high-water mark), the kernel buffers on both sides (32 KiB asked for,
     * which Linux doubles: 2 x 64 KiB), the client's one buffer in reading, about 256 KiB in all, ~1,500
     * rows of ~170 bytes; and the Reactor queues on the way (up to 256 elements each). Rounded up
     * to five pages: a server that buffers more than that has stopped following the client.
     */
    private static final int MAX_ROWS_AHEAD = 5 * PAGE_SIZE;

    private final String prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Autowired
    private ReactiveSession session;
    @Autowired
    private PageCounter pageCounter;

    @BeforeAll
    void loadTheTable() {
        long start = System.nanoTime();
        // unlogged batches of 10 rows (Cassandra warns about batches over more partitions, or over
        // 5 KB), 32 in flight; a batch that times out on a busy machine is sent again (an idempotent upsert)
        Long batches = session.prepare("INSERT INTO catalogue.products (sku, name, description, category, price, "
                        + "version, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)")
                .flatMapMany(insert -> Flux.range(0, ROWS)
                        .map(i -> insert.bind(prefix + i, "Product " + i, "one of many streamed products", "stream",
                                BigDecimal.valueOf(i, 2), Instant.ofEpochMilli(1_700_000_000_000L + i)))
                        .buffer(BATCH)
                        .flatMap(rows -> session.executePage(BatchStatement.unlogged().addAll(rows))
                                .retryWhen(Retry.backoff(5, Duration.ofMillis(200))
                                        .filter(e -> e instanceof QueryConsistencyException
                                                || e instanceof OperationTimedOutException)), 32))
                .count()
                .block(Duration.ofMinutes(5));
        assertThat(batches).isEqualTo(ROWS / BATCH);
        System.out.printf("StreamBackpressureIT: loaded %,d products in %d ms%n", ROWS, (System.nanoTime() - start) / 1_000_000);
    }

    private WebTestClient slowClient() {
        HttpClient http = HttpClient.create().option(ChannelOption.SO_RCVBUF, CLIENT_RECEIVE_BUFFER);
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(2))
                .build();
    }

    private int pages() {
        return pageCounter.pages(PageCounter::isProductScan);
    }

    @Test
    void ndjsonFollowsASlowClient() {
        int pagesBefore = pages();
        SlowReader reader = new SlowReader(READ_RATE, line -> line.startsWith("{"), () -> pages() - pagesBefore,
                PAGE_SIZE, ROWS);
        FluxExchangeResult<DataBuffer> result = slowClient().get().uri("/products")
                .accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(DataBuffer.class);
        long start = System.nanoTime();
        List<String> lines = reader.read(result.getResponseBody(), Duration.ofMinutes(3));
        long millis = (System.nanoTime() - start) / 1_000_000;

        report("ndjson", lines.size(), millis, reader, pages() - pagesBefore);
        // the table holds our rows and the few dozen other test classes created
        int total = lines.size();
        assertThat(total).isBetween(ROWS, ROWS + 1000);
        checkRows(lines);
        assertThat(reader.maxRowsAhead()).as("rows fetched ahead of the client").isLessThanOrEqualTo(MAX_ROWS_AHEAD);
        // half-way through, the server has fetched about half the pages, not all of them
        assertThat(reader.pagesWhenHalfRead()).isLessThanOrEqualTo(ROWS / 2 / PAGE_SIZE + MAX_ROWS_AHEAD / PAGE_SIZE + 1);
        int fullPages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        // one request per page; Cassandra may close a table that ends on a page boundary with an empty page
        assertThat(pages() - pagesBefore).isBetween(fullPages, fullPages + 1);
    }

    @Test
    void serverSentEventsFollowASlowClientAndStopWhenItLeaves() throws InterruptedException {
        int pagesBefore = pages();
        int readRows = 20_000;
        SlowReader reader = new SlowReader(READ_RATE, line -> line.startsWith("data:"), () -> pages() - pagesBefore,
                PAGE_SIZE, 2 * readRows);
        FluxExchangeResult<DataBuffer> result = slowClient().get().uri("/products")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(DataBuffer.class);
        long start = System.nanoTime();
        // the client reads a fifth of the table, slowly, then hangs up
        List<String> lines = reader.readUntil(result.getResponseBody(), readRows, Duration.ofMinutes(3));
        long millis = (System.nanoTime() - start) / 1_000_000;
        int pagesAtCancel = pages() - pagesBefore;
        Thread.sleep(2000);
        int pagesLater = pages() - pagesBefore;

        report("sse", lines.size(), millis, reader, pagesAtCancel);
        assertThat(lines.size()).isBetween(readRows, readRows + 2 * PAGE_SIZE);
        checkRowsOf(lines.stream().map(l -> l.substring("data:".length())).toList());
        assertThat(reader.maxRowsAhead()).as("rows fetched ahead of the client").isLessThanOrEqualTo(MAX_ROWS_AHEAD);
        assertThat(pagesAtCancel).isLessThanOrEqualTo((lines.size() + MAX_ROWS_AHEAD) / PAGE_SIZE + 1);
        // the server cancels the driver's Flux when the client leaves: no page is fetched after that
        // (but the one that may have been in flight)
        assertThat(pagesLater).isLessThanOrEqualTo(pagesAtCancel + 1).isLessThan(ROWS / PAGE_SIZE);
    }

    /**
     * Clients that hang up at any point of a stream leave nothing behind: the leak detector checks
     * every pooled buffer after this class (rows already encoded when the client left, queued on
     * the way to the socket, are released).
     */
    @Test
    void clientsThatLeaveMidStreamLeakNothing() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(1)).build();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20; i++) {
            MediaType type = i % 2 == 0 ? MediaType.APPLICATION_NDJSON : MediaType.TEXT_EVENT_STREAM;
            int rows = 1 + random.nextInt(3000);
            Long read = client.get().uri("/products").accept(type).exchange()
                    .expectStatus().isOk()
                    .returnResult(DataBuffer.class).getResponseBody()
                    .doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release)
                    .take(rows / 50 + 1) // network buffers, not rows: about 50 rows each
                    .count()
                    .block(Duration.ofMinutes(1));
            assertThat(read).isPositive();
        }
        // and the server serves on
        client.get().uri("/products?limit=1").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    /** Every row of ours came through once, intact. */
    private void checkRows(List<String> json) {
        assertThat(checkRowsOf(json)).isEqualTo(ROWS);
    }

    /** The rows are products, ours intact and none twice; returns how many are ours. */
    private long checkRowsOf(List<String> json) {
        JsonMapper mapper = JsonMapper.builder().build();
        long ours = 0;
        java.util.BitSet seen = new java.util.BitSet(ROWS);
        for (String line : json) {
            Product p = mapper.readValue(line, Product.class);
            if (p.sku().startsWith(prefix)) {
                int i = Integer.parseInt(p.sku().substring(prefix.length()));
                assertThat(seen.get(i)).as("duplicate %s", p.sku()).isFalse();
                seen.set(i);
                assertThat(p.price()).isEqualByComparingTo(BigDecimal.valueOf(i, 2));
                assertThat(p.updatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L + i));
                ours++;
            }
        }
        return ours;
    }

    private static void report(String what, int rows, long millis, SlowReader reader, int pages) {
        System.out.printf("StreamBackpressureIT %s: %,d rows in %,d ms, %d page requests; at most %,d rows fetched "
                        + "ahead of the client; %d pages fetched when half was read%n",
                what, rows, millis, pages, reader.maxRowsAhead(), reader.pagesWhenHalfRead());
    }
}
