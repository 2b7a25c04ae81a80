/**
 * Public API: the seam through which token-aware routing learns which nodes own a partition.
 * The driver computes routing keys; a {@link io.reactivecql.api.routing.ReplicaLocator} (the
 * driver-schema module's token map, or a user's) maps them to replicas.
 */
package io.reactivecql.api.routing;
