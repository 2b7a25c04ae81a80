package io.reactivecql.api.observability;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in request logger writes through SLF4J. Requests are logged once each, when they
 * end: successful ones at DEBUG (never at INFO: that is the hot path), slow ones and failed ones at
 * WARN, on the logger {@code io.reactivecql.requests}; server warnings at WARN on
 * {@code io.reactivecql.warnings}, once per request. Nothing is formatted unless the line is
 * written. Immutable: every {@code with*} method returns a copy. Start from {@link #defaults()}.
 *
 * @param successEnabled    log successful requests (at DEBUG)
 * @param slowEnabled       log requests slower than {@code slowThreshold} (at WARN, instead of the
 *                          success line)
 * @param slowThreshold     the latency above which a request is slow
 * @param errorEnabled      log failed requests (at WARN; cancellations are not logged)
 * @param maxQueryLength    characters of the query text logged; longer text ends with "..."
 * @param showValues        log the bound values
 * @param maxValues         values logged at most; more end with "..."
 * @param maxValueLength    characters of one value logged; longer ones end with "..."
 * @param showStackTraces   log the failed request's stack trace (else the exception's message)
 * @param logServerWarnings log the warnings a node returns with an answer (once per request)
 * @param contextKeys       keys of the subscriber's Reactor {@code Context} copied into the SLF4J
 *                          MDC while a line is written (a tenant id, a trace id...)
 */
public record RequestLogOptions(boolean successEnabled, boolean slowEnabled, Duration slowThreshold,
                                boolean errorEnabled, int maxQueryLength, boolean showValues, int maxValues,
                                int maxValueLength, boolean showStackTraces, boolean logServerWarnings,
                                List<String> contextKeys) {

    private static final RequestLogOptions DEFAULTS = new RequestLogOptions(false, false, Duration.ofSeconds(1),
            false, 500, false, 50, 50, false, true, List.of());

    /** Checks every setting. */
    public RequestLogOptions {
        Objects.requireNonNull(slowThreshold, "slowThreshold");
        if (slowThreshold.isNegative() || slowThreshold.isZero()) {
            throw new IllegalArgumentException("slowThreshold must be positive, was " + slowThreshold);
        }
        if (maxQueryLength < 1) {
            throw new IllegalArgumentException("maxQueryLength must be positive, was " + maxQueryLength);
        }
        if (maxValues < 0) {
            throw new IllegalArgumentException("maxValues must not be negative, was " + maxValues);
        }
        if (maxValueLength < 1) {
            throw new IllegalArgumentException("maxValueLength must be positive, was " + maxValueLength);
        }
        contextKeys = List.copyOf(Objects.requireNonNull(contextKeys, "contextKeys"));
    }

    /**
     * Only server warnings are logged. When enabled: slow threshold 1 s, queries cut at 500
     * characters, no values (they may be sensitive; when shown, at most 50 of at most 50
     * characters), no stack traces.
     */
    public static RequestLogOptions defaults() {
        return DEFAULTS;
    }

    /** Whether any request (success, slow or error) is logged. */
    public boolean logsRequests() {
        return successEnabled || slowEnabled || errorEnabled;
    }

    /** Logs successful requests at DEBUG. */
    public RequestLogOptions withSuccess(boolean enabled) {
        return new RequestLogOptions(enabled, slowEnabled, slowThreshold, errorEnabled, maxQueryLength, showValues,
                maxValues, maxValueLength, showStackTraces, logServerWarnings, contextKeys);
    }

    /** Logs requests slower than {@code threshold} at WARN. */
    public RequestLogOptions withSlow(Duration threshold) {
        return new RequestLogOptions(successEnabled, true, threshold, errorEnabled, maxQueryLength, showValues,
                maxValues, maxValueLength, showStackTraces, logServerWarnings, contextKeys);
    }

    /** Turns the slow-request line on or off (the threshold stays). */
    public RequestLogOptions withSlowEnabled(boolean enabled) {
        return new RequestLogOptions(successEnabled, enabled, slowThreshold, errorEnabled, maxQueryLength,
                showValues, maxValues, maxValueLength, showStackTraces, logServerWarnings, contextKeys);
    }

    /** Logs failed requests at WARN. */
    public RequestLogOptions withErrors(boolean enabled) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, enabled, maxQueryLength, showValues,
                maxValues, maxValueLength, showStackTraces, logServerWarnings, contextKeys);
    }

    public RequestLogOptions withMaxQueryLength(int characters) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, errorEnabled, characters,
                showValues, maxValues, maxValueLength, showStackTraces, logServerWarnings, contextKeys);
    }

    /** Whether values are logged, how many at most, and how many characters of each. */
    public RequestLogOptions withValues(boolean show, int max, int maxLength) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, errorEnabled, maxQueryLength,
                show, max, maxLength, showStackTraces, logServerWarnings, contextKeys);
    }

    public RequestLogOptions withStackTraces(boolean show) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, errorEnabled, maxQueryLength,
                showValues, maxValues, maxValueLength, show, logServerWarnings, contextKeys);
    }

    public RequestLogOptions withServerWarnings(boolean log) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, errorEnabled, maxQueryLength,
                showValues, maxValues, maxValueLength, showStackTraces, log, contextKeys);
    }

    /** Reactor {@code Context} keys to copy into the MDC while a line is written. */
    public RequestLogOptions withContextKeys(List<String> keys) {
        return new RequestLogOptions(successEnabled, slowEnabled, slowThreshold, errorEnabled, maxQueryLength,
                showValues, maxValues, maxValueLength, showStackTraces, logServerWarnings, keys);
    }
}
