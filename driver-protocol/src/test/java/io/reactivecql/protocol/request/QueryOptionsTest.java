package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.reactivecql.protocol.ProtocolVersion.V4;
import static io.reactivecql.protocol.ProtocolVersion.V5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link QueryOptions}: defaults, argument checks, equality, and the codec on its own. */
class QueryOptionsTest {

    @Test
    void defaults() {
        QueryOptions o = QueryOptions.DEFAULT;
        assertEquals(ConsistencyLevel.ONE, o.consistency());
        assertEquals(List.of(), o.values());
        assertEquals(List.of(), o.names());
        assertFalse(o.skipMetadata());
        assertFalse(o.hasPageSize());
        assertEquals(null, o.pagingState());
        assertEquals(null, o.serialConsistency());
        assertFalse(o.hasDefaultTimestamp());
        assertEquals(null, o.keyspace());
        assertFalse(o.hasNowInSeconds());
        assertEquals(0, QueryOptionsCodec.flags(o, V4));
    }

    @Test
    void flagsOfEveryOption() {
        QueryOptions all = QueryOptions.builder()
                .namedValues(List.of("a"), List.of(ByteBuffer.allocate(0)))
                .skipMetadata(true).pageSize(1).pagingState(ByteBuffer.allocate(0))
                .serialConsistency(ConsistencyLevel.SERIAL).defaultTimestamp(0).keyspace("k").nowInSeconds(0)
                .build();
        assertEquals(QueryFlags.V5_MASK, QueryOptionsCodec.flags(all, V5));
        QueryOptions v4 = all.toBuilder().keyspace(null).nowInSeconds(QueryOptions.NO_NOW_IN_SECONDS).build();
        assertEquals(QueryFlags.V4_MASK, QueryOptionsCodec.flags(v4, V4));
    }

    @Test
    void codecAlone() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            QueryOptions options = QueryOptions.builder().consistency(ConsistencyLevel.LOCAL_ONE).pageSize(10).build();
            QueryOptionsCodec.encode(options, out, V5);
            Bytes.assertBytes(""
                    + "000a"        // <consistency> LOCAL_ONE
                    + "00000004"    // <flags> page size
                    + "0000000a",   // <result_page_size> 10
                    out);
            assertEquals(options, QueryOptionsCodec.decode(out, V5, "QUERY"));
            assertFalse(out.isReadable());
        } finally {
            out.release();
        }
    }

    @Test
    void codecAloneRestoresWriterIndexOnFailure() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            QueryOptions options = QueryOptions.builder().keyspace("ks").build();
            assertThrows(IllegalArgumentException.class, () -> QueryOptionsCodec.encode(options, out, V4));
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void pageSizeOfZeroOrLessMeansNone() {
        assertEquals(QueryOptions.NO_PAGE_SIZE, QueryOptions.builder().pageSize(0).build().pageSize());
        assertEquals(QueryOptions.NO_PAGE_SIZE, QueryOptions.builder().pageSize(-5).build().pageSize());
        assertEquals(QueryOptions.DEFAULT, QueryOptions.builder().pageSize(0).build());
    }

    @Test
    void argumentsAreChecked() {
        IllegalArgumentException serial = assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.builder().serialConsistency(ConsistencyLevel.QUORUM).build());
        assertTrue(serial.getMessage().contains("serialConsistency"), serial.getMessage());
        IllegalArgumentException timestamp = assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.builder().defaultTimestamp(-1).build());
        assertTrue(timestamp.getMessage().contains("defaultTimestamp"), timestamp.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryOptions.builder().keyspace("").build());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.builder().namedValues(List.of("a", "b"), List.of(ByteBuffer.allocate(1))).build());
        assertTrue(names.getMessage().contains("names"), names.getMessage());
        assertThrows(NullPointerException.class,
                () -> QueryOptions.builder().namedValues(Arrays.asList((String) null), List.of(ByteBuffer.allocate(1))).build());
        assertThrows(NullPointerException.class, () -> QueryOptions.builder().consistency(null));
        List<ByteBuffer> tooMany = Collections.nCopies(65_536, null);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.builder().values(tooMany).build());
        assertTrue(count.getMessage().contains("65536"), count.getMessage());
    }

    @Test
    void valuesAreCopiedAndUnmodifiable() {
        List<ByteBuffer> values = new ArrayList<>(List.of(ByteBuffer.allocate(1)));
        QueryOptions options = QueryOptions.builder().values(values).build();
        values.add(null);
        assertEquals(1, options.values().size());
        assertThrows(UnsupportedOperationException.class, () -> options.values().add(null));
    }

    @Test
    void equalityTellsUnsetFromEmpty() {
        QueryOptions unset = QueryOptions.of(ConsistencyLevel.ONE, Primitives.UNSET);
        QueryOptions empty = QueryOptions.of(ConsistencyLevel.ONE, ByteBuffer.allocate(0));
        QueryOptions nullValue = QueryOptions.of(ConsistencyLevel.ONE, (ByteBuffer) null);
        assertNotEquals(unset, empty);
        assertNotEquals(empty, unset);
        assertNotEquals(nullValue, empty);
        assertEquals(unset, QueryOptions.of(ConsistencyLevel.ONE, Primitives.UNSET));
        assertEquals(unset.hashCode(), QueryOptions.of(ConsistencyLevel.ONE, Primitives.UNSET).hashCode());
        assertEquals(empty, QueryOptions.of(ConsistencyLevel.ONE, ByteBuffer.wrap(new byte[0])));
    }

    @Test
    void namedValuesFromAMapKeepItsOrder() {
        Map<String, ByteBuffer> map = new LinkedHashMap<>();
        map.put("z", ByteBuffer.allocate(1));
        map.put("a", null);
        QueryOptions options = QueryOptions.builder().namedValues(map).build();
        assertEquals(List.of("z", "a"), options.names());
        assertTrue(options.hasNamedValues());
        // positional values replace named ones
        assertFalse(options.toBuilder().values(ByteBuffer.allocate(1)).build().hasNamedValues());
    }

    @Test
    void decodeNamesWhatItReads() {
        ProtocolException e = MalformedInput.assertRejected(new ExecuteCodec(), V4, "0000" + "0001" + "01" + "0001");
        assertTrue(e.getMessage().contains("EXECUTE value"), e.getMessage());
        assertTrue(e.getMessage().contains("at byte"), e.getMessage());
    }
}
