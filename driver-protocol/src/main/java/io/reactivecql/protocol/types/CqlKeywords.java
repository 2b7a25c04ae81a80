package io.reactivecql.protocol.types;

import java.util.Set;

/** CQL's reserved keywords: identifiers spelled like them must be quoted. */
final class CqlKeywords {

    private static final Set<String> RESERVED = Set.of(
            "add", "allow", "alter", "and", "apply", "asc", "authorize", "batch", "begin", "by", "columnfamily",
            "create", "default", "delete", "desc", "describe", "drop", "entries", "execute", "from", "full",
            "grant", "if", "in", "index", "infinity", "insert", "into", "is", "keyspace", "limit", "materialized",
            "mbean", "mbeans", "modify", "nan", "norecursive", "not", "null", "of", "on", "or", "order",
            "primary", "rename", "replace", "revoke", "schema", "select", "set", "table", "to", "token",
            "truncate", "unlogged", "unset", "update", "use", "using", "view", "where", "with");

    private CqlKeywords() {
    }

    static boolean isReserved(String lowerCaseIdentifier) {
        return RESERVED.contains(lowerCaseIdentifier);
    }
}
