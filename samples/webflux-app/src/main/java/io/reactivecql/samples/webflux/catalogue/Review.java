package io.reactivecql.samples.webflux.catalogue;

import java.time.Instant;
import java.util.UUID;

/**
 * A review of a product, one row of {@code reviews}.
 *
 * @param id        a time-based UUID: reviews sort newest first by it
 * @param createdAt the time {@code id} carries
 */
public record Review(String sku, UUID id, String author, int rating, String comment, Instant createdAt) {
}
