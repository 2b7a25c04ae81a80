package io.reactivecql.internal.codec;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.PreparedStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.StatementOptions;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.statement.DefaultPreparedStatement;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.response.result.PreparedMetadata;
import io.reactivecql.protocol.response.result.PreparedResult;
import io.reactivecql.protocol.response.result.RowsMetadata;
import io.reactivecql.protocol.types.ListType;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values are checked and encoded when bound: wrong types fail there, naming the column and the types. */
class BindingTest {

    private static PreparedStatement prepared() {
        PreparedMetadata markers = new PreparedMetadata(List.of(Fixtures.col("id", PrimitiveType.UUID),
                Fixtures.col("name", PrimitiveType.VARCHAR), Fixtures.col("age", PrimitiveType.INT),
                Fixtures.col("tags", new ListType(PrimitiveType.VARCHAR, false))), List.of(0));
        PreparedResult result = new PreparedResult(new byte[] {1, 2}, new byte[] {3}, markers, RowsMetadata.EMPTY);
        return new DefaultPreparedStatement("INSERT INTO users (id, name, age, tags) VALUES (?, ?, ?, ?)", null,
                result, CodecRegistry.defaultRegistry(), StatementOptions.DEFAULT);
    }

    @Test
    void aValueOfTheWrongTypeFailsNamingColumnAndTypes() {
        InvalidBindingException e = assertThrows(InvalidBindingException.class,
                () -> prepared().bind(UUID.randomUUID(), "ann", "forty"));
        assertTrue(e.getMessage().contains("'age'"), e.getMessage());
        assertTrue(e.getMessage().contains("int"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void aLongForAnIntIsRefused() {
        assertThrows(InvalidBindingException.class, () -> prepared().bind(UUID.randomUUID(), "ann", 40L));
    }

    @Test
    void aBadCollectionElementIsRefused() {
        InvalidBindingException e = assertThrows(InvalidBindingException.class,
                () -> prepared().bind(UUID.randomUUID(), "ann", 40, List.of(1, 2)));
        assertTrue(e.getMessage().contains("'tags'"), e.getMessage());
    }

    @Test
    void tooManyValuesAreRefused() {
        assertThrows(InvalidBindingException.class, () -> prepared().bind(null, null, null, null, null));
    }

    @Test
    void missingValuesAreUnsetAndNullIsNull() {
        BoundStatement bound = prepared().bind(null, "ann");
        assertNull(bound.values().get(0));
        assertTrue(bound.isSet(0));
        assertFalse(bound.isSet(2));
        assertSame(Primitives.UNSET, bound.values().get(3));
        BoundStatement unset = prepared().bind(SimpleStatement.UNSET, "x", 1, List.of());
        assertFalse(unset.isSet(0));
    }

    @Test
    void theBuilderSetsByNameAndIndexAndChecksEach() {
        BoundStatement bound = prepared().boundStatementBuilder().set("NAME", "ann").set(2, 41).build();
        assertEquals(ByteBuffer.wrap("ann".getBytes()), bound.values().get(1));
        assertEquals(41, bound.values().get(2).getInt(0));
        assertThrows(InvalidBindingException.class, () -> prepared().boundStatementBuilder().set("nope", 1));
        assertThrows(InvalidBindingException.class, () -> prepared().boundStatementBuilder().set(9, 1));
        assertThrows(InvalidBindingException.class, () -> prepared().boundStatementBuilder().set("age", "x"));
    }

    @Test
    void boundStatementsAreImmutable() {
        BoundStatement bound = prepared().bind(null, "ann");
        BoundStatement quorum = bound.withConsistency(io.reactivecql.protocol.ConsistencyLevel.QUORUM);
        assertNull(bound.consistency());
        assertEquals(io.reactivecql.protocol.ConsistencyLevel.QUORUM, quorum.consistency());
        assertSame(bound.values().get(1), quorum.values().get(1));
        assertThrows(UnsupportedOperationException.class, () -> bound.values().set(0, null));
    }

    @Test
    void simpleStatementValuesAreInferredFromTheirClass() {
        CodecRegistry registry = CodecRegistry.defaultRegistry();
        assertEquals(5L, ValueBinder.encodeInferred(registry, 0, null, 5L).getLong(0));
        assertEquals(5, ValueBinder.encodeInferred(registry, 0, null, 5).getInt(0));
        assertEquals(4 + 4 + 1, ValueBinder.encodeInferred(registry, 0, null, List.of("a")).remaining());
        assertEquals(4, ValueBinder.encodeInferred(registry, 0, null, List.of()).remaining());
        assertThrows(InvalidBindingException.class, () -> ValueBinder.encodeInferred(registry, 0, null, new Object()));
    }
}
