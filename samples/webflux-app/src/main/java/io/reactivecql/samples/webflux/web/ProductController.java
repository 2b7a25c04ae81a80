package io.reactivecql.samples.webflux.web;

import io.reactivecql.samples.webflux.catalogue.NotFoundException;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.samples.webflux.catalogue.ProductPage;
import io.reactivecql.samples.webflux.catalogue.ProductStore;
import io.reactivecql.samples.webflux.catalogue.ReviewStore;
import io.reactivecql.samples.webflux.web.ApiRequests.NewProduct;
import io.reactivecql.samples.webflux.web.ApiRequests.ProductUpdate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The catalogue's products: CRUD, cursor pages as JSON, and the whole table as a stream
 * ({@code application/x-ndjson} or server-sent events) that the client's read speed paces.
 */
@RestController
@RequestMapping("/products")
public class ProductController {

    private final ProductStore products;
    private final ReviewStore reviews;

    public ProductController(ProductStore products, ReviewStore reviews) {
        this.products = products;
        this.reviews = reviews;
    }

    @PostMapping
    public Mono<ResponseEntity<Product>> create(@Valid @RequestBody NewProduct body) {
        Product product = new Product(body.sku(), body.name(), body.description(), body.category(), body.price(), 0, null);
        return products.create(product)
                .map(created -> ResponseEntity.created(URI.create("/products/" + created.sku())).body(created));
    }

    @GetMapping("/{sku}")
    public Mono<Product> get(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku) {
        return products.find(sku).switchIfEmpty(Mono.error(() -> new NotFoundException("no product " + sku)));
    }

    @PutMapping("/{sku}")
    public Mono<Product> update(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku,
                                @Valid @RequestBody ProductUpdate body) {
        return products.update(new Product(sku, body.name(), body.description(), body.category(), body.price(),
                body.version(), null));
    }

    /** Deletes the product (409 if it changed meanwhile), then its reviews. */
    @DeleteMapping("/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable @Pattern(regexp = ApiRequests.SKU) String sku) {
        return products.delete(sku).then(reviews.deleteAll(sku));
    }

    /** One page of products: follow {@code next} as {@code cursor} for the page after. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ProductPage> page(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                  @RequestParam(required = false) String cursor) {
        return products.page(limit, cursor);
    }

    /**
     * Every product, one JSON object per line, straight from the driver's paged {@code Flux}: the
     * next page is fetched only when the client has read (nearly) all of the previous one.
     */
    @GetMapping(produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<Product> stream() {
        return products.all();
    }

    /** Every product as server-sent events (event {@code product}, id the sku), paced like {@link #stream()}. */
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Product>> events() {
        return products.all().map(p -> ServerSentEvent.builder(p).event("product").id(p.sku()).build());
    }
}
