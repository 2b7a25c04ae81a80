package io.reactivecql.samples.webflux.catalogue;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.Uuids;
import io.reactivecql.api.result.Row;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** {@link ReviewStore} on the session's prepared statements. */
@Repository
public class CqlReviewStore implements ReviewStore {

    static final String INSERT = "INSERT INTO reviews (sku, review_id, author, rating, comment) VALUES (?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT sku, review_id, author, rating, comment FROM reviews WHERE sku = ?";
    static final String SELECT_NEWEST = SELECT + " LIMIT ?";
    static final String DELETE_ONE = "DELETE FROM reviews WHERE sku = ? AND review_id = ? IF EXISTS";
    static final String DELETE_ALL = "DELETE FROM reviews WHERE sku = ?";

    private final ReactiveSession session;

    public CqlReviewStore(ReactiveSession session) {
        this.session = session;
    }

    @Override
    public Mono<Review> add(String sku, String author, int rating, String comment) {
        UUID id = Uuids.timeBased();
        return session.prepare(INSERT)
                .flatMap(p -> session.executePage(p.bind(sku, id, author, rating, comment)))
                .thenReturn(new Review(sku, id, author, rating, comment, Instant.ofEpochMilli(Uuids.unixTimestamp(id))));
    }

    @Override
    public Flux<Review> of(String sku) {
        return session.prepare(SELECT)
                .flatMapMany(p -> session.execute(p.bind(sku)))
                .map(CqlReviewStore::review);
    }

    @Override
    public Flux<Review> newest(String sku, int limit) {
        return session.prepare(SELECT_NEWEST)
                .flatMapMany(p -> session.execute(p.bind(sku, limit).withPageSize(limit)))
                .map(CqlReviewStore::review);
    }

    @Override
    public Mono<Void> delete(String sku, UUID id) {
        return session.prepare(DELETE_ONE)
                .flatMap(p -> session.executePage(p.bind(sku, id)))
                .flatMap(page -> page.wasApplied() ? Mono.empty()
                        : Mono.error(new NotFoundException("no review " + id + " of product " + sku)));
    }

    @Override
    public Mono<Void> deleteAll(String sku) {
        return session.prepare(DELETE_ALL).flatMap(p -> session.executePage(p.bind(sku))).then();
    }

    static Review review(Row row) {
        UUID id = row.getUuid("review_id");
        return new Review(row.getString("sku"), id, row.getString("author"), row.getInt("rating"),
                row.getString("comment"), Instant.ofEpochMilli(Uuids.unixTimestamp(id)));
    }
}
