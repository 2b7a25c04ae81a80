/**
 * Internal: connection pools. {@link io.reactivecql.internal.pool.ConnectionPool} is what the
 * request path borrows connections from; {@link io.reactivecql.internal.pool.NodePool} keeps a
 * fixed number of connections to one node and reopens closed ones. Not public API.
 */
package io.reactivecql.internal.pool;
