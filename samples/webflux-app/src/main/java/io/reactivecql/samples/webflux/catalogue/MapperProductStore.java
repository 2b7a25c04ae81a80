package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.mapper.api.OptimisticLockException;
import io.reactivecql.mapper.api.ReactiveRepository;
import io.reactivecql.schema.api.token.Partitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.reactivecql.mapper.api.Relation.tokenGt;

/**
 * {@link ProductStore} on the mapper's {@link ReactiveRepository}. {@link Product} is versioned
 * ({@code @Version}), so creating is {@code INSERT ... IF NOT EXISTS} and updating or deleting is
 * a lightweight transaction on the version the client read: two clients cannot both create a sku,
 * and a write based on a stale read is refused instead of overwriting.
 */
public final class MapperProductStore implements ProductStore {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final ReactiveRepository<Product, String> products;
    private final Supplier<Partitioner> partitioner;

    /** @param partitioner the cluster's partitioner, for the tokens of page cursors (Murmur3) */
    public MapperProductStore(ReactiveRepository<Product, String> products, Supplier<Partitioner> partitioner) {
        this.products = products;
        this.partitioner = partitioner;
    }

    @Override
    public Mono<Product> create(Product product) {
        Product fresh = new Product(product.sku(), product.name(), product.description(), product.category(),
                product.price(), 0, now());
        return products.insert(fresh, true).map(result -> {
            if (!result.wasApplied()) {
                throw new ConflictException("product " + product.sku() + " already exists",
                        result.existing().map(Product::version).orElse(null));
            }
            return result.entity();
        });
    }

    @Override
    public Mono<Product> find(String sku) {
        return products.findById(sku);
    }

    @Override
    public Mono<Product> update(Product changes) {
        Product next = new Product(changes.sku(), changes.name(), changes.description(), changes.category(),
                changes.price(), changes.version(), now());
        return products.save(next).onErrorMap(OptimisticLockException.class, e -> lost(changes.sku(), e));
    }

    @Override
    public Mono<Void> delete(String sku) {
        return products.findById(sku)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("no product " + sku)))
                // DELETE ... IF version = the one just read: an update in between wins
                .flatMap(products::delete)
                .onErrorMap(OptimisticLockException.class, e -> lost(sku, e));
    }

    @Override
    public Mono<ProductPage> page(int limit, String cursor) {
        var query = products.query().limit(limit);
        if (cursor != null && !cursor.isEmpty()) {
            if (!SKU.matcher(cursor).matches()) {
                return Mono.error(new InvalidCursorException("cursor is not one this API gave", null));
            }
            // keyset pagination over partitions: the rows whose token follows the last one served
            query = query.where(tokenGt(murmur3Token(cursor)));
        }
        return query.flux().collectList().map(items -> new ProductPage(items,
                items.size() < limit ? null : items.get(items.size() - 1).sku()));
    }

    @Override
    public Flux<Product> all() {
        return products.findAll();
    }

    private long murmur3Token(String sku) {
        Partitioner p = partitioner.get();
        if (!Partitioner.MURMUR3.equals(p.className())) {
            throw new IllegalStateException("page cursors need the Murmur3Partitioner, the cluster uses " + p.className());
        }
        return Long.parseLong(p.hash(ByteBuffer.wrap(sku.getBytes(StandardCharsets.UTF_8))).toString());
    }

    /** A version check failed: the row is gone (404) or another write came first (409). */
    private static RuntimeException lost(String sku, OptimisticLockException e) {
        if (e.actualVersion() == null) {
            return new NotFoundException("no product " + sku);
        }
        return new ConflictException("product " + sku + " is at version " + e.actualVersion() + ", not "
                + e.expectedVersion(), ((Number) e.actualVersion()).intValue());
    }

    /** Cassandra timestamps have millisecond precision: truncate so what we return is what we store. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

}
