package io.reactivecql.samples.webflux.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product of the catalogue, one row of {@code products}.
 *
 * @param version   starts at 1 and grows with each update; updates name the version they change
 * @param updatedAt when it was last written
 */
public record Product(String sku, String name, String description, String category, BigDecimal price,
                      int version, Instant updatedAt) {
}
