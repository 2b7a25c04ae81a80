/**
 * CQL types and the codecs of their values: pure code, no I/O.
 *
 * <h2>Types</h2>
 * {@link io.reactivecql.protocol.types.DataType} and its implementations describe a CQL type.
 * Types come from three sources: result and prepared metadata ([option],
 * {@link io.reactivecql.protocol.types.DataTypeCodec}), Cassandra marshal class names as custom
 * types and vectors appear in metadata
 * ({@link io.reactivecql.protocol.types.DataTypeClassNameParser}), and CQL type strings as stored
 * in {@code system_schema} ({@link io.reactivecql.protocol.types.DataTypeCqlParser}). Only the
 * last carries frozen flags faithfully; frozenness never changes how values are serialized.
 *
 * <h2>Codecs</h2>
 * A {@link io.reactivecql.protocol.types.TypeCodec} converts one type's values between bytes
 * (section 5 of the native protocol spec) and Java objects.
 * {@link io.reactivecql.protocol.types.TypeCodecs} holds one constant per native type and builds
 * and caches the codecs of composite types ({@code codecFor(DataType)}); a registry with user
 * codecs builds on {@code TypeCodecs.build(type, componentLookup)}.
 *
 * <p>Hot paths: encoding writes straight into a netty {@code ByteBuf} with its [int] length
 * ({@code encodeValue}); decoding reads a slice of a byte array in place
 * ({@code decode(array, offset, length)}), so a rows page copied once into a heap array (or a
 * heap buffer's backing array) decodes cell by cell without further copies. The fixed-size numeric
 * codecs also have primitive paths ({@code IntCodec.decodeInt}, {@code BigIntCodec.encodeLong},
 * ...), and {@code VectorCodec.decodeFloats} reads float vectors without boxing. No reflection, no
 * regular expressions, no allocation beyond the values returned.
 *
 * <h2>Values</h2>
 * {@link io.reactivecql.protocol.types.CqlDuration}, {@link io.reactivecql.protocol.types.TupleValue},
 * {@link io.reactivecql.protocol.types.UdtValue} and {@link io.reactivecql.protocol.types.CqlVector}
 * are immutable with value equality.
 *
 * <h2>Errors</h2>
 * Malformed bytes throw {@link io.reactivecql.protocol.ProtocolException}; a Java value that cannot
 * be encoded throws {@link io.reactivecql.protocol.types.InvalidValueException}; a type without a
 * codec (an unresolved UDT) {@link io.reactivecql.protocol.types.CodecNotFoundException}; a bad
 * type string {@link java.lang.IllegalArgumentException} naming the position.
 */
package io.reactivecql.protocol.types;
