package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Relation.Operator;

import java.util.Collection;
import java.util.List;

/**
 * One bind marker of a WHERE clause: the column (null for the partition key's token) and the
 * operator, which say how a raw argument becomes the bound value.
 */
record Slot(BoundColumn column, Operator operator) {

    /** The restriction as CQL writes it, with a bind marker. */
    String cql(EntityBinding<?> binding) {
        if (column == null) {
            String key = String.join(", ", binding.partitionKey.stream().map(BoundColumn::cql).toList());
            return "token(" + key + ") " + operator.cql() + " ?";
        }
        return column.cql() + " " + operator.cql() + " ?";
    }

    /**
     * The value to bind for {@code raw}.
     *
     * @throws IllegalArgumentException for a null, or a non-collection given to IN
     */
    Object convert(Object raw, String what) {
        if (raw == null) {
            throw new IllegalArgumentException(what + " is null (CQL cannot restrict a column to NULL)");
        }
        if (column == null) {
            return raw;
        }
        return switch (operator) {
            case IN -> {
                Iterable<?> values;
                if (raw instanceof Iterable<?> it) {
                    values = it;
                } else if (raw instanceof Object[] array) {
                    values = List.of(array);
                } else {
                    throw new IllegalArgumentException(what + " must be a collection of values for IN, not a "
                            + raw.getClass().getName());
                }
                if (values instanceof Collection<?> c && c.isEmpty()) {
                    throw new IllegalArgumentException(what + " is empty: IN needs at least one value");
                }
                yield Converter.convertAll(column.converter, values);
            }
            case CONTAINS -> column.converter.containsConverter() == null ? raw
                    : column.converter.containsConverter().toDriver(raw);
            case CONTAINS_KEY -> column.converter.keyConverter() == null ? raw
                    : column.converter.keyConverter().toDriver(raw);
            default -> column.toDriver(raw);
        };
    }

    QueryValidator.Restricted restricted() {
        return new QueryValidator.Restricted(column == null ? null : column.column, operator);
    }
}
