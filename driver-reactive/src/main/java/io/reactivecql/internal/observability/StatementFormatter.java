package io.reactivecql.internal.observability;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.result.ColumnDefinition;
import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.statement.BatchStatement;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.protocol.Primitives;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Writes a statement for a log line: its CQL cut at {@code maxQueryLength}, and when asked its
 * values (bound values decoded with the session's codecs), at most {@code maxValues} of at most
 * {@code maxValueLength} characters each. A batch lists its statements until the query budget is
 * spent. Only called when a line is actually written.
 */
final class StatementFormatter {

    private static final String MORE = "...";

    private final RequestLogOptions options;
    private final CodecRegistry registry;

    StatementFormatter(RequestLogOptions options, CodecRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    String format(Statement<?> statement) {
        StringBuilder out = new StringBuilder(128);
        append(out, statement);
        return out.toString();
    }

    void append(StringBuilder out, Statement<?> statement) {
        if (statement instanceof BatchStatement batch) {
            appendBatch(out, batch);
        } else {
            appendOne(out, statement, options.maxQueryLength());
        }
    }

    private void appendBatch(StringBuilder out, BatchStatement batch) {
        List<Statement<?>> children = batch.statements();
        out.append("BATCH ").append(batch.type()).append(" of ").append(children.size()).append(" statements: ");
        int budget = options.maxQueryLength();
        int shown = 0;
        for (Statement<?> child : children) {
            if (budget <= 0) {
                out.append(" ... (").append(children.size() - shown).append(" more)");
                return;
            }
            if (shown > 0) {
                out.append("; ");
            }
            String query = StatementKind.query(child);
            appendOne(out, child, budget);
            budget -= query == null ? 0 : query.length();
            shown++;
        }
    }

    private void appendOne(StringBuilder out, Statement<?> statement, int maxQueryLength) {
        String query = StatementKind.query(statement);
        if (query == null) {
            out.append(statement);
            return;
        }
        truncate(out, query, maxQueryLength);
        if (!options.showValues() || options.maxValues() == 0) {
            return;
        }
        if (statement instanceof SimpleStatement simple) {
            appendSimpleValues(out, simple);
        } else if (statement instanceof BoundStatement bound) {
            appendBoundValues(out, bound);
        }
    }

    private void appendSimpleValues(StringBuilder out, SimpleStatement simple) {
        if (simple.hasNamedValues()) {
            Map<String, Object> named = simple.namedValues();
            if (named.isEmpty()) {
                return;
            }
            out.append(" [");
            int i = 0;
            for (Map.Entry<String, Object> e : named.entrySet()) {
                if (!separate(out, i++)) {
                    break;
                }
                out.append(e.getKey()).append('=');
                appendValue(out, e.getValue());
            }
            out.append(']');
        } else {
            List<Object> values = simple.positionalValues();
            if (values.isEmpty()) {
                return;
            }
            out.append(" [");
            for (int i = 0; i < values.size(); i++) {
                if (!separate(out, i)) {
                    break;
                }
                appendValue(out, values.get(i));
            }
            out.append(']');
        }
    }

    private void appendBoundValues(StringBuilder out, BoundStatement bound) {
        List<ByteBuffer> values = bound.values();
        if (values.isEmpty()) {
            return;
        }
        ColumnDefinitions variables = bound.preparedStatement().variableDefinitions();
        out.append(" [");
        for (int i = 0; i < values.size(); i++) {
            if (!separate(out, i)) {
                break;
            }
            ColumnDefinition variable = i < variables.size() ? variables.get(i) : null;
            if (variable != null) {
                out.append(variable.name()).append('=');
            }
            ByteBuffer value = values.get(i);
            if (value == null) {
                out.append("NULL");
            } else if (value == Primitives.UNSET) {
                out.append("<unset>");
            } else {
                appendValue(out, decode(variable, value));
            }
        }
        out.append(']');
    }

    /** The value decoded with the session's codecs, or a placeholder naming its size. */
    private Object decode(ColumnDefinition variable, ByteBuffer value) {
        if (variable == null) {
            return new Placeholder("<" + value.remaining() + " bytes>");
        }
        try {
            return registry.codecFor(variable.type()).decode(value.duplicate());
        } catch (RuntimeException e) {
            return new Placeholder("<" + value.remaining() + " bytes>");
        }
    }

    /** Writes the separator before value {@code index}; false (with "...") once {@code maxValues} are written. */
    private boolean separate(StringBuilder out, int index) {
        if (index >= options.maxValues()) {
            out.append(", ").append(MORE);
            return false;
        }
        if (index > 0) {
            out.append(", ");
        }
        return true;
    }

    private void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof CharSequence text) {
            out.append('\'');
            truncate(out, text.toString(), options.maxValueLength());
            out.append('\'');
        } else {
            truncate(out, String.valueOf(value), options.maxValueLength());
        }
    }

    private static void truncate(StringBuilder out, String text, int max) {
        if (text.length() <= max) {
            out.append(text);
        } else {
            out.append(text, 0, max).append(MORE);
        }
    }

    /** Written as is, never quoted. */
    private record Placeholder(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
