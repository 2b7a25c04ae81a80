package io.reactivecql.api;

import io.reactivecql.protocol.ConsistencyLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a session that statements do not override themselves. Immutable: every
 * {@code with*} method returns a copy. Start from {@link #defaults()}.
 *
 * @param requestTimeout       how long one request (one page) may take before it fails with
 *                             {@link io.reactivecql.api.errors.OperationTimedOutException}
 * @param consistency          the consistency level of statements that set none
 * @param serialConsistency    the serial consistency of statements that set none
 * @param pageSize             rows per page of statements that set none
 * @param readAheadPages       how many pages a row {@code Flux} may fetch beyond the rows its
 *                             subscriber asked for: 0 fetches a page only when demand goes past the
 *                             rows received; 1 (the default) keeps one page in flight or buffered
 *                             ahead of demand
 * @param defaultIdempotence   whether statements that do not say are idempotent
 * @param connectionsPerNode   connections opened to each node the load-balancing policy ranks
 *                             {@link io.reactivecql.api.metadata.NodeDistance#LOCAL LOCAL}
 * @param connectTimeout       bound on opening one connection (TCP, TLS, startup, authentication)
 * @param heartbeatInterval    idle time after which a connection sends a heartbeat (zero disables)
 * @param maxRequestsPerConnection stream ids used per connection (1..32768)
 * @param maxQueuedRequests    requests a connection queues when every stream id is in use
 * @param traceAttempts        how many times {@code queryTrace()} reads system_traces before
 *                             giving up on an incomplete trace
 * @param traceInterval        the pause between those reads
 * @param remoteConnectionsPerNode connections opened to each node the load-balancing policy ranks
 *                             {@link io.reactivecql.api.metadata.NodeDistance#REMOTE REMOTE}
 * @param schemaAgreementTimeout how long a schema-altering statement's result waits for every
 *                             live node to report one schema version (checked on the connection
 *                             that carried the DDL); zero does not wait. The result's
 *                             {@link io.reactivecql.api.result.ExecutionInfo#isSchemaInAgreement()}
 *                             says whether agreement was reached
 * @param schemaAgreementInterval the pause between two schema version checks
 */
public record DriverConfig(Duration requestTimeout, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                           int pageSize, int readAheadPages, boolean defaultIdempotence, int connectionsPerNode,
                           Duration connectTimeout, Duration heartbeatInterval, int maxRequestsPerConnection,
                           int maxQueuedRequests, int traceAttempts, Duration traceInterval,
                           int remoteConnectionsPerNode, Duration schemaAgreementTimeout,
                           Duration schemaAgreementInterval) {

    private static final DriverConfig DEFAULTS = new DriverConfig(Duration.ofSeconds(10), ConsistencyLevel.LOCAL_ONE,
            ConsistencyLevel.SERIAL, 5000, 1, false, 1, Duration.ofSeconds(5), Duration.ofSeconds(30), 32768, 10_000,
            5, Duration.ofMillis(200), 1, Duration.ofSeconds(10), Duration.ofMillis(200));

    /** Checks every setting. */
    public DriverConfig {
        positive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(serialConsistency, "serialConsistency");
        if (!serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serialConsistency must be SERIAL or LOCAL_SERIAL, not "
                    + serialConsistency);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        if (readAheadPages < 0) {
            throw new IllegalArgumentException("readAheadPages must not be negative, was " + readAheadPages);
        }
        if (connectionsPerNode < 1) {
            throw new IllegalArgumentException("connectionsPerNode must be positive, was " + connectionsPerNode);
        }
        positive(connectTimeout, "connectTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (maxRequestsPerConnection < 1 || maxRequestsPerConnection > 32768) {
            throw new IllegalArgumentException("maxRequestsPerConnection must be in 1..32768, was "
                    + maxRequestsPerConnection);
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must not be negative, was " + maxQueuedRequests);
        }
        if (traceAttempts < 1) {
            throw new IllegalArgumentException("traceAttempts must be positive, was " + traceAttempts);
        }
        Objects.requireNonNull(traceInterval, "traceInterval");
        if (remoteConnectionsPerNode < 1) {
            throw new IllegalArgumentException("remoteConnectionsPerNode must be positive, was "
                    + remoteConnectionsPerNode);
        }
        Objects.requireNonNull(schemaAgreementTimeout, "schemaAgreementTimeout");
        if (schemaAgreementTimeout.isNegative()) {
            throw new IllegalArgumentException("schemaAgreementTimeout must not be negative, was "
                    + schemaAgreementTimeout);
        }
        positive(schemaAgreementInterval, "schemaAgreementInterval");
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }

    /**
     * Request timeout 10 s, consistency LOCAL_ONE, serial consistency SERIAL, 5000 rows per page,
     * one page of read-ahead, statements not idempotent, one connection per node, connect timeout
     * 5 s, heartbeat every 30 s, 32768 stream ids and 10000 queued requests per connection, query
     * traces read 5 times 200 ms apart, one connection per remote node, schema agreement awaited
     * for at most 10 s, checked every 200 ms.
     */
    public static DriverConfig defaults() {
        return DEFAULTS;
    }

    public DriverConfig withRequestTimeout(Duration timeout) {
        return new DriverConfig(timeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withConsistency(ConsistencyLevel level) {
        return new DriverConfig(requestTimeout, level, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withSerialConsistency(ConsistencyLevel level) {
        return new DriverConfig(requestTimeout, consistency, level, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withPageSize(int rows) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, rows, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withReadAheadPages(int pages) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, pages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withDefaultIdempotence(boolean idempotent) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                idempotent, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withConnectionsPerNode(int connections) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connections, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withConnectTimeout(Duration timeout) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, timeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withHeartbeatInterval(Duration interval) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, interval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withMaxRequestsPerConnection(int streamIds) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, streamIds,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withMaxQueuedRequests(int queued) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                queued, traceAttempts, traceInterval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withTraceRetrieval(int attempts, Duration interval) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, attempts, interval, remoteConnectionsPerNode,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    public DriverConfig withRemoteConnectionsPerNode(int connections) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, connections,
                schemaAgreementTimeout, schemaAgreementInterval);
    }

    /** How long DDL results wait for schema agreement (zero: not at all), and how often they check. */
    public DriverConfig withSchemaAgreement(Duration timeout, Duration interval) {
        return new DriverConfig(requestTimeout, consistency, serialConsistency, pageSize, readAheadPages,
                defaultIdempotence, connectionsPerNode, connectTimeout, heartbeatInterval, maxRequestsPerConnection,
                maxQueuedRequests, traceAttempts, traceInterval, remoteConnectionsPerNode, timeout, interval);
    }
}
