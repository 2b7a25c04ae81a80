package io.reactivecql.protocol.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataTypeClassNameParserTest {

    private static final String P = "org.apache.cassandra.db.marshal.";

    /**
     * Marshal class names and CQL forms as Cassandra 5.0.9 prints them for the same type
     * ({@code AbstractType.toString()} and {@code asCQL3Type()}). Note the space before the
     * dimension of vectors.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        P + "VectorType(" + P + "FloatType , 3)|vector<float, 3>",
        P + "VectorType(" + P + "FrozenType(" + P + "ListType(" + P + "Int32Type)) , 2)|vector<frozen<list<int>>, 2>",
        P + "FrozenType(" + P + "ListType(" + P + "SetType(" + P + "Int32Type)))|frozen<list<frozen<set<int>>>>",
        P + "ListType(" + P + "FrozenType(" + P + "SetType(" + P + "Int32Type)))|list<frozen<set<int>>>",
        P + "TupleType(" + P + "Int32Type," + P + "ListType(" + P + "UTF8Type))|frozen<tuple<int, frozen<list<text>>>>",
        P + "FrozenType(" + P + "MapType(" + P + "UTF8Type," + P + "ListType(" + P + "TupleType(" + P + "Int32Type,"
                + P + "VectorType(" + P + "FloatType , 3)))))"
                + "|frozen<map<text, frozen<list<frozen<tuple<int, vector<float, 3>>>>>>>",
        P + "ReversedType(" + P + "TimestampType)|timestamp",
        P + "VectorType(" + P + "VectorType(" + P + "FloatType , 2) , 2)|vector<vector<float, 2>, 2>",
        P + "MapType(" + P + "UTF8Type," + P + "FrozenType(" + P + "MapType(" + P + "UTF8Type," + P + "UTF8Type)))"
                + "|map<text, frozen<map<text, text>>>",
        P + "DurationType|duration"})
    void realMarshalNamesMatchTheirCqlForms(String className, String cql) {
        DataType type = DataTypeClassNameParser.parse(className);
        assertEquals(cql, type.asCql());
        assertEquals(DataTypeCqlParser.parse(cql), type);
    }

    @Test
    void userTypesHaveHexNames() {
        DataType frozen = DataTypeClassNameParser.parse(P + "FrozenType(" + P + "UserType(ks,61646472657373,"
                + "737472656574:" + P + "UTF8Type,5a6970:" + P + "Int32Type))");
        assertEquals(new UserDefinedType("ks", "address", List.of("street", "Zip"),
                List.of(PrimitiveType.VARCHAR, PrimitiveType.INT), true), frozen);
        assertEquals("frozen<address>", frozen.asCql());

        // a non-frozen UDT: Cassandra writes its frozen fields with FrozenType
        DataType multiCell = DataTypeClassNameParser.parse(P + "UserType(ks,4d7954797065,74616773:" + P
                + "FrozenType(" + P + "ListType(" + P + "UTF8Type)),6e:" + P + "Int32Type)");
        assertEquals(new UserDefinedType("ks", "MyType", List.of("tags", "n"),
                List.of(new ListType(PrimitiveType.VARCHAR, true), PrimitiveType.INT), false), multiCell);
        assertEquals("\"MyType\"", multiCell.asCql());

        DataType map = DataTypeClassNameParser.parse(P + "MapType(" + P + "UTF8Type," + P + "FrozenType(" + P
                + "UserType(ks,61646472657373,737472656574:" + P + "UTF8Type,5a6970:" + P + "Int32Type)))");
        assertEquals("map<text, frozen<address>>", map.asCql());

        // fields of a frozen UDT are frozen, though Cassandra writes no FrozenType inside it
        DataType nested = DataTypeClassNameParser.parse(P + "FrozenType(" + P + "UserType(ks,61,62:" + P
                + "ListType(" + P + "Int32Type)))");
        assertEquals(new UserDefinedType("ks", "a", List.of("b"), List.of(new ListType(PrimitiveType.INT, true)),
                true), nested);
    }

    @Test
    void primitivesWithAndWithoutThePackage() {
        String[][] names = {{"AsciiType", "ascii"}, {"LongType", "bigint"}, {"BytesType", "blob"},
            {"BooleanType", "boolean"}, {"CounterColumnType", "counter"}, {"DecimalType", "decimal"},
            {"DoubleType", "double"}, {"FloatType", "float"}, {"Int32Type", "int"}, {"TimestampType", "timestamp"},
            {"DateType", "timestamp"}, {"UUIDType", "uuid"}, {"UTF8Type", "text"}, {"IntegerType", "varint"},
            {"TimeUUIDType", "timeuuid"}, {"InetAddressType", "inet"}, {"SimpleDateType", "date"},
            {"TimeType", "time"}, {"ShortType", "smallint"}, {"ByteType", "tinyint"}, {"DurationType", "duration"}};
        for (String[] name : names) {
            assertEquals(name[1], DataTypeClassNameParser.parse(P + name[0]).asCql(), name[0]);
            assertEquals(name[1], DataTypeClassNameParser.parse(name[0]).asCql(), name[0]);
        }
    }

    @Test
    void unknownClassesAreCustom() {
        assertEquals(new CustomType("org.example.Foo"), DataTypeClassNameParser.parse("org.example.Foo"));
        String dynamic = P + "DynamicCompositeType(s=>" + P + "UTF8Type,i=>" + P + "Int32Type)";
        assertEquals(new CustomType(dynamic), DataTypeClassNameParser.parse(dynamic));
        assertEquals(new ListType(new CustomType("org.example.Foo"), false),
                DataTypeClassNameParser.parse(P + "ListType(org.example.Foo)"));
    }

    @Test
    void vectorsWriteBackTheirClassNames() {
        UserDefinedType address = new UserDefinedType("ks", "address", List.of("street"),
                List.of(PrimitiveType.VARCHAR), true);
        for (VectorType vector : List.of(new VectorType(PrimitiveType.FLOAT, 3),
                new VectorType(new ListType(PrimitiveType.INT, true), 2),
                new VectorType(new MapType(PrimitiveType.VARCHAR, new SetType(PrimitiveType.INT, true), true), 2),
                new VectorType(new VectorType(PrimitiveType.SMALLINT, 2), 4),
                new VectorType(new TupleType(List.of(PrimitiveType.INT, PrimitiveType.COUNTER)), 1),
                new VectorType(address, 1))) {
            String className = DataTypeClassNameParser.toClassName(vector);
            assertEquals(vector, DataTypeClassNameParser.parse(className), className);
        }
        assertEquals(P + "VectorType(" + P + "FloatType,3)",
                DataTypeClassNameParser.toClassName(new VectorType(PrimitiveType.FLOAT, 3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", P + "ListType(", P + "ListType()", P + "MapType(" + P + "Int32Type)",
        P + "VectorType(" + P + "FloatType)", P + "VectorType(" + P + "FloatType,x)",
        P + "VectorType(" + P + "FloatType,0)", P + "VectorType(3," + P + "FloatType)",
        P + "UserType(ks,zz,61:" + P + "Int32Type)", P + "UserType(ks,61,62)", P + "Int32Type)",
        P + "ListType(" + P + "Int32Type," + P + "Int32Type)", P + "FrozenType(" + P + "Int32Type"})
    void rejectsMalformedNames(String className) {
        assertThrows(IllegalArgumentException.class, () -> DataTypeClassNameParser.parse(className));
    }

    @Test
    void nestingIsBounded() {
        String deep = (P + "ListType(").repeat(100) + P + "Int32Type" + ")".repeat(100);
        assertThrows(IllegalArgumentException.class, () -> DataTypeClassNameParser.parse(deep));
    }
}
