package io.reactivecql.internal.config;

import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.protocol.ProtocolVersion;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The settings a session opens with, every source applied in order of precedence.
 *
 * @param options every option's resolved value (reference, resource, file, system properties,
 *                {@code withOption}), before the builder's typed settings
 * @param authProvider    null when none is configured
 * @param protocolVersion null to negotiate
 */
public record Resolution(DriverOptions options, List<InetSocketAddress> contactPoints, String localDatacenter,
                         String keyspace, AuthProvider authProvider, ProtocolVersion protocolVersion,
                         Compression compression, LoadBalancingPolicy loadBalancingPolicy,
                         ReconnectionPolicy reconnectionPolicy, DriverConfig config, RequestPolicies policies,
                         MetricsOptions metrics, RequestLogOptions requestLog) {
}
