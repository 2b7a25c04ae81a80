/**
 * Internal: connections on reactor-netty. Stream ids, the in-flight table and write coalescing
 * live on each connection's event loop; {@link io.reactivecql.internal.connection.CqlTransport}
 * is the seam the session layer is written (and unit-tested) against. Not public API.
 */
package io.reactivecql.internal.connection;
