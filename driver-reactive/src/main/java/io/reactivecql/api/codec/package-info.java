/**
 * Public API: the {@link io.reactivecql.api.codec.CodecRegistry} that maps CQL types to Java types,
 * with user {@link io.reactivecql.protocol.types.TypeCodec}s pluggable.
 */
package io.reactivecql.api.codec;
