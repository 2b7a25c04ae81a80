/**
 * The outer frames of protocol v5 (section 2 of the v5 spec): after the STARTUP handshake, every
 * envelope travels inside CRC-protected frames of at most 128 KiB - 1 payload bytes, optionally
 * LZ4-compressed.
 *
 * <ul>
 *   <li>{@link io.reactivecql.protocol.frame.FrameEncoder} packs whole envelopes into
 *       self-contained frames and splits an envelope too large for one frame across several.</li>
 *   <li>{@link io.reactivecql.protocol.frame.FrameDecoder} is fed the byte stream in chunks of any
 *       size and hands out the bytes of each complete envelope, for
 *       {@link io.reactivecql.protocol.EnvelopeCodec#decode}.</li>
 *   <li>{@link io.reactivecql.protocol.frame.Crc24} and {@link io.reactivecql.protocol.frame.Crc32}
 *       are the header and payload checksums, as Cassandra computes them.</li>
 * </ul>
 *
 * Pure codecs over netty buffers: no channel, no I/O, no threads. Buffer ownership follows netty's
 * rule, spelled out on each method: whoever receives a buffer releases it.
 */
package io.reactivecql.protocol.frame;
