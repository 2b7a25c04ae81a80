package io.reactivecql.samples;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.Uuids;
import io.reactivecql.api.statement.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * The quickstart: connects, creates keyspace {@code demo} and table {@code users}, inserts rows
 * with a prepared statement, reads them back as a {@code Flux<Row>}, prints them and closes.
 *
 * <p>The cluster ({@link ContactPoints}): {@code CASSANDRA_CONTACT_POINTS} when set, else a node
 * already listening on 127.0.0.1:9042, else a real Cassandra node started here in its own JVM and
 * stopped at the end. Everything runs as one reactive chain; only {@code main} waits for it, at the
 * very end.
 */
public final class Quickstart {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Quickstart() {
    }

    private record User(String name, int age) {
    }

    public static void main(String[] args) {
        try (ContactPoints cluster = ContactPoints.findOrStart()) {
            run(cluster);
        }
    }

    private static void run(ContactPoints cluster) {
        List<User> users = List.of(new User("Ada", 36), new User("Alan", 41), new User("Grace", 85),
                new User("Edsger", 72), new User("Barbara", 32));

        ReactiveSession.builder()
                .addContactPoints(cluster.addresses())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofSeconds(30)))
                .connect()
                .flatMap(session -> Flux.concat(
                                session.execute("CREATE KEYSPACE IF NOT EXISTS demo WITH replication = "
                                        + "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
                                session.execute("CREATE TABLE IF NOT EXISTS demo.users "
                                        + "(id uuid PRIMARY KEY, name text, age int)"))
                        .then(session.prepare("INSERT INTO demo.users (id, name, age) VALUES (?, ?, ?)"))
                        // insert every user, at most 4 at a time
                        .flatMap(insert -> session.executeAll(Flux.fromIterable(users)
                                .<Statement<?>>map(u -> insert.bind(Uuids.random(), u.name(), u.age())), 4)
                                .count())
                        .doOnNext(n -> System.out.println("Inserted " + n + " users into demo.users"))
                        // read them back: a Flux<Row>, fetched page by page as it is consumed
                        .thenMany(session.execute("SELECT id, name, age FROM demo.users"))
                        .doOnNext(row -> System.out.printf("  %-8s %3d  %s%n", row.getString("name"),
                                row.getInt("age"), row.getUuid("id")))
                        .count()
                        .doOnNext(n -> System.out.println("Read " + n + " rows"))
                        .then(session.close())
                        .onErrorResume(e -> session.close().then(Mono.error(e))))
                .block(TIMEOUT);
    }
}
