package io.reactivecql.docs;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.policy.retry.RetryPolicy;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.result.StatementResult;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The code examples of the manual (docs/connecting.md, configuration.md, statements.md, paging.md,
 * policies.md, metadata.md), compiled with the tests so that they keep matching the API. Never run: the
 * examples talk to a cluster that is not there.
 */
@SuppressWarnings("unused")
final class ManualExamples {

    private ManualExamples() {
    }

    // ---- connecting.md ----

    static Mono<ReactiveSession> connect() {
        return ReactiveSession.builder()
                .addContactPoint(new InetSocketAddress("10.0.0.1", 9042))
                .addContactPoint(new InetSocketAddress("cassandra.internal", 9042)) // resolved to every address
                .withLocalDatacenter("dc1")
                .withKeyspace("shop")
                .withAuthCredentials("app", "s3cret")
                .withCompression(Compression.LZ4)
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(2))
                        .withConsistency(ConsistencyLevel.LOCAL_QUORUM))
                .connect();
    }

    static Mono<ReactiveSession> connectWithTls() throws Exception {
        SslContext tls = SslContextBuilder.forClient()
                .trustManager(new File("/etc/myapp/cassandra-ca.pem"))
                .build();
        return ReactiveSession.builder()
                .addContactPoint(new InetSocketAddress("10.0.0.1", 9142))
                .withLocalDatacenter("dc1")
                .withSsl(tls)                         // host name verification on; withSsl(tls, false) skips it
                .withProtocolVersion(ProtocolVersion.V5) // else negotiated: V5 first, then V4
                .connect();
    }

    static Mono<ReactiveSession> connectFromFile() {
        return ReactiveSession.builder()
                .withConfigFile(Path.of("/etc/myapp/cassandra.properties"))
                .withOption(DriverOption.REQUEST_PAGE_SIZE, 1000)
                .connect();
    }

    static void lifecycle(ReactiveSession session) {
        session.execute("SELECT release_version FROM system.local")
                .map(row -> row.getString("release_version"))
                .subscribe(System.out::println);
        session.close().subscribe();   // Mono<Void>: completes when every connection is closed
    }

    // ---- configuration.md ----

    static Flux<Row> layered() {
        return ReactiveSession.builder()
                .withConfigResource("cassandra-defaults.properties")   // packaged with the application
                .withConfigFile(Path.of("/etc/myapp/cassandra.properties"))
                .withOption(DriverOption.REQUEST_PAGE_SIZE, "1000")   // or Integer.valueOf(1000)
                .withLocalDatacenter("dc1")                            // wins over every source
                .connect()                                             // files are read off the event loops
                .flatMapMany(session -> session.execute("SELECT release_version FROM system.local"));
    }

    static void reload() {
        Sinks.Many<Object> reload = Sinks.many().multicast().directBestEffort();
        ReactiveSession session = ReactiveSession.builder()
                .withConfigFile(Path.of("/etc/myapp/cassandra.properties"))
                .withConfigReloadTrigger(reload.asFlux())    // or Flux.interval(Duration.ofMinutes(1))
                .connect()
                .block();
        reload.tryEmitNext("admin asked");                    // re-read now
    }

    // ---- statements.md ----

    static void simple(ReactiveSession session, UUID id) {
        Flux<Row> rows = session.execute("SELECT name, age FROM users WHERE id = ?", id);
        Flux<Row> named = session.execute("SELECT name FROM users WHERE id = :id", Map.of("id", id));
        SimpleStatement statement = SimpleStatement.of("UPDATE users SET age = ? WHERE id = ?", 42, id)
                .withConsistency(ConsistencyLevel.QUORUM)
                .withIdempotent(true)
                .withTimeout(Duration.ofSeconds(1));
        Flux<Row> none = session.execute(statement); // completes empty: an UPDATE returns no rows
    }

    static Flux<Row> prepared(ReactiveSession session, UUID id) {
        return session.prepare("SELECT name, age FROM users WHERE id = ?")
                .flatMapMany(select -> session.execute(select.bind(id)));
    }

    static BoundStatement byName(PreparedStatement insertUser, UUID id) {
        return insertUser.boundStatementBuilder()
                .set("id", id)
                .set("name", "Ada")
                .unset("age")               // leaves the column as it is
                .build();
    }

    static Mono<Boolean> batch(ReactiveSession session, PreparedStatement insertUser, UUID a, UUID b) {
        BatchStatement batch = BatchStatement.logged()
                .add(insertUser.bind(a, "Ada", 36))
                .add(SimpleStatement.of("DELETE FROM users WHERE id = ?", b))
                .withConsistency(ConsistencyLevel.QUORUM);
        return session.executePage(batch).map(ResultPage::wasApplied);
    }

    static Mono<Boolean> lightweightTransaction(ReactiveSession session, UUID id) {
        return session.executePage(SimpleStatement.of(
                        "INSERT INTO users (id, name) VALUES (?, ?) IF NOT EXISTS", id, "Ada")
                        .withSerialConsistency(ConsistencyLevel.LOCAL_SERIAL))
                .map(ResultPage::wasApplied);
    }

    static Flux<ResultPage> many(ReactiveSession session, PreparedStatement insertUser, List<UUID> ids) {
        return session.executeAll(Flux.fromIterable(ids).<Statement<?>>map(id -> insertUser.bind(id, "x", 1)), 16);
    }

    static Flux<Throwable> manySettled(ReactiveSession session, PreparedStatement insertUser, List<UUID> ids) {
        return session.executeAllSettled(Flux.fromIterable(ids).<Statement<?>>map(id -> insertUser.bind(id, "x", 1)), 16)
                .filter(result -> !result.isSuccess())
                .map(StatementResult::error);
    }

    static void trace(ReactiveSession session) {
        session.executePage(SimpleStatement.of("SELECT * FROM users LIMIT 1").withTracing(true))
                .flatMap(page -> page.executionInfo().queryTrace())
                .subscribe(trace -> System.out.println(trace.durationMicros() + " us on " + trace.coordinator()));
    }

    // ---- paging.md ----

    static Flux<String> demandDriven(ReactiveSession session) {
        return session.execute(SimpleStatement.of("SELECT name FROM users").withPageSize(500))
                .map(row -> row.getString("name"))
                .take(1200);                // 3 pages at most (plus one page of read-ahead), then cancel
    }

    static Flux<Row> slowConsumer(ReactiveSession session) {
        return session.execute("SELECT * FROM events")
                .publishOn(Schedulers.boundedElastic())   // rows arrive on an event loop: move off it
                .doOnNext(ManualExamples::blockingWrite);
    }

    private static void blockingWrite(Row row) {
    }

    static Mono<ResultPage> pageByPage(ReactiveSession session) {
        return session.executePage(SimpleStatement.of("SELECT * FROM users").withPageSize(100))
                .expand(page -> page.next())              // next() is empty after the last page
                .doOnNext(page -> System.out.println(page.rows().size() + " rows"))
                .last();
    }

    /** A web page of results: the paging state goes to the client and comes back with the next request. */
    static Mono<ResultPage> webPage(ReactiveSession session, ByteBuffer stateFromClient) {
        SimpleStatement query = SimpleStatement.of("SELECT * FROM users").withPageSize(20);
        return session.executePage(stateFromClient == null ? query : query.withPagingState(stateFromClient));
        // page.executionInfo().pagingState() is the state of the page after this one (null after the last)
    }

    // ---- policies.md ----

    static Mono<ReactiveSession> policies() {
        return ReactiveSession.builder()
                .addContactPoint(new InetSocketAddress("10.0.0.1", 9042))
                .withLoadBalancingPolicy(LoadBalancingPolicies.tokenAware(
                        LoadBalancingPolicies.datacenterAware("dc1", "rack1", false),
                        LoadBalancingPolicies.DEFAULT_BUSY_THRESHOLD))
                .withReconnectionPolicy(ReconnectionPolicy.exponential(Duration.ofMillis(500), Duration.ofSeconds(30)))
                .withAddressTranslator(address -> address)   // e.g. map private to public addresses
                .withRetryPolicy(RetryPolicy.defaultPolicy())
                .connect();
    }

    // ---- metadata.md ----

    static void nodes(ReactiveSession session) {
        session.nodes().forEach(node -> System.out.println(node.endpoint() + " " + node.datacenter() + "/"
                + node.rack() + " " + node.state() + " " + node.cassandraVersion()));
        session.nodeEvents()
                .filter(event -> event.type() == NodeStateEvent.Type.DOWN)
                .subscribe(event -> System.out.println(event.node().endpoint() + " went down"));
    }
}
