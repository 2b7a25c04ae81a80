/**
 * Internal: connections on reactor-netty. Not public API.
 *
 * <ul>
 *   <li>{@link io.reactivecql.internal.connection.CqlTransport}: the seam the session layer is
 *       written (and unit-tested) against; {@link io.reactivecql.internal.connection.ConnectionFactory}
 *       opens them, {@link io.reactivecql.internal.connection.ReactorNettyConnectionFactory} on
 *       reactor-netty.</li>
 *   <li>{@code InFlightHandler}: stream ids, the in-flight table, the bounded wait queue, orphans and
 *       coalesced writes, all confined to the channel's event loop, hence lock-free.</li>
 *   <li>{@code EnvelopeDecoder} and {@code WireFormat}: envelopes, v4 body compression, v5 outer
 *       frames from the answer to STARTUP on.</li>
 *   <li>{@code StartupFlow}, {@code RegisterFlow}: OPTIONS, STARTUP, SASL, REGISTER, USE.</li>
 *   <li>{@code HeartbeatHandler}: OPTIONS on a read-idle connection.</li>
 * </ul>
 *
 * <p>Threads: everything per connection runs on its event loop; other threads only hand it tasks
 * ({@code send}, cancel, {@code close}) and read volatile counters ({@code inFlight}).
 */
package io.reactivecql.internal.connection;
