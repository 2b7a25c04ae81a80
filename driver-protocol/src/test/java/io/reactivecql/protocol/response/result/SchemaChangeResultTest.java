package io.reactivecql.protocol.response.result;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.event.SchemaChange.ChangeType;
import io.reactivecql.protocol.response.event.SchemaChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;

class SchemaChangeResultTest {

    private static final ResultCodec CODEC = new ResultCodec();

    // identical in v4 and v5; after the kind, the same body as a SCHEMA_CHANGE event
    private static final String TABLE_HEX = "00000005" // kind Schema_change
            + "0007 43524541544544"                     // change_type "CREATED"
            + "0005 5441424c45"                         // target "TABLE"
            + "0002 6b73"                               // keyspace "ks"
            + "0002 7462";                              // table "tb"

    private static final String FUNCTION_HEX = "00000005" // kind Schema_change
            + "0007 55504441544544"                        // change_type "UPDATED"
            + "0008 46554e4354494f4e"                      // target "FUNCTION"
            + "0002 6b73"                                  // keyspace "ks"
            + "0002 6676"                                  // function "fv"
            + "0001 0009 6c6973743c696e743e";              // argument types ["list<int>"]

    private static final String KEYSPACE_HEX = "00000005" // kind Schema_change
            + "0007 44524f50504544"                        // change_type "DROPPED"
            + "0008 4b45595350414345"                      // target "KEYSPACE"
            + "0002 6b73";                                 // keyspace "ks"

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void table(ProtocolVersion version) {
        assertRoundTrip(CODEC, new SchemaChangeResult(SchemaChange.table(ChangeType.CREATED, "ks", "tb")), version,
                TABLE_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void function(ProtocolVersion version) {
        assertRoundTrip(CODEC, new SchemaChangeResult(
                SchemaChange.function(ChangeType.UPDATED, "ks", "fv", List.of("list<int>"))), version, FUNCTION_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void keyspace(ProtocolVersion version) {
        assertRoundTrip(CODEC, new SchemaChangeResult(SchemaChange.keyspace(ChangeType.DROPPED, "ks")), version,
                KEYSPACE_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyTruncationFails(ProtocolVersion version) {
        CodecAssertions.assertEveryTruncationFails(CODEC, version, TABLE_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, version, FUNCTION_HEX);
        CodecAssertions.assertEveryTruncationFails(CODEC, version, KEYSPACE_HEX);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownTargetIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, "00000005 0007 43524541544544 0004 5649455f 0002 6b73",
                "unknown schema change target 'VIE_'");
    }
}
