package io.reactivecql.protocol.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTypeCqlParserTest {

    /**
     * Type strings as Cassandra 5.0 writes them in {@code system_schema.columns.type} (the nested
     * ones printed by Cassandra 5.0.9's {@code AbstractType.asCQL3Type()}): asCql() gives them back
     * exactly.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "ascii", "bigint", "blob", "boolean", "counter", "date", "decimal", "double", "duration", "float", "inet",
        "int", "smallint", "text", "time", "timestamp", "timeuuid", "tinyint", "uuid", "varint",
        "list<text>", "set<uuid>", "map<text, text>", "frozen<list<text>>", "frozen<set<int>>",
        "map<text, frozen<map<text, text>>>", "list<frozen<set<int>>>", "frozen<list<frozen<set<int>>>>",
        "frozen<tuple<int, frozen<list<text>>>>", "map<uuid, frozen<tuple<uuid, int>>>",
        "vector<float, 3>", "vector<frozen<list<int>>, 2>", "vector<vector<float, 2>, 2>",
        "frozen<map<text, frozen<list<frozen<tuple<int, vector<float, 3>>>>>>>",
        "address", "frozen<address>", "\"MyType\"", "map<text, frozen<address>>", "list<frozen<\"MyType\">>",
        "'org.apache.cassandra.db.marshal.DynamicCompositeType(s=>org.apache.cassandra.db.marshal.UTF8Type)'",
        "'org.apache.cassandra.db.marshal.EmptyType'"})
    void realSchemaStringsRoundTripExactly(String cql) {
        DataType type = DataTypeCqlParser.parse(cql, "ks");
        assertEquals(cql, type.asCql());
        assertEquals(type, DataTypeCqlParser.parse(type.asCql(), "ks"));
    }

    @Test
    void nativeTypes() {
        assertEquals(PrimitiveType.VARCHAR, DataTypeCqlParser.parse("varchar"));
        assertEquals(PrimitiveType.VARCHAR, DataTypeCqlParser.parse("TEXT"));
        assertEquals(PrimitiveType.TIMEUUID, DataTypeCqlParser.parse(" TimeUUID "));
        assertEquals("text", DataTypeCqlParser.parse("varchar").asCql());
    }

    @Test
    void collectionsAndFrozenness() {
        assertEquals(new MapType(PrimitiveType.VARCHAR, new ListType(PrimitiveType.INT, true), false),
                DataTypeCqlParser.parse("map<text, frozen<list<int>>>"));
        // inside frozen<>, everything is frozen (Cassandra writes the inner frozen<> out)
        DataType type = DataTypeCqlParser.parse("frozen<list<set<int>>>");
        assertEquals(new ListType(new SetType(PrimitiveType.INT, true), true), type);
        assertEquals("frozen<list<frozen<set<int>>>>", type.asCql());
        // tuple components and vector elements are always frozen
        assertEquals(new TupleType(List.of(new ListType(PrimitiveType.INT, true))),
                DataTypeCqlParser.parse("tuple<list<int>>"));
        assertEquals(new VectorType(new ListType(PrimitiveType.INT, true), 2),
                DataTypeCqlParser.parse("vector<list<int>, 2>"));
        assertEquals(new VectorType(PrimitiveType.FLOAT, 1536), DataTypeCqlParser.parse("vector<float, 1536>"));
    }

    @Test
    void whitespaceAndCaseVariants() {
        DataType canonical = DataTypeCqlParser.parse("map<text, frozen<list<frozen<tuple<int, vector<float, 3>>>>>>");
        assertEquals(canonical,
                DataTypeCqlParser.parse("  MAP < Text ,FROZEN< list<frozen<tuple<INT,vector<float,3>>>> > >  "));
        assertEquals(canonical, DataTypeCqlParser.parse("map<text,frozen<list<frozen<tuple<int,vector<float,3>>>>>>"));
        assertEquals(canonical,
                DataTypeCqlParser.parse("map<\ttext,\nfrozen<list<frozen<tuple<int, vector< float , 3 >>>>>>"));
    }

    @Test
    void userTypeReferences() {
        assertEquals(UserDefinedType.shallow("ks", "address", false), DataTypeCqlParser.parse("address", "ks"));
        assertEquals(UserDefinedType.shallow("ks", "address", true), DataTypeCqlParser.parse("frozen<Address>", "ks"));
        assertEquals(UserDefinedType.shallow("ks", "MyType", true), DataTypeCqlParser.parse("frozen<\"MyType\">", "ks"));
        assertEquals(UserDefinedType.shallow("ks", "a\"b", false), DataTypeCqlParser.parse("\"a\"\"b\"", "ks"));
        assertEquals(UserDefinedType.shallow("other", "addr", false), DataTypeCqlParser.parse("other.addr", "ks"));
        assertEquals(UserDefinedType.shallow("Ks", "T", true), DataTypeCqlParser.parse("frozen<\"Ks\" . \"T\">", "ks"));
        assertEquals(UserDefinedType.shallow(null, "address", false), DataTypeCqlParser.parse("address"));
        // a UDT named like a reserved word or with capitals is written back quoted
        assertEquals("\"select\"", DataTypeCqlParser.parse("\"select\"").asCql());
        assertEquals("\"a\"\"b\"", DataTypeCqlParser.parse("\"a\"\"b\"").asCql());
        // a UDT named like a native type is quoted too, so that it does not read back as that type
        DataType named = DataTypeCqlParser.parse("frozen<\"int\">", "ks");
        assertEquals(UserDefinedType.shallow("ks", "int", true), named);
        assertEquals("frozen<\"int\">", named.asCql());
        assertEquals(named, DataTypeCqlParser.parse(named.asCql(), "ks"));
        // collection keywords without '<' are plain names
        assertEquals(UserDefinedType.shallow("ks", "list", true), DataTypeCqlParser.parse("frozen<list>", "ks"));
        // nested in a frozen collection, a UDT is frozen
        assertEquals(new ListType(UserDefinedType.shallow("ks", "address", true), true),
                DataTypeCqlParser.parse("frozen<list<address>>", "ks"));
    }

    @Test
    void customTypes() {
        assertEquals(new CustomType("org.example.Custom"), DataTypeCqlParser.parse("'org.example.Custom'"));
        assertEquals(new CustomType("it's"), DataTypeCqlParser.parse("'it''s'"));
        assertEquals("'it''s'", new CustomType("it's").asCql());
        assertEquals(new ListType(new CustomType("a.B"), false), DataTypeCqlParser.parse("list<'a.B'>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "list<int", "list<>", "list<int>>", "map<int>", "map<int, text, int>",
        "vector<float>", "vector<float, 0>", "vector<float, -1>", "vector<float, 99999999999>", "vector<float, x>",
        "int<text>", "frozen<>", "frozen<int", "'unterminated", "''", "\"\"", "\"open", "tuple<>", "tuple<int,>",
        "a.", "a.1", "1abc", "list<int> x", "map<text; int>", "_x", "list<in-t>"})
    void rejectsMalformedTypes(String cql) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataTypeCqlParser.parse(cql));
        assertTrue(e.getMessage().contains("at position"), e.getMessage());
    }

    @Test
    void errorsNameThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataTypeCqlParser.parse("map<text, int"));
        assertTrue(e.getMessage().contains("position 13"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataTypeCqlParser.parse("vector<float, 0>"));
        assertTrue(e.getMessage().contains("position 14"), e.getMessage());
    }

    @Test
    void nestingIsBounded() {
        String deep = "list<".repeat(100) + "int" + ">".repeat(100);
        assertThrows(IllegalArgumentException.class, () -> DataTypeCqlParser.parse(deep));
        String ok = "frozen<list<".repeat(30) + "int" + ">>".repeat(30);
        assertEquals(ok, DataTypeCqlParser.parse(ok).asCql());
    }

    @Test
    void parsedTypesHaveCodecs() {
        DataType type = DataTypeCqlParser.parse("frozen<map<text, list<frozen<tuple<int, vector<float, 3>>>>>>");
        TypeCodec<?> codec = TypeCodecs.codecFor(type);
        assertEquals(type, codec.cqlType());
    }
}
