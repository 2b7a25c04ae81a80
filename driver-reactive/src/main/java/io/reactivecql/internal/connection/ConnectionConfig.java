package io.reactivecql.internal.connection;

import io.netty.handler.ssl.SslContext;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.protocol.ProtocolVersion;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a connection needs to know to open and run. Built by the session from its configuration.
 *
 * @param protocolVersion     the version to use, or null to negotiate (v5 first, then v4 on a new
 *                            connection when the node refuses v5); a session may pass the version
 *                            its first connection negotiated to skip the refused attempt on others
 * @param compression         "lz4", "snappy" (v4 only: negotiation then goes straight to v4) or null
 * @param authProvider        answers the server's AUTHENTICATE, or null when none is configured
 * @param sslContext          client TLS context, or null for plain TCP
 * @param hostnameVerification whether TLS checks the server certificate against the host name (the
 *                            endpoint's host string: an IP address is checked against IP SANs);
 *                            overrides what the SslContext says
 * @param connectTimeout      bound on the whole attempt: TCP connect, TLS, STARTUP, SASL, REGISTER and
 *                            USE; also how long a heartbeat may stay unanswered
 * @param heartbeatInterval   read-idle time after which an OPTIONS heartbeat is sent (zero disables);
 *                            a heartbeat failed or unanswered within connectTimeout closes the connection
 * @param maxStreamIds        stream ids used per connection (1..32768); more than a quarter of them
 *                            orphaned (cancelled, never answered) closes the connection
 * @param maxQueuedRequests   requests waiting for a free stream id before BusyConnectionException
 * @param keyspace            keyspace to USE once ready (internal, case-sensitive form; quoted as
 *                            needed), or null
 * @param eventTypes          event types to REGISTER for (control connection), empty for none
 * @param driverName          DRIVER_NAME sent in STARTUP
 * @param driverVersion       DRIVER_VERSION sent in STARTUP
 * @param traffic             counts the bytes written and read ({@link TrafficCounter#NONE} when metrics are off)
 */
public record ConnectionConfig(ProtocolVersion protocolVersion, String compression, AuthProvider authProvider,
                               SslContext sslContext, boolean hostnameVerification, Duration connectTimeout,
                               Duration heartbeatInterval, int maxStreamIds, int maxQueuedRequests, String keyspace,
                               List<String> eventTypes, String driverName, String driverVersion,
                               TrafficCounter traffic) {

    public static final int MAX_STREAM_IDS = 32768;

    public ConnectionConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        eventTypes = List.copyOf(eventTypes);
        traffic = traffic == null ? TrafficCounter.NONE : traffic;
        if (maxStreamIds < 1 || maxStreamIds > MAX_STREAM_IDS) {
            throw new IllegalArgumentException("maxStreamIds must be in 1.." + MAX_STREAM_IDS + ", was " + maxStreamIds);
        }
        if (maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxQueuedRequests must be >= 0, was " + maxQueuedRequests);
        }
        if (compression != null && !compression.equals("lz4") && !compression.equals("snappy")) {
            throw new IllegalArgumentException("compression must be lz4, snappy or null, was " + compression);
        }
    }

    /** Settings whose bytes nobody counts. */
    public ConnectionConfig(ProtocolVersion protocolVersion, String compression, AuthProvider authProvider,
                            SslContext sslContext, boolean hostnameVerification, Duration connectTimeout,
                            Duration heartbeatInterval, int maxStreamIds, int maxQueuedRequests, String keyspace,
                            List<String> eventTypes, String driverName, String driverVersion) {
        this(protocolVersion, compression, authProvider, sslContext, hostnameVerification, connectTimeout,
                heartbeatInterval, maxStreamIds, maxQueuedRequests, keyspace, eventTypes, driverName, driverVersion,
                TrafficCounter.NONE);
    }

    /** These settings, with the bytes counted by {@code counter}. */
    public ConnectionConfig withTraffic(TrafficCounter counter) {
        return new ConnectionConfig(protocolVersion, compression, authProvider, sslContext, hostnameVerification,
                connectTimeout, heartbeatInterval, maxStreamIds, maxQueuedRequests, keyspace, eventTypes, driverName,
                driverVersion, counter);
    }

    /** Defaults: negotiate the version, no compression, no auth, no TLS, 5 s connect, 30 s heartbeat. */
    public static ConnectionConfig defaults() {
        return new ConnectionConfig(null, null, null, null, true, Duration.ofSeconds(5), Duration.ofSeconds(30),
                MAX_STREAM_IDS, 10_000, null, List.of(), "ReactiveCQL", "0.1.0-SNAPSHOT");
    }
}
