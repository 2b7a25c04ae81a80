/**
 * Internal: connection pools. {@link io.reactivecql.internal.pool.ConnectionPool} is what the
 * request path borrows connections from; {@link io.reactivecql.internal.pool.NodePool} keeps a
 * fixed number of connections to one node and reopens closed ones;
 * {@link io.reactivecql.internal.pool.PoolManager} keeps one pool per node sized by its distance,
 * marks nodes down and reconnects them; {@link io.reactivecql.internal.pool.ClusterPlanner} turns
 * load-balancing plans into pools. Public only for the session; not public API.
 */
package io.reactivecql.internal.pool;
