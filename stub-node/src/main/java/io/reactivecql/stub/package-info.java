/**
 * A scripted stub Cassandra node for tests: a small netty server that speaks the native protocol
 * (v4, and v5 with its outer frames) through driver-protocol's codecs and answers as a script
 * says, producing on demand the faults a real Cassandra will not.
 *
 * <ul>
 *   <li>{@link io.reactivecql.stub.StubNode}: one node; {@link io.reactivecql.stub.StubCluster}:
 *       several on 127.0.0.1..N describing each other in their system tables.</li>
 *   <li>{@link io.reactivecql.stub.Script}, {@link io.reactivecql.stub.PrimeBuilder},
 *       {@link io.reactivecql.stub.RequestMatcher}: which requests get which
 *       {@link io.reactivecql.stub.Reply} (rows with paging, any server error, silence, a dropped
 *       connection...), after what delay, how many times; a {@link io.reactivecql.stub.Fault}
 *       damages an answer on the wire (torn frame, bad CRC, unknown opcode, oversized length).</li>
 *   <li>{@link io.reactivecql.stub.Rows}: result columns and rows of Java values.</li>
 *   <li>{@link io.reactivecql.stub.Activity}: what the node saw, with blocking waits for tests.</li>
 * </ul>
 *
 * Nothing here blocks an event loop; the methods that wait are meant for test threads. Test
 * scope only: nothing in this package ships with the driver.
 */
package io.reactivecql.stub;
