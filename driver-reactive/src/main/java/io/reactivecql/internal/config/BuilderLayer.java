package io.reactivecql.internal.config;

import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.protocol.ProtocolVersion;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a {@code SessionBuilder} says about the configuration: its typed settings (null or empty
 * when not set), which options its typed methods set ({@code explicit}: these win over every
 * other source), its {@code withOption} values, and the configuration sources it names.
 *
 * @param explicit        options set through typed builder methods ({@code withConfig},
 *                        {@code withRetryPolicy}, ...), which no other source overrides
 * @param options         values given to {@code withOption}
 * @param file            the configuration file, or null
 * @param resource        the configuration classpath resource, or null
 * @param resourceLoader  the class loader that reads {@code resource}
 * @param metrics         the builder's metrics choice (used when {@code withMetrics} set it)
 * @param requestLog      the builder's request logging (used when {@code withRequestLogging} set it)
 */
public record BuilderLayer(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                           AuthProvider authProvider, ProtocolVersion protocolVersion, Compression compression,
                           LoadBalancingPolicy loadBalancingPolicy, ReconnectionPolicy reconnectionPolicy,
                           DriverConfig config, Set<DriverOption> explicit, RequestPolicies policies,
                           DriverOptions options, Path file, String resource, ClassLoader resourceLoader,
                           MetricsOptions metrics, RequestLogOptions requestLog) {

    /** Copies the collections. */
    public BuilderLayer {
        contactPoints = List.copyOf(contactPoints);
        explicit = Set.copyOf(explicit);
    }
}
