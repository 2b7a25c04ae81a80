package io.reactivecql.benchmarks.load;

/** The tables and statements every driver runs; fully qualified, so no session keyspace is needed. */
final class Schema {

    static final String KEYSPACE = "bench";
    static final String CREATE_KEYSPACE = "CREATE KEYSPACE IF NOT EXISTS bench WITH replication = "
            + "{'class': 'SimpleStrategy', 'replication_factor': 1} AND durable_writes = true";
    static final String CREATE_KV = "CREATE TABLE IF NOT EXISTS bench.kv (k bigint PRIMARY KEY, v text)";
    static final String CREATE_WIDE = "CREATE TABLE IF NOT EXISTS bench.wide (p int, c int, v text, PRIMARY KEY (p, c))";

    static final String INSERT = "INSERT INTO bench.kv (k, v) VALUES (?, ?)";
    static final String SELECT = "SELECT k, v FROM bench.kv WHERE k = ?";
    static final String SELECT_PARTITION = "SELECT c, v FROM bench.wide WHERE p = ?";
    static final String INSERT_WIDE = "INSERT INTO bench.wide (p, c, v) VALUES (?, ?, ?)";

    /** The value every INSERT writes: 100 characters, like a small JSON document. */
    static final String VALUE = "0123456789".repeat(10);
    /** Keys the SELECT reads, written before the SELECT runs. */
    static final int SELECT_KEYS = 10_000;
    /** The partition the paged read reads. */
    static final int PARTITION = 0;

    /** The text of row {@code c} of the wide partition (16 characters). */
    static String wideValue(int c) {
        return "row-" + String.format("%012d", c);
    }

    private Schema() {
    }
}
