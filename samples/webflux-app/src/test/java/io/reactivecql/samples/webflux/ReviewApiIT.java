package io.reactivecql.samples.webflux;

import io.reactivecql.samples.webflux.catalogue.Review;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The review endpoints against the real node. */
class ReviewApiIT extends CatalogueITSupport {

    private String newProduct(WebTestClient client) {
        String sku = "r-" + UUID.randomUUID().toString().substring(0, 13);
        client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", sku, "name", "Teapot", "category", "kitchen", "price", new BigDecimal("30")))
                .exchange().expectStatus().isCreated().expectBody();
        return sku;
    }

    private Review review(WebTestClient client, String sku, String author, int rating) {
        return client.post().uri("/products/{sku}/reviews", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("author", author, "rating", rating, "comment", "by " + author))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Review.class).returnResult().getResponseBody();
    }

    @Test
    void reviewsListNewestFirstAndStream() {
        WebTestClient client = client();
        String sku = newProduct(client);
        Review first = review(client, sku, "ann", 5);
        Review second = review(client, sku, "bob", 3);
        Review third = review(client, sku, "cy", 4);
        assertThat(first.createdAt()).isNotNull();

        client.get().uri("/products/{sku}/reviews", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBodyList(Review.class).isEqualTo(List.of(third, second, first));
        client.get().uri("/products/{sku}/reviews?limit=2", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBodyList(Review.class).isEqualTo(List.of(third, second));
        List<Review> streamed = client.get().uri("/products/{sku}/reviews", sku).accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .returnResult(Review.class).getResponseBody().collectList().block(Duration.ofSeconds(30));
        assertThat(streamed).containsExactly(third, second, first);
    }

    @Test
    void deletingAReviewAndThenItsProduct() {
        WebTestClient client = client();
        String sku = newProduct(client);
        Review kept = review(client, sku, "ann", 5);
        Review gone = review(client, sku, "bob", 1);

        client.delete().uri("/products/{sku}/reviews/{id}", sku, gone.id()).exchange().expectStatus().isNoContent().expectBody();
        client.delete().uri("/products/{sku}/reviews/{id}", sku, gone.id()).exchange().expectStatus().isNotFound().expectBody();
        client.get().uri("/products/{sku}/reviews", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectBodyList(Review.class).isEqualTo(List.of(kept));

        // deleting the product takes its reviews with it: a product created again under the sku has none
        client.delete().uri("/products/{sku}", sku).exchange().expectStatus().isNoContent().expectBody();
        client.get().uri("/products/{sku}/reviews", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound().expectBody();
        client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", sku, "name", "Teapot again", "category", "kitchen", "price", BigDecimal.TEN))
                .exchange().expectStatus().isCreated().expectBody();
        client.get().uri("/products/{sku}/reviews", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBodyList(Review.class).hasSize(0);
    }

    @Test
    void reviewsOfMissingProductsAre404AndBadReviews400() {
        WebTestClient client = client();
        String missing = "none-" + UUID.randomUUID().toString().substring(0, 8);
        client.post().uri("/products/{sku}/reviews", missing).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("author", "ann", "rating", 5))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("no product " + missing);
        client.get().uri("/products/{sku}/reviews", missing).accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();

        String sku = newProduct(client);
        client.post().uri("/products/{sku}/reviews", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("author", "", "rating", 9))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'author')].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'rating')].message").isEqualTo("must be less than or equal to 5");
        client.delete().uri("/products/{sku}/reviews/{id}", sku, "not-a-uuid").exchange().expectStatus().isBadRequest().expectBody();
        client.get().uri("/products/{sku}/reviews?limit=501", sku).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }
}
