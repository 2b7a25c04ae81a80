package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.api.Uuids;
import io.reactivecql.mapper.api.Condition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

import static io.reactivecql.mapper.api.Relation.eq;

/** {@link ReviewStore} on the mapper: {@link ReviewRepository}'s derived query and its DSL. */
public final class MapperReviewStore implements ReviewStore {

    private final ReviewRepository reviews;

    public MapperReviewStore(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Mono<Review> add(String sku, String author, int rating, String comment) {
        return reviews.save(new Review(sku, Uuids.timeBased(), author, rating, comment));
    }

    @Override
    public Flux<Review> of(String sku) {
        return reviews.findBySku(sku);
    }

    @Override
    public Flux<Review> newest(String sku, int limit) {
        return reviews.query().where(eq("sku", sku)).limit(limit).flux();
    }

    @Override
    public Mono<Void> delete(String sku, UUID id) {
        return reviews.delete(new Review(sku, id, null, 0, null), Condition.ifExists())
                .flatMap(result -> result.wasApplied() ? Mono.empty()
                        : Mono.error(new NotFoundException("no review " + id + " of product " + sku)));
    }

    @Override
    public Mono<Void> deleteAll(String sku) {
        return reviews.query().where(eq("sku", sku)).delete();
    }
}
