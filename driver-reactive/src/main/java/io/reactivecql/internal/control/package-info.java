/**
 * Internal: the cluster client. {@link io.reactivecql.internal.control.ControlConnection} keeps one
 * connection REGISTERed for TOPOLOGY_CHANGE, STATUS_CHANGE and SCHEMA_CHANGE (re-opened on another
 * node when it dies) and discovers nodes from {@code system.local} and {@code system.peers_v2}
 * (or {@code system.peers}); {@link io.reactivecql.internal.control.ClusterState} holds the node
 * snapshot and emits {@link io.reactivecql.api.metadata.NodeStateEvent}s;
 * {@link io.reactivecql.internal.control.ClusterRuntime} ties them to the pools.
 *
 * <p>For the driver-schema module: {@link io.reactivecql.internal.control.ControlChannel} is the
 * seam to read system tables and to follow raw SCHEMA_CHANGE events; reach it from a session with
 * {@code ((ClusterRuntime.Holder) session).cluster().controlChannel()}, and plug a token map in
 * with {@link io.reactivecql.internal.control.ControlChannel#replicaLocator(io.reactivecql.api.routing.ReplicaLocator)}.
 * Public only for that and the session; not public API.
 */
package io.reactivecql.internal.control;
