package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.mapper.api.Key;
import io.reactivecql.mapper.api.ReactiveRepository;
import reactor.core.publisher.Flux;

/** The reviews' repository: the mapper implements it ({@code ReactiveMapper.implement}). */
public interface ReviewRepository extends ReactiveRepository<Review, Key> {

    /** Every review of a product, newest first (the clustering order), page after page as asked for. */
    Flux<Review> findBySku(String sku);
}
