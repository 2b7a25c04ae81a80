package io.reactivecql.internal.result;

import io.reactivecql.api.result.ExecutionInfo;
import io.reactivecql.api.result.QueryTrace;
import io.reactivecql.api.statement.Statement;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The execution info of one page. */
public record DefaultExecutionInfo(Statement<?> statement, InetSocketAddress coordinator, List<String> warnings,
                                   UUID tracingId, ByteBuffer pagingState, Map<String, ByteBuffer> customPayload,
                                   Function<UUID, Mono<QueryTrace>> traces, int retryCount,
                                   int speculativeExecutionCount, List<Map.Entry<InetSocketAddress, Throwable>> errors,
                                   boolean schemaInAgreement)
        implements ExecutionInfo {

    /** Copies the error list. */
    public DefaultExecutionInfo {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The info of a request sent once. */
    public DefaultExecutionInfo(Statement<?> statement, InetSocketAddress coordinator, List<String> warnings,
                                UUID tracingId, ByteBuffer pagingState, Map<String, ByteBuffer> customPayload,
                                Function<UUID, Mono<QueryTrace>> traces) {
        this(statement, coordinator, warnings, tracingId, pagingState, customPayload, traces, 0, 0, List.of(), true);
    }

    @Override
    public ByteBuffer pagingState() {
        return pagingState == null ? null : pagingState.asReadOnlyBuffer();
    }

    @Override
    public boolean isSchemaInAgreement() {
        return schemaInAgreement;
    }

    @Override
    public Mono<QueryTrace> queryTrace() {
        if (tracingId == null) {
            return Mono.error(new IllegalStateException("the request was not traced: execute the statement "
                    + "withTracing(true)"));
        }
        return traces.apply(tracingId);
    }

    @Override
    public String toString() {
        return "ExecutionInfo[coordinator=" + coordinator + ", warnings=" + warnings + ", tracingId=" + tracingId
                + ", morePages=" + (pagingState != null) + ", retries=" + retryCount + ", speculativeExecutions="
                + speculativeExecutionCount + ", errors=" + errors.size()
                + (schemaInAgreement ? "" : ", schemaInAgreement=false") + "]";
    }
}
