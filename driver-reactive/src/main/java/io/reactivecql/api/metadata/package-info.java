/**
 * Public API: the cluster as the driver sees it. {@link io.reactivecql.api.metadata.Node} snapshots
 * (immutable), their {@link io.reactivecql.api.metadata.NodeState state} and
 * {@link io.reactivecql.api.metadata.NodeDistance distance}, the
 * {@link io.reactivecql.api.metadata.NodeStateEvent events} a session emits when nodes are added,
 * removed, go down or come back, and the {@link io.reactivecql.api.metadata.AddressTranslator} seam.
 */
package io.reactivecql.api.metadata;
