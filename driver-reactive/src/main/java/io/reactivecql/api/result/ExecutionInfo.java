package io.reactivecql.api.result;

import io.reactivecql.api.statement.Statement;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How one request was executed: where, with which warnings, and how to go on. */
public interface ExecutionInfo {

    /** The statement executed. */
    Statement<?> statement();

    /** The node that coordinated the request. */
    InetSocketAddress coordinator();

    /** The warnings the server sent (empty when none). */
    List<String> warnings();

    /** The tracing id when tracing was asked for, else null. */
    UUID tracingId();

    /** The paging state to resume after this page ({@code Statement.withPagingState}), or null on the last page. */
    ByteBuffer pagingState();

    /** The custom payload the server sent (empty when none). */
    Map<String, ByteBuffer> customPayload();

    /**
     * Reads the trace of this request from {@code system_traces}, retrying while the server has not
     * finished writing it. Fails with {@link IllegalStateException} when tracing was not asked for.
     */
    Mono<QueryTrace> queryTrace();

    /**
     * How many times the request was sent again after an error, as the retry policy decided (on
     * the same or on another node), over all its executions.
     */
    default int retryCount() {
        return 0;
    }

    /** How many speculative executions the request started besides the first one. */
    default int speculativeExecutionCount() {
        return 0;
    }

    /**
     * The errors met before the successful answer, in order, each with the node it came from
     * (errors that moved the request to another node, retried errors, ignored ones).
     */
    default List<Map.Entry<InetSocketAddress, Throwable>> errors() {
        return List.of();
    }

    /**
     * For a schema-altering statement (its result is a schema change): whether every live node
     * reported the same schema version before the result was emitted, as checked on the
     * connection that carried the statement for at most {@code DriverConfig.schemaAgreementTimeout()}.
     * False when the check timed out (or was disabled with a zero timeout). Always true for other
     * statements.
     */
    default boolean isSchemaInAgreement() {
        return true;
    }
}
