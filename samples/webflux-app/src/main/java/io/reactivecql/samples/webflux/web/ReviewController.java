package io.reactivecql.samples.webflux.web;

import io.reactivecql.samples.webflux.catalogue.NotFoundException;
import io.reactivecql.samples.webflux.catalogue.ProductStore;
import io.reactivecql.samples.webflux.catalogue.Review;
import io.reactivecql.samples.webflux.catalogue.ReviewStore;
import io.reactivecql.samples.webflux.web.ApiRequests.NewReview;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/** The reviews of a product: add, list (newest first, or all as a stream), delete. */
@RestController
@RequestMapping("/products/{sku}/reviews")
public class ReviewController {

    private final ProductStore products;
    private final ReviewStore reviews;

    public ReviewController(ProductStore products, ReviewStore reviews) {
        this.products = products;
        this.reviews = reviews;
    }

    /** Adds a review to an existing product (404 if there is none). */
    @PostMapping
    public Mono<ResponseEntity<Review>> add(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku,
                                            @Valid @RequestBody NewReview body) {
        return existing(sku)
                .then(reviews.add(sku, body.author(), body.rating(), body.comment()))
                .map(r -> ResponseEntity.created(URI.create("/products/" + sku + "/reviews/" + r.id())).body(r));
    }

    /** The {@code limit} newest reviews, as a JSON array. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Flux<Review> newest(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(500) int limit) {
        return existing(sku).thenMany(reviews.newest(sku, limit));
    }

    /** Every review, newest first, one JSON object per line, paced by the client. */
    @GetMapping(produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<Review> stream(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku) {
        return existing(sku).thenMany(reviews.of(sku));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku, @PathVariable UUID id) {
        return reviews.delete(sku, id);
    }

    private Mono<Void> existing(String sku) {
        return products.find(sku).switchIfEmpty(Mono.error(() -> new NotFoundException("no product " + sku))).then();
    }
}
