package io.reactivecql.internal.observability;

import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.SimpleStatement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementKindTest {

    @Test
    void theFirstKeywordInAnyCaseAfterBlanksAndParentheses() {
        assertEquals("SELECT", StatementKind.firstKeyword("select * from t"));
        assertEquals("INSERT", StatementKind.firstKeyword("  \n\tInsert INTO t (k) VALUES (1)"));
        assertEquals("CREATE", StatementKind.firstKeyword("CREATE TABLE t (k int PRIMARY KEY)"));
        assertEquals("DESC", StatementKind.firstKeyword("desc keyspaces"));
        assertEquals("BATCH", StatementKind.firstKeyword("BEGIN UNLOGGED BATCH INSERT ... APPLY BATCH"));
        assertEquals("SELECT", StatementKind.firstKeyword("(SELECT 1)"));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals("OTHER", StatementKind.firstKeyword(""));
        assertEquals("OTHER", StatementKind.firstKeyword("   "));
        assertEquals("OTHER", StatementKind.firstKeyword("SELECTION of rows"));
        assertEquals("OTHER", StatementKind.firstKeyword("42"));
        assertEquals("OTHER", StatementKind.firstKeyword(null));
    }

    @Test
    void aBatchStatementIsABatch() {
        assertEquals("BATCH", StatementKind.of(BatchStatement.logged().add(SimpleStatement.of("INSERT INTO t (k) VALUES (1)"))));
        assertEquals("UPDATE", StatementKind.of(SimpleStatement.of("UPDATE t SET v = 1 WHERE k = 2")));
    }
}
