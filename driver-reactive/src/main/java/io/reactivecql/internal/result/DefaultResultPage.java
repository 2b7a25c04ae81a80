package io.reactivecql.internal.result;

import io.reactivecql.api.result.ColumnDefinitions;
import io.reactivecql.api.result.ExecutionInfo;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A page: the rows result (or none), its shape, how it was executed and how to fetch the next one. */
public final class DefaultResultPage implements ResultPage {

    /** Fetches a page of the same execution. */
    @FunctionalInterface
    public interface PageSource {
        Mono<DefaultResultPage> fetch(ByteBuffer pagingState, int pageNumber);

        /**
         * Fetches the page straight into {@code subscriber} (a source may skip the {@code Mono}
         * then), which may complete without a page when the answer has neither rows nor a next
         * page (a write's): for readers of the rows alone.
         */
        default void fetch(ByteBuffer pagingState, int pageNumber, CoreSubscriber<? super DefaultResultPage> subscriber) {
            fetch(pagingState, pageNumber).subscribe(subscriber);
        }
    }

    /** Makes a page's execution info when it is first asked for (the rows of {@code execute} never are). */
    public interface InfoSource {
        /**
         * @param answer      what the source handed the page for this purpose
         * @param pagingState the page's paging state for the next page, or null
         */
        ExecutionInfo executionInfo(Object answer, ByteBuffer pagingState, boolean schemaInAgreement);
    }

    private final RowsResult rows;
    private final RowShape shape;
    /** The execution info, or (until asked for) what {@link #infoSource} makes it from. */
    private volatile Object info;
    private final InfoSource infoSource;
    private final boolean schemaInAgreement;
    private final ByteBuffer pagingState;
    private final PageSource source;
    private final int pageNumber;

    /**
     * @param rows        the rows, or null for a result without rows (Void, Schema_change, ...)
     * @param pagingState the paging state of the next page, or null on the last page
     */
    public DefaultResultPage(RowsResult rows, RowShape shape, ExecutionInfo info, ByteBuffer pagingState,
                             PageSource source, int pageNumber) {
        this.rows = rows;
        this.shape = shape;
        this.info = info;
        this.infoSource = null;
        this.schemaInAgreement = true;
        this.pagingState = pagingState;
        this.source = source;
        this.pageNumber = pageNumber;
    }

    /**
     * A page whose execution info {@code infoSource} makes from {@code answer} when it is first
     * asked for.
     */
    public DefaultResultPage(RowsResult rows, RowShape shape, InfoSource infoSource, Object answer,
                             boolean schemaInAgreement, ByteBuffer pagingState, PageSource source, int pageNumber) {
        this.rows = rows;
        this.shape = shape;
        this.info = answer;
        this.infoSource = infoSource;
        this.schemaInAgreement = schemaInAgreement;
        this.pagingState = pagingState;
        this.source = source;
        this.pageNumber = pageNumber;
    }

    /** The number of rows. */
    public int rowCount() {
        return rows == null ? 0 : rows.rowCount();
    }

    /** Row {@code i} (a new view each call). */
    public Row row(int i) {
        return new DefaultRow(rows, i, shape);
    }

    /** The paging state of the next page, or null on the last page. */
    public ByteBuffer nextPagingState() {
        return pagingState;
    }

    /** The page number, from 1. */
    public int pageNumber() {
        return pageNumber;
    }

    @Override
    public List<Row> rows() {
        if (rows == null || rows.rowCount() == 0) {
            return List.of();
        }
        return new RowList();
    }

    private final class RowList extends AbstractList<Row> implements RandomAccess {
        @Override
        public Row get(int index) {
            return row(java.util.Objects.checkIndex(index, rows.rowCount()));
        }

        @Override
        public int size() {
            return rows.rowCount();
        }
    }

    @Override
    public ColumnDefinitions columnDefinitions() {
        return shape.definitions();
    }

    @Override
    public boolean wasApplied() {
        if (rows == null || rows.rowCount() == 0 || shape.size() == 0) {
            return true;
        }
        int i = shape.definitions().firstIndexOf("\"[applied]\"");
        if (i < 0 || shape.specs().get(i).type() != PrimitiveType.BOOLEAN) {
            return true;
        }
        return row(0).getBoolean(i);
    }

    @Override
    public ExecutionInfo executionInfo() {
        Object i = info;
        if (infoSource == null || i instanceof ExecutionInfo) {
            return (ExecutionInfo) i;
        }
        // racing callers each make an equal record: the last one stays
        ExecutionInfo made = infoSource.executionInfo(i, pagingState, schemaInAgreement);
        info = made;
        return made;
    }

    @Override
    public boolean hasMorePages() {
        return pagingState != null;
    }

    @Override
    public Mono<ResultPage> next() {
        if (pagingState == null) {
            return Mono.empty();
        }
        return source.fetch(pagingState, pageNumber + 1).cast(ResultPage.class);
    }

    @Override
    public String toString() {
        return "ResultPage[" + rowCount() + " rows, page " + pageNumber + (hasMorePages() ? ", more" : ", last")
                + "]";
    }
}
