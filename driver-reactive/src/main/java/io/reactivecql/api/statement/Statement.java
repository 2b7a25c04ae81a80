package io.reactivecql.api.statement;

import io.reactivecql.protocol.ConsistencyLevel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

/**
 * Something the session can execute: a {@link SimpleStatement}, a {@link BoundStatement} or a
 * {@link BatchStatement}. Statements are immutable: every {@code with*} method returns a copy
 * (of the same type {@code S}), so one statement can be shared and executed concurrently.
 *
 * @param <S> the statement's own type
 */
public interface Statement<S extends Statement<S>> {

    /** The execution options (consistency, paging, timestamp, ...). */
    StatementOptions options();

    /** A copy with these options. */
    S withOptions(StatementOptions options);

    /** The consistency level, or null for the session's default. */
    default ConsistencyLevel consistency() {
        return options().consistency();
    }

    default S withConsistency(ConsistencyLevel level) {
        return withOptions(options().withConsistency(level));
    }

    /** The serial consistency level, or null for the session's default. */
    default ConsistencyLevel serialConsistency() {
        return options().serialConsistency();
    }

    default S withSerialConsistency(ConsistencyLevel level) {
        return withOptions(options().withSerialConsistency(level));
    }

    /** Rows per page, or {@link StatementOptions#NOT_SET}. */
    default int pageSize() {
        return options().pageSize();
    }

    default S withPageSize(int rows) {
        return withOptions(options().withPageSize(rows));
    }

    /** Where paging resumes, or null to start at the first page. */
    default ByteBuffer pagingState() {
        return options().pagingState();
    }

    /** A copy that resumes paging where {@code state} (an {@code ExecutionInfo.pagingState()}) left off. */
    default S withPagingState(ByteBuffer state) {
        return withOptions(options().withPagingState(state));
    }

    /** The write timestamp in microseconds, or {@link StatementOptions#NO_TIMESTAMP}. */
    default long timestamp() {
        return options().timestamp();
    }

    default S withTimestamp(long micros) {
        return withOptions(options().withTimestamp(micros));
    }

    /** Whether the statement is idempotent, or null for the session's default. */
    default Boolean idempotent() {
        return options().idempotent();
    }

    default S withIdempotent(boolean idempotent) {
        return withOptions(options().withIdempotent(idempotent));
    }

    /** Whether the server is asked to trace the request. */
    default boolean tracing() {
        return options().tracing();
    }

    default S withTracing(boolean tracing) {
        return withOptions(options().withTracing(tracing));
    }

    /** The custom payload sent with the request. */
    default Map<String, ByteBuffer> customPayload() {
        return options().customPayload();
    }

    default S withCustomPayload(Map<String, ByteBuffer> payload) {
        return withOptions(options().withCustomPayload(payload));
    }

    /** The request timeout, or null for the session's. */
    default Duration timeout() {
        return options().timeout();
    }

    default S withTimeout(Duration timeout) {
        return withOptions(options().withTimeout(timeout));
    }

    /**
     * The keyspace the statement runs in (protocol v5 only), or null for the session's. On v4 a
     * statement with a keyspace fails with {@link io.reactivecql.api.errors.UnsupportedFeatureException}.
     */
    default String keyspace() {
        return options().keyspace();
    }

    default S withKeyspace(String keyspace) {
        return withOptions(options().withKeyspace(keyspace));
    }

    /** The server's "now" in seconds (protocol v5 only), or {@link StatementOptions#NOT_SET}. */
    default int nowInSeconds() {
        return options().nowInSeconds();
    }

    default S withNowInSeconds(int seconds) {
        return withOptions(options().withNowInSeconds(seconds));
    }

    /** The execution profile name, or null. */
    default String executionProfileName() {
        return options().executionProfileName();
    }

    default S withExecutionProfileName(String name) {
        return withOptions(options().withExecutionProfileName(name));
    }
}
