package io.reactivecql.api.statement;

import io.reactivecql.protocol.request.BatchType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Several {@link SimpleStatement}s and {@link BoundStatement}s run as one BATCH: LOGGED (atomic
 * through the batch log), UNLOGGED or COUNTER. Simple statements in a batch take positional values
 * only (a protocol limit). The batch's own options apply: the children's consistency, timestamp
 * and paging options are ignored.
 */
public final class BatchStatement implements Statement<BatchStatement> {

    private final BatchType type;
    private final List<Statement<?>> statements;
    private final StatementOptions options;

    private BatchStatement(BatchType type, List<Statement<?>> statements, StatementOptions options) {
        this.type = Objects.requireNonNull(type, "type");
        this.statements = statements;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A batch of {@code type} with these statements (simple or bound). */
    public static BatchStatement of(BatchType type, Statement<?>... statements) {
        return of(type, Arrays.asList(statements));
    }

    /** A batch of {@code type} with these statements (simple or bound). */
    public static BatchStatement of(BatchType type, List<? extends Statement<?>> statements) {
        return new BatchStatement(type, check(statements, List.of()), StatementOptions.DEFAULT);
    }

    /** An empty LOGGED batch. */
    public static BatchStatement logged() {
        return of(BatchType.LOGGED);
    }

    /** An empty UNLOGGED batch. */
    public static BatchStatement unlogged() {
        return of(BatchType.UNLOGGED);
    }

    /** An empty COUNTER batch. */
    public static BatchStatement counter() {
        return of(BatchType.COUNTER);
    }

    private static List<Statement<?>> check(List<? extends Statement<?>> added, List<Statement<?>> existing) {
        List<Statement<?>> all = new ArrayList<>(existing.size() + added.size());
        all.addAll(existing);
        for (Statement<?> s : added) {
            Objects.requireNonNull(s, "statement");
            if (!(s instanceof SimpleStatement) && !(s instanceof BoundStatement)) {
                throw new IllegalArgumentException("a batch holds simple and bound statements, not "
                        + s.getClass().getSimpleName());
            }
            if (s instanceof SimpleStatement simple && simple.hasNamedValues()) {
                throw new IllegalArgumentException("simple statements in a batch take positional values only "
                        + "(the protocol has no named values in BATCH): " + simple.query());
            }
            all.add(s);
        }
        if (all.size() > 0xFFFF) {
            throw new IllegalArgumentException("a batch holds at most 65535 statements, not " + all.size());
        }
        return Collections.unmodifiableList(all);
    }

    /** LOGGED, UNLOGGED or COUNTER. */
    public BatchType type() {
        return type;
    }

    /** The statements, in order. */
    public List<Statement<?>> statements() {
        return statements;
    }

    /** The number of statements. */
    public int size() {
        return statements.size();
    }

    /** A copy with {@code statement} added at the end. */
    public BatchStatement add(Statement<?> statement) {
        return new BatchStatement(type, check(List.of(statement), statements), options);
    }

    /** A copy with these statements added at the end. */
    public BatchStatement addAll(List<? extends Statement<?>> more) {
        return new BatchStatement(type, check(more, statements), options);
    }

    /** A copy of another type. */
    public BatchStatement withType(BatchType newType) {
        return new BatchStatement(newType, statements, options);
    }

    @Override
    public StatementOptions options() {
        return options;
    }

    @Override
    public BatchStatement withOptions(StatementOptions newOptions) {
        return new BatchStatement(type, statements, newOptions);
    }

    @Override
    public String toString() {
        return "BatchStatement[" + type + ", " + statements.size() + " statements]";
    }
}
