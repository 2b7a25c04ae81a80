package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lead's [option] reader and writer (section 4.2.5.2). */
class DataTypeCodecTest {

    private static void assertOption(DataType type, String hex) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            DataTypeCodec.write(type, out);
            Bytes.assertBytes(hex, out);
            assertEquals(type, DataTypeCodec.read(out));
            assertFalse(out.isReadable());
        } finally {
            out.release();
        }
    }

    private static DataType read(String hex) {
        ByteBuf in = Bytes.fromHex(hex);
        try {
            return DataTypeCodec.read(in);
        } finally {
            in.release();
        }
    }

    private static String string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return String.format("%04x", bytes.length) + ByteBufUtil.hexDump(bytes);
    }

    @Test
    void primitivesAreTheirIds() {
        for (PrimitiveType type : PrimitiveType.values()) {
            assertOption(type, String.format("%04x", type.protocolCode()));
        }
        assertEquals(PrimitiveType.VARCHAR, read("000d"));
    }

    @Test
    void collectionsTuplesAndUdts() {
        assertOption(new ListType(PrimitiveType.INT, false), "0020 0009");
        assertOption(new SetType(PrimitiveType.VARCHAR, false), "0022 000d");
        assertOption(new MapType(PrimitiveType.VARCHAR, new ListType(PrimitiveType.BIGINT, false), false),
                "0021 000d 0020 0002");
        assertOption(new TupleType(List.of(PrimitiveType.INT, PrimitiveType.VARCHAR)), "0031 0002 0009 000d");
        assertOption(new UserDefinedType("ks", "address", List.of("street", "Zip"),
                List.of(PrimitiveType.VARCHAR, PrimitiveType.INT), true),
                "0030 0002 6b73 0007 61646472657373 0002 0006 737472656574 000d 0003 5a6970 0009");
        // [option] carries no frozen flag: a frozen list reads back as a plain one of the same shape
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            DataTypeCodec.write(new ListType(PrimitiveType.INT, true), out);
            assertEquals(new ListType(PrimitiveType.INT, false), DataTypeCodec.read(out));
        } finally {
            out.release();
        }
    }

    @Test
    void vectorsAndCustomTypesAreClassNames() {
        String vectorClass = "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,3)";
        assertOption(new VectorType(PrimitiveType.FLOAT, 3), "0000" + string(vectorClass));
        // as Cassandra 5.0 sends it, with a space before the dimension
        assertEquals(new VectorType(PrimitiveType.FLOAT, 3), read("0000" + string(
                "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType , 3)")));
        assertOption(new CustomType("org.example.Custom"), "0000" + string("org.example.Custom"));
        assertOption(new ListType(new VectorType(PrimitiveType.INT, 2), false), "0020 0000" + string(
                "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.Int32Type,2)"));
    }

    @Test
    void malformedOptions() {
        assertThrows(ProtocolException.class, () -> read("0016"));              // unknown id
        assertThrows(ProtocolException.class, () -> read("000a"));              // the unused id 0x0A
        assertThrows(ProtocolException.class, () -> read("00"));                // truncated id
        assertThrows(ProtocolException.class, () -> read("0020"));              // list without element
        assertThrows(ProtocolException.class, () -> read("0031 ffff 0009"));    // more components than bytes
        assertThrows(ProtocolException.class, () -> read("0030 0002 6b73 0001 61 ffff"));
        assertThrows(ProtocolException.class, () -> read("0000 0005 6162"));    // truncated class name
        assertThrows(ProtocolException.class, () -> read("0000" + string(
                "org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,0)")));
        assertThrows(ProtocolException.class, () -> read("0020".repeat(100) + "0009"));   // too deep
    }
}
