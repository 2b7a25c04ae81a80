/**
 * Compression of message bytes: {@link io.reactivecql.protocol.compression.Compressor} and its two
 * protocol v4 body formats ({@link io.reactivecql.protocol.compression.Lz4Compressor},
 * {@link io.reactivecql.protocol.compression.SnappyCompressor}), and
 * {@link io.reactivecql.protocol.compression.Lz4Block}, the raw LZ4 block codec over netty buffers
 * that both the v4 body format and the v5 LZ4 frames ({@code io.reactivecql.protocol.frame}) use.
 *
 * <p>Decompression reads untrusted bytes: every declared size is checked against the caller's limit
 * and against what the compressed input could possibly expand to before anything is allocated, and
 * every library failure surfaces as a {@link io.reactivecql.protocol.ProtocolException}.
 */
package io.reactivecql.protocol.compression;
