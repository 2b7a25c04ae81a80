package io.reactivecql.mapper.api;

/**
 * A query Cassandra would not serve as written: one that needs {@code ALLOW FILTERING} without
 * asking for it ({@link #needsFiltering()}), or one it cannot run at all (ordering on a
 * non-clustering column, a delete without its partition key...). Raised for a derived query method
 * when its repository is created, and for a {@link Query} when it is executed, before anything is
 * sent.
 */
public class QueryRefusedException extends MappingException {

    private static final long serialVersionUID = 1L;

    private final boolean needsFiltering;

    public QueryRefusedException(String message, boolean needsFiltering, String entity, String column,
                                 String method) {
        super(message, entity, null, column, method);
        this.needsFiltering = needsFiltering;
    }

    /** Whether {@code ALLOW FILTERING} would make the query valid. */
    public boolean needsFiltering() {
        return needsFiltering;
    }
}
