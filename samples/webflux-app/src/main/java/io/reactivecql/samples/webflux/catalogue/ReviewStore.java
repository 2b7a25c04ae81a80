package io.reactivecql.samples.webflux.catalogue;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Where reviews live: one partition per product, newest first. */
public interface ReviewStore {

    /** Adds a review (its id and time are set here). */
    Mono<Review> add(String sku, String author, int rating, String comment);

    /** The product's reviews, newest first, fetched page by page as the subscriber asks. */
    Flux<Review> of(String sku);

    /** The product's {@code limit} newest reviews (one request of at most {@code limit} rows). */
    Flux<Review> newest(String sku, int limit);

    /** Deletes one review; {@link NotFoundException} when it does not exist. */
    Mono<Void> delete(String sku, UUID id);

    /** Deletes every review of the product. */
    Mono<Void> deleteAll(String sku);
}
