package io.reactivecql.samples.webflux.cassandra;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.mapper.api.ReactiveMapper;
import io.reactivecql.samples.webflux.catalogue.Product;
import io.reactivecql.samples.webflux.catalogue.Review;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The catalogue's keyspace and tables, as the entities declare them: the mapper creates what is
 * missing ({@code reactivecql.schema.action=create}, the default), through a short-lived session
 * without keyspace, since the application's session USEs the keyspace and so needs it to exist.
 * With {@code validate}, the repositories check the entities against the live tables at startup.
 */
public final class CatalogueSchema {

    /** The entities, and so the tables, of the application. */
    public static final List<Class<?>> ENTITIES = List.of(Product.class, Review.class);

    private CatalogueSchema() {
    }

    /** Creates the keyspace (SimpleStrategy) and the tables, or adds the columns they miss. Never drops anything. */
    public static Mono<Void> create(SessionBuilder withoutKeyspace, String keyspace, int replicationFactor) {
        return Mono.usingWhen(withoutKeyspace.connect(), session -> {
            ReactiveMapper mapper = ReactiveMapper.builder(session).withDefaultKeyspace(keyspace).build();
            return mapper.schema().createKeyspaceSimple(keyspace, replicationFactor)
                    .then(mapper.schema().syncTable(Product.class))
                    .then(mapper.schema().syncTable(Review.class))
                    .then(mapper.close());
        }, ReactiveSession::close);
    }
}
