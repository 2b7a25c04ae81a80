package io.reactivecql.internal.observability;

import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.NodeMetric;
import io.reactivecql.api.observability.SessionMetric;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsOptionsTest {

    @Test
    void defaultsAreEverySessionMetricAndNoNodeMetric() {
        MetricsOptions defaults = MetricsOptions.defaults();
        assertEquals(EnumSet.allOf(SessionMetric.class), defaults.sessionMetrics());
        assertEquals(Set.of(), defaults.nodeMetrics());
        assertTrue(defaults.latencyHistogram());
        assertEquals(EnumSet.allOf(NodeMetric.class), MetricsOptions.all().nodeMetrics());
        assertFalse(MetricsOptions.none().isEnabled());
    }

    @Test
    void metricsAreChosenByTheirConfigurationNames() {
        MetricsOptions options = MetricsOptions.none()
                .withSessionMetricNames(List.of("cql-requests", " Bytes-Sent ", "throttling.queue-size"))
                .withNodeMetricNames(List.of("pool.in-flight", "errors"));
        assertEquals(EnumSet.of(SessionMetric.CQL_REQUESTS, SessionMetric.BYTES_SENT,
                SessionMetric.THROTTLING_QUEUE_SIZE), options.sessionMetrics());
        assertEquals(EnumSet.of(NodeMetric.POOL_IN_FLIGHT, NodeMetric.ERRORS), options.nodeMetrics());
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsOptions.defaults().withSessionMetricNames(List.of("cql-request")));
        assertTrue(e.getMessage().contains("'cql-request'") && e.getMessage().contains("cql-requests, cql-errors"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MetricsOptions.defaults().withNodeMetricNames(List.of("pool.size")));
        assertTrue(e.getMessage().contains("pool.open-connections"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricsOptions.defaults().withSessionName(" "));
        assertThrows(NullPointerException.class, () -> MetricsOptions.defaults().withSessionMetricNames(
                java.util.Arrays.asList("cql-requests", null)));
    }

    @Test
    void theMetricsPageListsEveryMetricWithItsTypeAndConfigurationName() throws java.io.IOException {
        List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "docs", "metrics.md"));
        for (SessionMetric m : SessionMetric.values()) {
            assertRow(rows, m.meterName(), m.type().name(), m.configName(), m.description());
        }
        for (NodeMetric m : NodeMetric.values()) {
            assertRow(rows, m.meterName(), m.type().name(), m.configName(), m.description());
        }
    }

    private static void assertRow(List<String> rows, String meter, String type, String config, String meaning) {
        String start = "| `" + meter + "` | " + type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " | ";
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(start) && r.contains(" | `" + config + "` | ")
                && r.contains(meaning)), "docs/metrics.md has no up-to-date row for " + meter);
    }

    @Test
    void everyMetricHasAUniqueMeterNameUnderThePrefix() {
        Set<String> names = new java.util.HashSet<>();
        for (SessionMetric m : SessionMetric.values()) {
            assertTrue(m.meterName().startsWith("reactivecql.") && names.add(m.meterName()), m.meterName());
            assertFalse(m.description().isBlank());
        }
        for (NodeMetric m : NodeMetric.values()) {
            assertTrue(m.meterName().startsWith("reactivecql.node.") && names.add(m.meterName()), m.meterName());
            assertFalse(m.description().isBlank());
        }
    }
}
