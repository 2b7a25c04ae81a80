package io.reactivecql.internal.observability.micrometer;

import io.micrometer.observation.ObservationRegistry;
import io.reactivecql.api.RequestTracker;

/** Entry point to the observations; only {@code micrometer-observation} is needed for it. */
public final class MicrometerObservations {

    private MicrometerObservations() {
    }

    /**
     * The tracker that makes each request an observation.
     *
     * @param observationRegistry an {@code ObservationRegistry} (checked by the builder)
     * @param session             the session's name
     */
    public static RequestTracker tracker(Object observationRegistry, String session) {
        return new ObservationTracker((ObservationRegistry) observationRegistry, session);
    }
}
