package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.ProtocolErrorException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BoundStatement;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * {@link ProductStore} on the session's prepared statements (prepared once: the session caches them
 * per query). Creation and updates are lightweight transactions, so two clients cannot both create
 * a sku, and an update based on a stale version is refused instead of overwriting.
 */
@Repository
public class CqlProductStore implements ProductStore {

    private static final String COLUMNS = "sku, name, description, category, price, version, updated_at";
    static final String INSERT = "INSERT INTO products (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, ?) IF NOT EXISTS";
    static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM products WHERE sku = ?";
    static final String UPDATE = "UPDATE products SET name = ?, description = ?, category = ?, price = ?, "
            + "version = ?, updated_at = ? WHERE sku = ? IF version = ?";
    static final String DELETE = "DELETE FROM products WHERE sku = ? IF EXISTS";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM products";

    private final ReactiveSession session;

    public CqlProductStore(ReactiveSession session) {
        this.session = session;
    }

    @Override
    public Mono<Product> create(Product product) {
        Instant now = now();
        return executeOne(session.prepare(INSERT).map(p -> p.bind(product.sku(), product.name(), product.description(),
                product.category(), product.price(), now)))
                .map(page -> {
                    if (!page.wasApplied()) {
                        throw new ConflictException("product " + product.sku() + " already exists", version(page.one()));
                    }
                    return new Product(product.sku(), product.name(), product.description(), product.category(),
                            product.price(), 1, now);
                });
    }

    @Override
    public Mono<Product> find(String sku) {
        return session.prepare(SELECT_ONE)
                .flatMapMany(p -> session.execute(p.bind(sku)))
                .next()
                .map(CqlProductStore::product);
    }

    @Override
    public Mono<Product> update(Product changes, int expectedVersion) {
        Instant now = now();
        int next = expectedVersion + 1;
        return executeOne(session.prepare(UPDATE).map(p -> p.bind(changes.name(), changes.description(),
                changes.category(), changes.price(), next, now, changes.sku(), expectedVersion)))
                .map(page -> {
                    if (!page.wasApplied()) {
                        // the row comes back with the version it has: null when there is no row
                        Integer current = version(page.one());
                        if (current == null) {
                            throw new NotFoundException("no product " + changes.sku());
                        }
                        throw new ConflictException("product " + changes.sku() + " is at version " + current
                                + ", not " + expectedVersion, current);
                    }
                    return new Product(changes.sku(), changes.name(), changes.description(), changes.category(),
                            changes.price(), next, now);
                });
    }

    @Override
    public Mono<Void> delete(String sku) {
        return executeOne(session.prepare(DELETE).map(p -> p.bind(sku)))
                .flatMap(page -> page.wasApplied() ? Mono.empty() : Mono.error(new NotFoundException("no product " + sku)));
    }

    @Override
    public Mono<ProductPage> page(int limit, String cursor) {
        ByteBuffer pagingState;
        try {
            pagingState = cursor == null || cursor.isEmpty() ? null : ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException e) {
            return Mono.error(new InvalidCursorException("cursor is not one this API gave (not base64url)", e));
        }
        return executeOne(session.prepare(SELECT_ALL).map(p -> p.bind().withPageSize(limit).withPagingState(pagingState)))
                // Cassandra 5 fails a paging state it did not make with a server error (an NPE) or a
                // protocol error; the connection stays up
                .onErrorMap(e -> pagingState != null
                                && (e instanceof ServerErrorException || e instanceof ProtocolErrorException),
                        e -> new InvalidCursorException("cursor is not one this API gave", e))
                .map(page -> {
                    ByteBuffer next = page.executionInfo().pagingState();
                    return new ProductPage(page.rows().stream().map(CqlProductStore::product).toList(),
                            next == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(next)));
                });
    }

    @Override
    public Flux<Product> all() {
        return session.prepare(SELECT_ALL)
                .flatMapMany(p -> session.execute(p.bind()))
                .map(CqlProductStore::product);
    }

    private Mono<ResultPage> executeOne(Mono<BoundStatement> statement) {
        return statement.flatMap(session::executePage);
    }

    static Product product(Row row) {
        return new Product(row.getString("sku"), row.getString("name"), row.getString("description"),
                row.getString("category"), row.getBigDecimal("price"), row.isNull("version") ? 0 : row.getInt("version"),
                row.getInstant("updated_at"));
    }

    private static Integer version(Row row) {
        if (row == null || !row.columnDefinitions().contains("version") || row.isNull("version")) {
            return null;
        }
        return row.getInt("version");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** Cassandra timestamps have millisecond precision: truncate so what we return is what we stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
