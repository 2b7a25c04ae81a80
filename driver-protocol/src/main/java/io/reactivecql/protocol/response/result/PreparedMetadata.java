package io.reactivecql.protocol.response.result;

import java.util.List;
import java.util.Objects;

/**
 * The {@code <metadata>} of a Prepared result (4.2.5.4): the statement's bind markers and which of
 * them make up the partition key.
 *
 * @param variables           the bind markers, in order
 * @param partitionKeyIndexes for each partition key column in key order, the index of its bind marker
 *                            in {@code variables}; empty when some key column has no plain bind
 *                            marker (no token-aware routing then)
 */
public record PreparedMetadata(List<ColumnSpec> variables, List<Integer> partitionKeyIndexes) {

    /** The metadata of a statement without bind markers. */
    public static final PreparedMetadata EMPTY = new PreparedMetadata(List.of(), List.of());

    public PreparedMetadata {
        variables = List.copyOf(variables);
        partitionKeyIndexes = List.copyOf(partitionKeyIndexes);
        for (int index : partitionKeyIndexes) {
            if (index < 0 || index >= variables.size()) {
                throw new IllegalArgumentException("partition key index " + index + " is not a bind marker index (0.."
                        + (variables.size() - 1) + ")");
            }
        }
    }

    /** Whether every partition key column is bound by a marker, so the routing key can be computed. */
    public boolean hasPartitionKey() {
        return !partitionKeyIndexes.isEmpty();
    }

    /** The bind marker at {@code index}. */
    public ColumnSpec variable(int index) {
        return variables.get(Objects.checkIndex(index, variables.size()));
    }
}
