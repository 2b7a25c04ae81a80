package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.Relation.Operator;

import java.util.List;

/**
 * A query derived from a repository method name, before it meets the schema:
 * {@code findTop10ByUserIdAndTsGreaterThanOrderByTsDesc} is a FIND with limit 10, restrictions
 * {@code userId = ?} and {@code ts > ?}, ordered by {@code ts} descending.
 *
 * @param kind           what the method does
 * @param limit          the row limit ({@code First}/{@code TopN}), or -1
 * @param parts          the restrictions, in argument order
 * @param orders         the ORDER BY columns
 * @param allowFiltering whether the name ends with {@code AllowFiltering}
 */
record DerivedQuery(Kind kind, int limit, List<Part> parts, List<OrderPart> orders, boolean allowFiltering) {

    enum Kind { FIND, COUNT, EXISTS, DELETE }

    /** One restriction: {@code Between} takes two arguments (lower and upper bound, both inclusive). */
    record Part(PropertyModel property, Operator operator, boolean between) {
        int arguments() {
            return between ? 2 : 1;
        }
    }

    record OrderPart(PropertyModel property, Order order) {
    }

    /** The number of arguments the restrictions take. */
    int arguments() {
        return parts.stream().mapToInt(Part::arguments).sum();
    }
}
