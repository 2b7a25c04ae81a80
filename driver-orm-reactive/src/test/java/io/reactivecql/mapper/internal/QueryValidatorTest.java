package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.Relation.Operator;
import io.reactivecql.protocol.types.MapType;
import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.protocol.types.SetType;
import io.reactivecql.schema.api.ClusteringOrder;
import io.reactivecql.schema.api.TableMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.reactivecql.mapper.internal.Schemas.cc;
import static io.reactivecql.mapper.internal.Schemas.col;
import static io.reactivecql.mapper.internal.Schemas.index;
import static io.reactivecql.mapper.internal.Schemas.pk;
import static io.reactivecql.mapper.internal.Schemas.sai;
import static io.reactivecql.mapper.internal.Schemas.stat;
import static io.reactivecql.mapper.internal.Schemas.table;
import static io.reactivecql.mapper.internal.Schemas.withIndexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cassandra's restriction rules, checked on a table with a composite key, statics, collections and indexes. */
class QueryValidatorTest {

    private static final TableMetadata BASE = table("events",
            pk("user_id", PrimitiveType.UUID, 0), pk("bucket", PrimitiveType.INT, 1),
            cc("ts", PrimitiveType.TIMESTAMP, 0, ClusteringOrder.DESC), cc("seq", PrimitiveType.INT, 1,
                    ClusteringOrder.ASC),
            col("kind", PrimitiveType.VARCHAR), col("score", PrimitiveType.INT), col("note", PrimitiveType.VARCHAR),
            col("tags", new SetType(PrimitiveType.VARCHAR, false)),
            col("attrs", new MapType(PrimitiveType.VARCHAR, PrimitiveType.VARCHAR, false)),
            stat("owner", PrimitiveType.VARCHAR));
    private static final TableMetadata EVENTS = withIndexes(BASE, index(BASE, "events_kind", "kind"),
            index(BASE, "events_tags", "values(tags)"), index(BASE, "events_attrs", "keys(attrs)"),
            sai(BASE, "events_score", "score"));

    /** A query spec: restrictions as (column, operator) pairs, orderings as (column, order) pairs. */
    private static final class Spec {
        final List<QueryValidator.Restricted> restrictions = new ArrayList<>();
        final List<QueryValidator.Ordering> orderings = new ArrayList<>();

        Spec r(String column, Operator op) {
            restrictions.add(new QueryValidator.Restricted(column == null ? null
                    : EVENTS.column(column).orElseThrow(), op));
            return this;
        }

        Spec o(String column, Order order) {
            orderings.add(new QueryValidator.Ordering(EVENTS.column(column).orElseThrow(), order));
            return this;
        }

        Spec pk() {
            return r("user_id", Operator.EQ).r("bucket", Operator.EQ);
        }

        QueryValidator.Verdict select() {
            return QueryValidator.check(EVENTS, restrictions, orderings, QueryValidator.Purpose.SELECT, false);
        }

        QueryValidator.Verdict delete() {
            return QueryValidator.check(EVENTS, restrictions, orderings, QueryValidator.Purpose.DELETE, false);
        }

        QueryValidator.Verdict update(boolean onlyStatic) {
            return QueryValidator.check(EVENTS, restrictions, orderings, QueryValidator.Purpose.UPDATE, onlyStatic);
        }
    }

    private static Spec q() {
        return new Spec();
    }

    private static void ok(QueryValidator.Verdict v) {
        assertTrue(v.ok(), () -> "expected served, got: " + v.reason());
    }

    private static void filtering(QueryValidator.Verdict v) {
        assertFalse(v.ok(), "expected refused without ALLOW FILTERING");
        assertTrue(v.needsFiltering(), () -> "expected 'needs filtering', got invalid: " + v.reason());
        assertTrue(v.allows(true));
        assertFalse(v.allows(false));
    }

    private static void invalid(QueryValidator.Verdict v) {
        assertFalse(v.ok(), "expected invalid");
        assertFalse(v.needsFiltering(), () -> "expected invalid even with filtering: " + v.reason());
        assertFalse(v.allows(true));
    }

    @Test
    void partitionKey() {
        ok(q().pk().select());
        ok(q().r("user_id", Operator.EQ).r("bucket", Operator.IN).select());
        ok(q().select());
        filtering(q().r("user_id", Operator.EQ).select());
        filtering(q().r("user_id", Operator.EQ).r("bucket", Operator.GT).select());
    }

    @Test
    void clusteringPrefix() {
        ok(q().pk().r("ts", Operator.GT).select());
        ok(q().pk().r("ts", Operator.GT).r("ts", Operator.LTE).select());
        ok(q().pk().r("ts", Operator.EQ).r("seq", Operator.GTE).select());
        ok(q().pk().r("ts", Operator.IN).r("seq", Operator.EQ).select());
        QueryValidator.Verdict skip = q().pk().r("seq", Operator.EQ).select();
        filtering(skip);
        assertTrue(skip.reason().contains("ts"), skip.reason());
        filtering(q().pk().r("ts", Operator.GT).r("seq", Operator.EQ).select());
        filtering(q().r("ts", Operator.GT).select());
    }

    @Test
    void regularColumnsNeedAnIndex() {
        ok(q().r("kind", Operator.EQ).select());
        filtering(q().r("kind", Operator.GT).select());
        ok(q().r("score", Operator.GT).select());
        QueryValidator.Verdict note = q().pk().r("note", Operator.EQ).select();
        filtering(note);
        assertEquals("note", note.column());
        filtering(q().r("owner", Operator.EQ).select());
        filtering(q().r("note", Operator.IN).select());
    }

    @Test
    void collections() {
        ok(q().r("tags", Operator.CONTAINS).select());
        ok(q().r("attrs", Operator.CONTAINS_KEY).select());
        filtering(q().r("attrs", Operator.CONTAINS).select());
        invalid(q().r("kind", Operator.CONTAINS).select());
        invalid(q().r("tags", Operator.CONTAINS_KEY).select());
    }

    @Test
    void severalIndexes() {
        filtering(q().r("kind", Operator.EQ).r("score", Operator.GT).select());
        filtering(q().r("kind", Operator.EQ).r("note", Operator.EQ).select());
    }

    @Test
    void tokenRanges() {
        ok(q().r(null, Operator.TOKEN_GT).r(null, Operator.TOKEN_LTE).select());
        invalid(q().r(null, Operator.TOKEN_GT).r("user_id", Operator.EQ).select());
    }

    @Test
    void ordering() {
        ok(q().pk().o("ts", Order.ASC).select());
        ok(q().pk().o("ts", Order.DESC).o("seq", Order.ASC).select());
        ok(q().pk().o("ts", Order.ASC).o("seq", Order.DESC).select());
        invalid(q().pk().o("ts", Order.DESC).o("seq", Order.DESC).select());
        invalid(q().pk().o("seq", Order.ASC).select());
        ok(q().pk().r("ts", Operator.EQ).o("seq", Order.DESC).select());
        invalid(q().r("user_id", Operator.EQ).o("ts", Order.ASC).select());
        invalid(q().r("user_id", Operator.EQ).r("bucket", Operator.IN).o("ts", Order.ASC).select());
        invalid(q().pk().o("kind", Order.ASC).select());
        invalid(q().pk().r("kind", Operator.EQ).o("ts", Order.ASC).select());
    }

    @Test
    void deletes() {
        ok(q().pk().delete());
        ok(q().pk().r("ts", Operator.GT).delete());
        ok(q().pk().r("ts", Operator.EQ).r("seq", Operator.EQ).delete());
        invalid(q().r("user_id", Operator.EQ).delete());
        invalid(q().pk().r("kind", Operator.EQ).delete());
        invalid(q().pk().r("seq", Operator.EQ).delete());
        invalid(q().r(null, Operator.TOKEN_GT).delete());
    }

    @Test
    void updates() {
        ok(q().pk().r("ts", Operator.EQ).r("seq", Operator.EQ).update(false));
        invalid(q().pk().update(false));
        ok(q().pk().update(true));
        invalid(q().pk().r("ts", Operator.EQ).r("seq", Operator.EQ).update(true));
        invalid(q().pk().r("ts", Operator.GT).r("seq", Operator.EQ).update(false));
    }

    @Test
    void aColumnRestrictedTwice() {
        invalid(q().pk().r("ts", Operator.EQ).r("ts", Operator.GT).select());
        invalid(q().pk().r("ts", Operator.GT).r("ts", Operator.GTE).select());
    }
}
