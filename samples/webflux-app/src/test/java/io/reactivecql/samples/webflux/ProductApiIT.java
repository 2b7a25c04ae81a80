package io.reactivecql.samples.webflux;

import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.samples.webflux.catalogue.ProductPage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The product endpoints end to end: HTTP in, the real node behind, and every error they translate. */
class ProductApiIT extends CatalogueITSupport {

    private static String newSku() {
        return "p-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, Object> product(String sku, String name, String price) {
        return Map.of("sku", sku, "name", name, "description", "a test product", "category", "tests",
                "price", new BigDecimal(price));
    }

    private Product create(WebTestClient client, String sku) {
        return client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(product(sku, "Kettle " + sku, "19.99"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/products/" + sku)
                .expectBody(Product.class).returnResult().getResponseBody();
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        WebTestClient client = client();
        String sku = newSku();

        Product created = create(client, sku);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.price()).isEqualByComparingTo("19.99");

        client.get().uri("/products/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Product.class).isEqualTo(created);

        Product updated = client.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Kettle, steel", "category", "kitchen", "price", new BigDecimal("24.50"),
                        "version", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Product.class).returnResult().getResponseBody();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.name()).isEqualTo("Kettle, steel");
        assertThat(updated.description()).isNull();
        client.get().uri("/products/{sku}", sku).exchange()
                .expectStatus().isOk()
                .expectBody(Product.class).isEqualTo(updated);

        client.delete().uri("/products/{sku}", sku).exchange().expectStatus().isNoContent().expectBody();
        client.get().uri("/products/{sku}", sku).exchange().expectStatus().isNotFound().expectBody();
    }

    @Test
    void creatingATakenSkuIs409WithTheCurrentVersion() {
        WebTestClient client = client();
        String sku = newSku();
        create(client, sku);

        client.post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(product(sku, "Another", "1.00"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.detail").isEqualTo("product " + sku + " already exists")
                .jsonPath("$.currentVersion").isEqualTo(1);
        // the first write stands
        client.get().uri("/products/{sku}", sku).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Kettle " + sku);
    }

    @Test
    void updatingAStaleVersionIs409AndChangesNothing() {
        WebTestClient client = client();
        String sku = newSku();
        create(client, sku);
        Map<String, Object> change = Map.of("name", "v2", "category", "tests", "price", new BigDecimal("2.00"), "version", 1);
        client.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON).bodyValue(change)
                .exchange().expectStatus().isOk().expectBody();

        // a second client still holds version 1
        client.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "stale", "category", "tests", "price", new BigDecimal("3.00"), "version", 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.currentVersion").isEqualTo(2)
                .jsonPath("$.detail").isEqualTo("product " + sku + " is at version 2, not 1");
        client.get().uri("/products/{sku}", sku).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("v2").jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void missingProductsAre404() {
        WebTestClient client = client();
        String sku = newSku();
        client.get().uri("/products/{sku}", sku).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no product " + sku);
        client.put().uri("/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "category", "tests", "price", BigDecimal.ONE, "version", 1))
                .exchange().expectStatus().isNotFound().expectBody();
        client.delete().uri("/products/{sku}", sku).exchange().expectStatus().isNotFound().expectBody();
        // the update of a missing row must not have created one
        client.get().uri("/products/{sku}", sku).exchange().expectStatus().isNotFound().expectBody();
    }

    @Test
    void invalidBodiesAre400NamingEachField() {
        client().post().uri("/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", "no spaces!", "name", " ", "category", "tests", "price", new BigDecimal("-1")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'sku')].message").isEqualTo("must be 1-64 letters, digits, '-' or '_'")
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[?(@.field == 'price')].message").isEqualTo("must be greater than or equal to 0.00");

        client().put().uri("/products/{sku}", newSku()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "category", "tests", "price", new BigDecimal("1.234")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'version')].message").isEqualTo("must not be null")
                .jsonPath("$.errors[?(@.field == 'price')]").exists();
    }

    @Test
    void malformedJsonAndBadParametersAre400() {
        WebTestClient client = client();
        client.post().uri("/products").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sku\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        client.get().uri("/products/{sku}", "not a sku").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sku");
        client.get().uri("/products?limit=0").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        client.get().uri("/products?cursor=***").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void pagesFollowTheirCursorsInTheStreamsOrder() {
        WebTestClient client = client();
        for (int i = 0; i < 13; i++) {
            create(client, newSku());
        }
        // four pages of three, each after the cursor of the one before
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 4; i++) {
            Optional<String> after = Optional.ofNullable(cursor);
            ProductPage page = client.get()
                    .uri(b -> b.path("/products").queryParam("limit", 3).queryParamIfPresent("cursor", after).build())
                    .accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isOk()
                    .expectBody(ProductPage.class).returnResult().getResponseBody();
            assertThat(page.items()).hasSize(3);
            assertThat(page.next()).isNotNull();
            page.items().forEach(p -> paged.add(p.sku()));
            cursor = page.next();
        }
        // the same table read as a stream starts with the same twelve products, in token order
        List<String> streamed = client.get().uri("/products").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .returnResult(Product.class).getResponseBody()
                .take(12).map(Product::sku).collectList().block(Duration.ofSeconds(60));
        assertThat(paged).doesNotHaveDuplicates().isEqualTo(streamed);
    }

    @Test
    void theActuatorShowsTheClusterAndTheMetrics() {
        WebTestClient client = client();
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.cassandra.status").isEqualTo("UP")
                .jsonPath("$.components.cassandra.details.version").isEqualTo("5.0.9")
                .jsonPath("$.components.cassandra.details.tables.products").isEqualTo(true)
                .jsonPath("$.components.cassandra.details.tables.reviews").isEqualTo(true);
        client.get().uri("/products/{sku}", newSku()).exchange().expectStatus().isNotFound().expectBody();
        client.get().uri("/actuator/metrics/http.server.requests?tag=status:404").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").exists();
        client.get().uri("/actuator/metrics").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.names").value(names -> assertThat(names.toString()).contains("http.server.requests"));
    }
}
