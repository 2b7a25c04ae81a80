package io.reactivecql.samples.webflux.catalogue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where products live. Every method is cold and non-blocking, and emits on driver threads.
 */
public interface ProductStore {

    /** Creates the product (version 1); {@link ConflictException} when its sku is taken. */
    Mono<Product> create(Product product);

    /** The product of this sku, or empty. */
    Mono<Product> find(String sku);

    /**
     * Replaces the product's fields if its version is still {@code changes.version()}, and moves it
     * to the next version; {@link NotFoundException} when it does not exist, {@link ConflictException}
     * when its version is another.
     */
    Mono<Product> update(Product changes);

    /**
     * Deletes the product (if no one changed it meanwhile: {@link ConflictException});
     * {@link NotFoundException} when it does not exist.
     */
    Mono<Void> delete(String sku);

    /**
     * Up to {@code limit} products after the one named by {@code cursor} (null: from the start), in
     * the table's order (token order). {@link InvalidCursorException} for a cursor that is no sku.
     */
    Mono<ProductPage> page(int limit, String cursor);

    /**
     * Every product, page after page as the subscriber asks for more: a slow subscriber keeps the
     * driver from fetching ahead (at most one page of read-ahead).
     */
    Flux<Product> all();
}
