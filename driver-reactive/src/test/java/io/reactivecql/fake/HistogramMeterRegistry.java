package io.reactivecql.fake;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A {@link SimpleMeterRegistry} whose timers keep percentile-histogram buckets, as the registries of
 * monitoring systems with aggregable percentiles (Prometheus...) do; the plain one drops them.
 */
public final class HistogramMeterRegistry extends SimpleMeterRegistry {

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
        return new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), true);
    }
}
