package io.reactivecql.mapper.api;

import io.reactivecql.api.errors.DriverException;

/**
 * A write of a {@link Version}ed entity found another version in the table (or, for an insert of
 * a new entity, a row already there): someone else wrote it since it was read. Read it again and
 * retry.
 */
public class OptimisticLockException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final Object expectedVersion;
    private final Object actualVersion;

    /**
     * @param entity          the entity class name
     * @param expectedVersion the version the write expected (null for an insert of a new entity)
     * @param actualVersion   the version in the table, or null when the row is gone
     */
    public OptimisticLockException(String entity, Object expectedVersion, Object actualVersion) {
        super("optimistic lock failed for " + entity + ": expected version " + expectedVersion
                + " but the table has " + (actualVersion == null ? "no row" : "version " + actualVersion));
        this.entity = entity;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The entity class name. */
    public String entity() {
        return entity;
    }

    /** The version the write expected (null when inserting a new entity). */
    public Object expectedVersion() {
        return expectedVersion;
    }

    /** The version found in the table, or null when there was no row. */
    public Object actualVersion() {
        return actualVersion;
    }
}
