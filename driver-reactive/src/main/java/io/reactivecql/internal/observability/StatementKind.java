package io.reactivecql.internal.observability;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;


/**
 * The kind of a statement for low-cardinality labels: its first CQL keyword (SELECT, INSERT,
 * CREATE...), BATCH for a batch, PREPARE for a PREPARE request, OTHER for anything unexpected.
 * Scans only the leading characters and allocates nothing.
 */
public final class StatementKind {

    private static final String[] KNOWN = {"SELECT", "INSERT", "UPDATE", "DELETE", "BATCH", "USE", "TRUNCATE",
        "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "LIST", "DESCRIBE", "DESC"};

    private StatementKind() {
    }

    /** The kind of what {@code request} sends. */
    public static String of(RequestTracker.TrackedRequest request) {
        return request.kind() == RequestTracker.Kind.PREPARE ? "PREPARE" : of(request.statement());
    }

    /** The kind of {@code statement}. */
    public static String of(Statement<?> statement) {
        if (statement instanceof BatchStatement) {
            return "BATCH";
        }
        return firstKeyword(query(statement));
    }

    /** The CQL text of a simple or bound statement, or null. */
    public static String query(Statement<?> statement) {
        if (statement instanceof SimpleStatement simple) {
            return simple.query();
        }
        if (statement instanceof BoundStatement bound) {
            return bound.preparedStatement().query();
        }
        return null;
    }

    static String firstKeyword(String cql) {
        if (cql == null) {
            return "OTHER";
        }
        int n = cql.length();
        int i = 0;
        while (i < n && (Character.isWhitespace(cql.charAt(i)) || cql.charAt(i) == '(')) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetter(cql.charAt(i))) {
            i++;
        }
        int length = i - start;
        if (length == 5 && cql.regionMatches(true, start, "BEGIN", 0, 5)) {
            return "BATCH"; // BEGIN [UNLOGGED|COUNTER] BATCH ... APPLY BATCH
        }
        for (String keyword : KNOWN) {
            if (keyword.length() == length && cql.regionMatches(true, start, keyword, 0, length)) {
                return keyword;
            }
        }
        return "OTHER";
    }
}
