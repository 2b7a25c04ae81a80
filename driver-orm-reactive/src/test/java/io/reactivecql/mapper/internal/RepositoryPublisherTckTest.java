package io.reactivecql.mapper.internal;

import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.NullSaving;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.schema.api.ClusteringOrder;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.lang.reflect.Proxy;

/**
 * The Reactive Streams TCK on a repository's {@code findAll} publisher (entities mapped from the
 * session's rows), over an in-memory session whose rows arrive in pages of 7, every other page on
 * another thread.
 */
public class RepositoryPublisherTckTest extends PublisherVerification<RepositoryPublisherTckTest.Item> {

    @Table(keyspace = "ks", name = "items")
    public record Item(@PartitionKey int bucket, @ClusteringColumn long seq) {
    }

    public RepositoryPublisherTckTest() {
        // Signals get 5 s: on a loaded 2-core CI machine a GC or JIT pause passed 500 ms. The
        // "no signal" checks keep a short wait so the suite stays fast, and errors are looked for
        // every 20 ms (the TCK's default polls once per 5 s: each spec309 test took 5 s).
        super(new TestEnvironment(5_000, 200, 20));
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(RepositoryPublisherTckTest.class.getClassLoader(),
                new Class<?>[] {type}, handler));
    }

    private static Row row(long i) {
        return proxy(Row.class, (p, m, args) -> switch (m.getName()) {
            case "getObject" -> (int) args[0] == 0 ? (Object) 1 : (Object) i;
            case "size" -> 2;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    /** A session that answers any SELECT with {@code elements} rows. */
    private static final class RowsSession extends NoSessionAdapter {
        private final long elements;
        private final boolean failPrepare;

        RowsSession(long elements, boolean failPrepare) {
            this.elements = elements;
            this.failPrepare = failPrepare;
        }

        @Override
        public Mono<PreparedStatement> prepare(String cql) {
            if (failPrepare) {
                return Mono.error(new IllegalStateException("the statement cannot be prepared"));
            }
            PreparedStatement[] self = new PreparedStatement[1];
            BoundStatement bound = proxy(BoundStatement.class, (p, m, args) -> switch (m.getName()) {
                case "options" -> StatementOptions.DEFAULT;
                case "withOptions" -> p;
                case "preparedStatement" -> self[0];
                default -> throw new UnsupportedOperationException(m.getName());
            });
            self[0] = proxy(PreparedStatement.class, (p, m, args) -> switch (m.getName()) {
                case "bind" -> bound;
                case "query" -> cql;
                case "variableDefinitions", "resultDefinitions" -> ColumnDefinitions.EMPTY;
                default -> throw new UnsupportedOperationException(m.getName());
            });
            return Mono.just(self[0]);
        }

        @Override
        public Flux<Row> execute(Statement<?> statement) {
            return Flux.<Row, Long>generate(() -> 0L, (i, sink) -> {
                if (i >= elements) {
                    sink.complete();
                } else {
                    sink.next(row(i));
                }
                return i + 1;
            }).buffer(7).index().concatMap(page -> page.getT1() % 2 == 0
                    ? Flux.fromIterable(page.getT2()).publishOn(Schedulers.parallel())
                    : Flux.fromIterable(page.getT2()), 1);
        }
    }

    private static DefaultReactiveRepository<Item, Object> repository(RowsSession session) {
        MapperContext ctx = new MapperContext(session, null, "ks", NullSaving.DO_NOT_SET, 8);
        var table = Schemas.table("items", Schemas.pk("bucket", PrimitiveType.INT, 0),
                Schemas.cc("seq", PrimitiveType.BIGINT, 0, ClusteringOrder.ASC));
        return new DefaultReactiveRepository<>(ctx, EntityBinding.bind(ctx.models.entity(Item.class), "ks",
                Schemas.metadata(table), ctx.types));
    }

    @Override
    public Publisher<Item> createPublisher(long elements) {
        return repository(new RowsSession(elements, false)).findAll();
    }

    @Override
    public Publisher<Item> createFailedPublisher() {
        return repository(new RowsSession(0, true)).findAll();
    }

    @Override
    public long maxElementsFromPublisher() {
        return Long.MAX_VALUE - 1;
    }
}
