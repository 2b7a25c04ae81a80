package io.reactivecql.mapper.api;

import io.reactivecql.api.errors.DriverException;

/**
 * A class, a repository interface or a query does not fit the mapper's rules or the live schema:
 * a missing column, an incompatible type, a wrong annotation, a derived query Cassandra cannot
 * serve. The message names what is wrong; {@link #entity()}, {@link #field()}, {@link #column()}
 * and {@link #method()} say where (null when they do not apply). Raised when a repository is
 * created, before anything is executed.
 */
public class MappingException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final String column;
    private final String method;

    /**
     * @param message what is wrong (the location is appended)
     * @param entity  the entity or UDT class name, or null
     * @param field   the Java field, or null
     * @param column  the CQL column, or null
     * @param method  the repository method, or null
     */
    public MappingException(String message, String entity, String field, String column, String method) {
        this(message, entity, field, column, method, null);
    }

    public MappingException(String message, String entity, String field, String column, String method,
                            Throwable cause) {
        super(describe(message, entity, field, column, method), cause);
        this.entity = entity;
        this.field = field;
        this.column = column;
        this.method = method;
    }

    private static String describe(String message, String entity, String field, String column, String method) {
        StringBuilder sb = new StringBuilder(message);
        String sep = " [";
        if (entity != null) {
            sb.append(sep).append("entity ").append(entity);
            sep = ", ";
        }
        if (method != null) {
            sb.append(sep).append("method ").append(method);
            sep = ", ";
        }
        if (field != null) {
            sb.append(sep).append("field ").append(field);
            sep = ", ";
        }
        if (column != null) {
            sb.append(sep).append("column ").append(column);
            sep = ", ";
        }
        if (!sep.equals(" [")) {
            sb.append(']');
        }
        return sb.toString();
    }

    /** The entity (or UDT) class, or null. */
    public String entity() {
        return entity;
    }

    /** The Java field, or null. */
    public String field() {
        return field;
    }

    /** The CQL column (internal name), or null. */
    public String column() {
        return column;
    }

    /** The repository method, or null. */
    public String method() {
        return method;
    }
}
