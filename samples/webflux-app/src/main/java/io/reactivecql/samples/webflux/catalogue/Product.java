package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Version;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product of the catalogue: a row of {@code products} (the mapper's entity) and the JSON the API
 * serves. Columns follow the field names in snake case ({@code updated_at}).
 *
 * @param sku       the natural key, chosen by the client
 * @param version   optimistic locking: 1 when created, one more at each update; a write names the
 *                  version it read, and loses to any write that came first
 * @param updatedAt when it was last written
 */
@Table(name = "products")
public record Product(@PartitionKey String sku, String name, String description, String category, BigDecimal price,
                      @Version int version, Instant updatedAt) {
}
