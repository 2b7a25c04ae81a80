package io.reactivecql.api.result;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server-side trace of one request, read from {@code system_traces.sessions} and
 * {@code system_traces.events}.
 *
 * @param tracingId      the tracing id (the session id of system_traces)
 * @param requestType    e.g. "Execute CQL3 query"
 * @param durationMicros the time the coordinator spent, in microseconds
 * @param coordinator    the coordinator's address
 * @param parameters     the request parameters the server recorded (query, consistency, ...)
 * @param startedAt      when the coordinator started the request
 * @param events         what happened, in order
 */
public record QueryTrace(UUID tracingId, String requestType, int durationMicros, InetAddress coordinator,
                         Map<String, String> parameters, Instant startedAt, List<TraceEvent> events) {

    public QueryTrace {
        parameters = Map.copyOf(parameters);
        events = List.copyOf(events);
    }

    /**
     * One event of a trace.
     *
     * @param activity            what happened
     * @param timestamp           when
     * @param source              the node where it happened
     * @param sourceElapsedMicros microseconds since the request reached that node
     * @param threadName          the server thread
     */
    public record TraceEvent(String activity, Instant timestamp, InetAddress source, int sourceElapsedMicros,
                             String threadName) {
    }
}
