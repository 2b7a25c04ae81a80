package io.reactivecql.protocol.response.event;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.event.SchemaChange.ChangeType;
import io.reactivecql.protocol.response.event.SchemaChange.Target;
import io.reactivecql.protocol.response.result.CodecAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.reactivecql.protocol.MessageRoundTrip.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SCHEMA_CHANGE event for every target; its body is the one {@code SchemaChangeResultTest} also checks. */
class SchemaChangeEventTest {

    private static final EventCodec CODEC = new EventCodec();

    private static final String TYPE = "000d 534348454d415f4348414e4745"; // event type "SCHEMA_CHANGE"

    /** Each change with the body after the event type, identical in v4 and v5. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(SchemaChange.keyspace(ChangeType.CREATED, "ks"),
                        "0007 43524541544544"          // change_type "CREATED"
                        + "0008 4b45595350414345"     // target "KEYSPACE"
                        + "0002 6b73"),               // keyspace "ks" (nothing more for a keyspace)
                Arguments.of(SchemaChange.table(ChangeType.UPDATED, "ks", "tb"),
                        "0007 55504441544544"          // "UPDATED"
                        + "0005 5441424c45"           // "TABLE"
                        + "0002 6b73"                 // keyspace "ks"
                        + "0002 7462"),               // table "tb"
                Arguments.of(SchemaChange.type(ChangeType.DROPPED, "ks", "addr"),
                        "0007 44524f50504544"          // "DROPPED"
                        + "0004 54595045"             // "TYPE"
                        + "0002 6b73"                 // keyspace "ks"
                        + "0004 61646472"),           // type "addr"
                Arguments.of(SchemaChange.function(ChangeType.CREATED, "ks", "fv", List.of("int", "text")),
                        "0007 43524541544544"          // "CREATED"
                        + "0008 46554e4354494f4e"     // "FUNCTION"
                        + "0002 6b73"                 // keyspace "ks"
                        + "0002 6676"                 // function "fv"
                        + "0002 0003 696e74 0004 74657874"), // argument types ["int", "text"]
                Arguments.of(SchemaChange.aggregate(ChangeType.DROPPED, "ks", "ag", List.of()),
                        "0007 44524f50504544"          // "DROPPED"
                        + "0009 414747524547415445"   // "AGGREGATE"
                        + "0002 6b73"                 // keyspace "ks"
                        + "0002 6167"                 // aggregate "ag"
                        + "0000"));                   // no argument types
    }

    @ParameterizedTest
    @MethodSource("changes")
    void roundTrip(SchemaChange change, String body) {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            assertRoundTrip(CODEC, new SchemaChangeEvent(change), version, TYPE + body);
        }
    }

    @ParameterizedTest
    @MethodSource("changes")
    void everyTruncationFails(SchemaChange change, String body) {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            CodecAssertions.assertEveryTruncationFails(CODEC, version, TYPE + body);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownChangeTypeIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, TYPE + "0007 414c5445524544 0008 4b45595350414345 0002 6b73",
                "unknown schema change type 'ALTERED'");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownTargetIsRejected(ProtocolVersion version) {
        CodecAssertions.assertRejected(CODEC, version, TYPE + "0007 43524541544544 0005 494e444558 0002 6b73",
                "unknown schema change target 'INDEX'");
    }

    @Test
    void fieldsMustMatchTheTarget() {
        assertThrows(IllegalArgumentException.class,
                () -> new SchemaChange(ChangeType.CREATED, Target.KEYSPACE, "ks", "tb", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new SchemaChange(ChangeType.CREATED, Target.TABLE, "ks", "tb", List.of("int")));
    }
}
