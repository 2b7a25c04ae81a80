package io.reactivecql.samples.webflux.cassandra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code reactivecql.*} properties of {@code application.yml}: where the cluster is and how to
 * talk to it. Any of them can be set as a command-line argument
 * ({@code --reactivecql.contact-points=10.0.0.1:9042}) or an environment variable
 * ({@code REACTIVECQL_CONTACT_POINTS=10.0.0.1:9042,10.0.0.2:9042}).
 *
 * @param contactPoints   {@code host[:port]} of nodes to connect to first (port 9042 when left out)
 * @param localDatacenter the datacenter whose nodes serve requests first
 * @param keyspace        the keyspace of the catalogue's tables
 * @param username        user name for PasswordAuthenticator clusters; empty for none
 * @param password        its password
 * @param requestTimeout  how long one request may take before it fails
 * @param connectTimeout  how long opening one connection may take (handshake included)
 * @param startupTimeout  how long startup waits for the session (and the schema, when it creates it)
 * @param pageSize        rows per page when nothing else is asked for (streams fetch pages of this size)
 * @param schema          whether the keyspace and tables are created or checked at startup
 * @param embedded        start a local Cassandra node for this process (the {@code embedded} profile)
 * @param driver          any option of the driver's catalogue by its path ({@code advanced.metrics.node.enabled},
 *                        see the driver's docs/configuration.md), as text; applied on the session's builder
 */
@ConfigurationProperties("reactivecql")
public record CassandraProperties(
        List<String> contactPoints,
        String localDatacenter,
        String keyspace,
        String username,
        String password,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration startupTimeout,
        Integer pageSize,
        Schema schema,
        Embedded embedded,
        Map<String, String> driver) {

    public CassandraProperties {
        contactPoints = contactPoints == null || contactPoints.isEmpty() ? List.of("127.0.0.1:9042") : List.copyOf(contactPoints);
        localDatacenter = blankTo(localDatacenter, "datacenter1");
        keyspace = blankTo(keyspace, "catalogue");
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(60) : startupTimeout;
        pageSize = pageSize == null ? 1000 : pageSize;
        schema = schema == null ? new Schema(null, null) : schema;
        embedded = embedded == null ? new Embedded(false) : embedded;
        driver = driver == null ? Map.of() : Map.copyOf(driver);
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            // it is spliced into DDL: accept only plain unquoted names
            throw new IllegalArgumentException("reactivecql.keyspace must be a lower-case CQL name "
                    + "([a-z][a-z0-9_]{0,47}), was '" + keyspace + "'");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("reactivecql.page-size must be at least 1, was " + pageSize);
        }
    }

    /** What the application does about its keyspace and tables at startup. */
    public enum SchemaAction {
        /** Create the keyspace and tables that are missing. */
        CREATE,
        /** Check that they exist (schema metadata), and refuse to start if not. */
        VALIDATE,
        /** Nothing: someone else owns the schema. */
        NONE
    }

    /**
     * @param action            create (default), validate or leave alone the keyspace and tables
     * @param replicationFactor the SimpleStrategy replication factor of a keyspace created here (default 1)
     */
    public record Schema(SchemaAction action, Integer replicationFactor) {
        public Schema {
            action = action == null ? SchemaAction.CREATE : action;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("reactivecql.schema.replication-factor must be at least 1, was "
                        + replicationFactor);
            }
        }
    }

    /** @param enabled start a real Cassandra node in a separate JVM, and stop it on shutdown */
    public record Embedded(boolean enabled) {
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
