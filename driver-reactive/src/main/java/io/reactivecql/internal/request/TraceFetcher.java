package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.Uuids;
import io.reactivecql.api.result.QueryTrace;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.protocol.ConsistencyLevel;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a query trace from {@code system_traces}. The server writes traces asynchronously, so a
 * session row without a duration (or no row yet) is read again, {@code traceAttempts} times
 * {@code traceInterval} apart (on Reactor's parallel scheduler: no thread sleeps).
 */
final class TraceFetcher {

    private static final String SESSION = "SELECT * FROM system_traces.sessions WHERE session_id = ?";
    private static final String EVENTS = "SELECT * FROM system_traces.events WHERE session_id = ?";

    private TraceFetcher() {
    }

    /** Thrown (and retried) while the trace is not complete. */
    private static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super(null, null, false, false);
        }
    }

    static Mono<QueryTrace> fetch(RequestHandler handler, UUID tracingId) {
        DriverConfig config = handler.context().config();
        SimpleStatement sessionQuery = SimpleStatement.of(SESSION, tracingId).withConsistency(ConsistencyLevel.ONE);
        SimpleStatement eventsQuery = SimpleStatement.of(EVENTS, tracingId).withConsistency(ConsistencyLevel.ONE);
        return Mono.defer(() -> new StatementExecution(handler, sessionQuery).firstPage())
                .flatMap(page -> {
                    Row row = page.one();
                    if (row == null || row.isNull("duration") || row.isNull("started_at")) {
                        return Mono.error(new Incomplete());
                    }
                    return events(handler, eventsQuery).map(events -> trace(tracingId, row, events));
                })
                .retryWhen(Retry.fixedDelay(config.traceAttempts() - 1, config.traceInterval())
                        .filter(Incomplete.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new IllegalStateException("the trace of "
                                + tracingId + " was still incomplete after " + config.traceAttempts()
                                + " attempts " + config.traceInterval().toMillis() + " ms apart")));
    }

    private static Mono<List<QueryTrace.TraceEvent>> events(RequestHandler handler, SimpleStatement query) {
        return Mono.defer(() -> new StatementExecution(handler, query).firstPage())
                .cast(ResultPage.class)
                .expand(page -> page.hasMorePages() ? page.next() : Mono.empty())
                .concatMapIterable(ResultPage::rows)
                .map(TraceFetcher::event)
                .collectList();
    }

    private static QueryTrace trace(UUID id, Row row, List<QueryTrace.TraceEvent> events) {
        Map<String, String> parameters = row.isNull("parameters") ? Map.of()
                : row.getMap("parameters", String.class, String.class);
        return new QueryTrace(id, row.getString("request"), row.getInt("duration"), row.getInetAddress("coordinator"),
                parameters, row.getInstant("started_at"), new ArrayList<>(events));
    }

    private static QueryTrace.TraceEvent event(Row row) {
        UUID eventId = row.getUuid("event_id");
        Instant at = Instant.ofEpochMilli(Uuids.unixTimestamp(eventId));
        return new QueryTrace.TraceEvent(row.getString("activity"), at, row.getInetAddress("source"),
                row.getInt("source_elapsed"), row.getString("thread"));
    }
}
