package io.reactivecql.samples.webflux;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts the page requests (QUERY/EXECUTE) the application's session sends, per CQL text: the
 * streaming tests read how many pages the server had fetched at each point of a slow read.
 * Registered as the session's {@code RequestTracker} bean.
 */
public final class PageCounter implements RequestTracker {

    private final Map<String, AtomicInteger> pages = new ConcurrentHashMap<>();

    @Override
    public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
        if (kind == Kind.EXECUTE) {
            pages.computeIfAbsent(query(statement), q -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Page requests sent so far for CQL texts that {@code query} accepts. */
    public int pages(Predicate<String> query) {
        int n = 0;
        for (Map.Entry<String, AtomicInteger> e : pages.entrySet()) {
            if (query.test(e.getKey())) {
                n += e.getValue().get();
            }
        }
        return n;
    }

    /** A read of every product (SELECT columns FROM [ks.]products, no WHERE, no count), however it is spelled. */
    public static boolean isProductScan(String cql) {
        String q = cql.toLowerCase(java.util.Locale.ROOT).replace("\"", "");
        return q.startsWith("select") && !q.contains("count(") && q.matches(".* from (\\w+\\.)?products\\s*;?\\s*");
    }

    private static String query(Statement<?> statement) {
        if (statement instanceof BoundStatement bound) {
            return bound.preparedStatement().query();
        }
        if (statement instanceof SimpleStatement simple) {
            return simple.query();
        }
        return statement.getClass().getSimpleName();
    }
}
