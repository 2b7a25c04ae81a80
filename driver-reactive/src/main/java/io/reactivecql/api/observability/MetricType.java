package io.reactivecql.api.observability;

/** The kind of Micrometer meter a metric is published as. */
public enum MetricType {
    /** A {@code Timer}: count, total time, max, and (when enabled) a percentile histogram. */
    TIMER,
    /** A {@code Counter}, incremented by the driver. */
    COUNTER,
    /** A {@code FunctionCounter}: a monotonic count the driver keeps and Micrometer reads. */
    FUNCTION_COUNTER,
    /** A {@code Gauge}: a current value, read when the registry publishes. */
    GAUGE
}
