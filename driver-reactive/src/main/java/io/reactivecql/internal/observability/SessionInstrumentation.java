package io.reactivecql.internal.observability;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.observability.micrometer.MicrometerMetrics;
import io.reactivecql.internal.observability.micrometer.MicrometerObservations;
import io.reactivecql.internal.request.SessionContext;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a session observes itself with, built from its builder: the tracker chain (metrics,
 * observation, request logger, server-warning logger, then the user's tracker), the byte counting
 * of its connections, and the meters' lifecycle. Without a registry and with the default logging,
 * the chain is the server-warning logger alone, which needs no per-request timing.
 *
 * <p>The Micrometer classes are referenced only in the branches taken when a registry was given.
 */
public final class SessionInstrumentation {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final String sessionName;
    private final RequestTracker tracker;
    /** Null without a meter registry or with every metric disabled. */
    private final MetricsBinding metrics;

    private SessionInstrumentation(String sessionName, RequestTracker tracker, MetricsBinding metrics) {
        this.sessionName = sessionName;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    /** The instrumentation {@code builder} asks for; {@code registry} decodes bound values for the log. */
    public static SessionInstrumentation create(SessionBuilder builder, CodecRegistry registry) {
        MetricsOptions metricsOptions = builder.metricsOptions();
        String name = metricsOptions.sessionName() != null ? metricsOptions.sessionName()
                : "s" + SESSIONS.getAndIncrement();
        List<RequestTracker> trackers = new ArrayList<>();
        MetricsBinding metrics = null;
        if (builder.meterRegistry() != null && metricsOptions.isEnabled()) {
            metrics = MicrometerMetrics.create(builder.meterRegistry(), metricsOptions, name,
                    builder.config().requestTimeout());
            if (metrics.tracker() != null) {
                trackers.add(metrics.tracker());
            }
        }
        if (builder.observationRegistry() != null) {
            trackers.add(MicrometerObservations.tracker(builder.observationRegistry(), name));
        }
        RequestLogOptions log = builder.requestLogOptions();
        StatementFormatter formatter = new StatementFormatter(log, registry);
        if (log.logsRequests()) {
            trackers.add(new RequestLogger(name, log, registry));
        }
        if (log.logServerWarnings()) {
            trackers.add(new ServerWarningLogger(name, formatter, new ContextMdc(log.contextKeys())));
        }
        if (builder.requestTracker() != null) {
            trackers.add(builder.requestTracker());
        }
        return new SessionInstrumentation(name, CompositeTracker.of(trackers), metrics);
    }

    /** The session's name (the {@code session} tag and the log lines' prefix). */
    public String sessionName() {
        return sessionName;
    }

    /** The session's tracker, or null for none. */
    public RequestTracker tracker() {
        return tracker;
    }

    /** {@code factory}, counting the bytes and failed attempts of each connection when metrics ask for it. */
    public ConnectionFactory instrument(ConnectionFactory factory) {
        MetricsBinding m = metrics;
        if (m == null) {
            return factory;
        }
        return new ConnectionFactory() {
            @Override
            public Mono<CqlTransport> connect(InetSocketAddress endpoint, ConnectionConfig config) {
                return factory.connect(endpoint, config.withTraffic(m.traffic(endpoint)))
                        .doOnError(e -> m.connectionFailed(endpoint, e));
            }

            @Override
            public Mono<Void> close() {
                return factory.close();
            }
        };
    }

    /**
     * The session opened on {@code cluster}: registers its meters. The returned {@code Disposable}
     * removes them; call it when the session closes.
     */
    public Disposable bind(ClusterRuntime cluster, SessionContext context) {
        MetricsBinding m = metrics;
        if (m == null) {
            return () -> { };
        }
        m.bind(cluster, context);
        return m::close;
    }
}
