package io.reactivecql.samples.webflux.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.reactivecql.api.Uuids;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Column;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A review of a product: a row of {@code reviews}, one partition per product, newest first.
 *
 * @param id a time-based UUID ({@code timeuuid} column {@code review_id}): it orders the reviews
 *           and carries their time
 */
@Table(name = "reviews")
public record Review(@PartitionKey String sku,
                     @ClusteringColumn(descending = true) @Column(name = "review_id", cqlType = "timeuuid") UUID id,
                     String author, int rating, String comment) {

    /** When the review was written: the time in its id (served as JSON, not a column). */
    @JsonProperty("createdAt")
    public Instant createdAt() {
        return Instant.ofEpochMilli(Uuids.unixTimestamp(id));
    }
}
