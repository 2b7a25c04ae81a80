package io.reactivecql.internal.request;

import io.reactivecql.api.result.Row;
import io.reactivecql.internal.result.DefaultResultPage;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Supplier;

/**
 * The rows of a statement, page after page, fetched as demand requires: the first page is
 * requested on the first {@code request(n)}, and page N+1 only when the rows still owed to the
 * subscriber exceed the rows received and not yet emitted, less a read-ahead allowance of
 * {@code readAheadPages} pages. At most one page request is in flight. Cancelling cancels the
 * request in flight and drops the buffered rows. A page without rows that announces more pages is
 * followed by the next one as the same rule allows.
 *
 * <p>Demand, pages arriving and cancellation meet in one serialized drain loop (a work-in-progress
 * counter, no lock): whichever thread signals runs the loop, and re-entrant calls from
 * {@code onNext} only mark missed work. Errors are delivered after the rows received before them.
 */
public final class RowPublisher extends Flux<Row> {

    private final Supplier<? extends DefaultResultPage.PageSource> sources;
    private final long readAheadRows;

    /**
     * @param sources       makes the page source of each subscription (each subscription executes
     *                      the statement anew); may throw to fail the subscription
     * @param readAheadPages pages that may be fetched beyond demand
     * @param pageSize      the expected rows per page, to turn pages of read-ahead into rows
     */
    public RowPublisher(Supplier<? extends DefaultResultPage.PageSource> sources, int readAheadPages, int pageSize) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.readAheadRows = (long) readAheadPages * Math.max(1, pageSize);
    }

    @Override
    public void subscribe(CoreSubscriber<? super Row> actual) {
        DefaultResultPage.PageSource source;
        try {
            source = Objects.requireNonNull(sources.get(), "page source");
        } catch (Throwable e) {
            Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
            return;
        }
        actual.onSubscribe(new RowSubscription(actual, source, readAheadRows));
    }

    static final class RowSubscription implements Subscription {

        private static final AtomicLongFieldUpdater<RowSubscription> REQUESTED =
                AtomicLongFieldUpdater.newUpdater(RowSubscription.class, "requested");
        private static final AtomicIntegerFieldUpdater<RowSubscription> WIP =
                AtomicIntegerFieldUpdater.newUpdater(RowSubscription.class, "wip");

        final CoreSubscriber<? super Row> actual;
        private final DefaultResultPage.PageSource source;
        private final long readAheadRows;

        private volatile long requested;
        private volatile int wip;
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        private volatile PageFetch inFlight;

        // owned by the thread that holds the drain loop
        // at most the read-ahead plus one page wait here: a small deque (the default holds 16),
        // made for the first page with rows (a write's result has none)
        private ArrayDeque<DefaultResultPage> pages;
        private DefaultResultPage current;
        private int index;
        private long buffered;
        private boolean started;
        private boolean fetching;
        private boolean morePages = true;
        private ByteBuffer pagingState;
        private int pageNumber;
        private Throwable failure;

        RowSubscription(CoreSubscriber<? super Row> actual, DefaultResultPage.PageSource source, long readAheadRows) {
            this.actual = actual;
            this.source = source;
            this.readAheadRows = readAheadRows;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("§3.9 violated: request(" + n
                        + "); the number of rows requested must be positive");
            } else {
                Operators.addCap(REQUESTED, this, n);
            }
            drain();
        }

        @Override
        public void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            PageFetch fetch = inFlight;
            if (fetch != null) {
                fetch.cancel();
            }
            drain();
        }

        void drain() {
            if (WIP.getAndIncrement(this) != 0) {
                return;
            }
            int missed = 1;
            for (;;) {
                if (cancelled) {
                    clear();
                    return; // wip stays non-zero: nothing runs the loop again
                }
                Throwable bad = badRequest;
                if (bad != null) {
                    terminate();
                    actual.onError(bad);
                    return;
                }
                if (fetching) {
                    collect(inFlight);
                }
                // ask for the next page before emitting the rows we hold, so that the node works
                // on it while the subscriber consumes them (emitting first left the node idle for a
                // whole page); the rule is the same, and so is the bound on what is buffered. A
                // fetch answered before it returned was taken at once: ask for the one after it too
                if (fetchIfWanted() && !fetching) {
                    fetchIfWanted();
                }
                long r = requested;
                long emitted = 0;
                while (emitted != r) {
                    if (cancelled) {
                        clear();
                        return;
                    }
                    if (current == null || index == current.rowCount()) {
                        current = pages == null ? null : pages.poll();
                        index = 0;
                        if (current == null) {
                            break;
                        }
                        continue;
                    }
                    Row row = current.row(index++);
                    buffered--;
                    actual.onNext(row);
                    emitted++;
                }
                if (emitted != 0) {
                    Operators.produced(REQUESTED, this, emitted);
                }
                if (cancelled) {
                    clear();
                    return;
                }
                if (buffered == 0) {
                    if (failure != null) {
                        terminate();
                        actual.onError(failure);
                        return;
                    }
                    if (started && !fetching && !morePages) {
                        terminate();
                        actual.onComplete();
                        return;
                    }
                }
                if (fetchIfWanted() && !fetching) {
                    continue; // it answered at once: take the page in this pass
                }
                missed = WIP.addAndGet(this, -missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        /**
         * Starts the next page request when demand goes past the rows held plus the read-ahead (or,
         * first of all, when there is any demand); true when it did.
         */
        private boolean fetchIfWanted() {
            if (fetching || !morePages || failure != null) {
                return false;
            }
            long pending = requested;
            boolean wanted = started ? buffered - pending < readAheadRows : pending > 0;
            if (wanted) {
                startFetch();
            }
            return wanted;
        }

        private void collect(PageFetch fetch) {
            int state = fetch.state;
            if (state == PageFetch.DONE) {
                fetching = false;
                DefaultResultPage page = fetch.page;
                if (page == null) {
                    morePages = false;
                    return;
                }
                int rows = page.rowCount();
                if (rows > 0) {
                    if (pages == null) {
                        pages = new ArrayDeque<>(2);
                    }
                    pages.offer(page);
                    buffered += rows;
                }
                pagingState = page.nextPagingState();
                morePages = pagingState != null;
            } else if (state == PageFetch.FAILED) {
                fetching = false;
                morePages = false;
                failure = fetch.error;
            }
        }

        private void startFetch() {
            started = true;
            fetching = true;
            pageNumber++;
            PageFetch fetch = new PageFetch(this);
            inFlight = fetch;
            if (cancelled) {
                return; // cancel() may not have seen this fetch: do not send it
            }
            try {
                source.fetch(pagingState, pageNumber, fetch);
            } catch (Throwable e) {
                if (fetch.state == PageFetch.PENDING) {
                    fetch.fail(e);
                }
                collect(fetch);
                return;
            }
            if (fetch.state != PageFetch.PENDING) {
                collect(fetch);
            }
        }

        private void terminate() {
            cancelled = true;
            PageFetch fetch = inFlight;
            if (fetch != null) {
                fetch.cancel();
            }
            clear();
        }

        private void clear() {
            if (pages != null) {
                pages.clear();
            }
            current = null;
            buffered = 0;
        }
    }

    /** The subscriber of one page request; hands the page (or error) to the drain loop. */
    static final class PageFetch implements CoreSubscriber<DefaultResultPage> {

        static final int PENDING = 0;
        static final int DONE = 1;
        static final int FAILED = 2;

        private static final VarHandle SUBSCRIPTION;

        static {
            try {
                SUBSCRIPTION = MethodHandles.lookup().findVarHandle(PageFetch.class, "subscription",
                        Subscription.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private static final Subscription CANCELLED = new Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        };

        private final RowSubscription parent;
        private volatile Subscription subscription;
        volatile int state;
        DefaultResultPage page;
        Throwable error;

        PageFetch(RowSubscription parent) {
            this.parent = parent;
        }

        @Override
        public Context currentContext() {
            return parent.actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (SUBSCRIPTION.compareAndSet(this, null, s)) {
                s.request(Long.MAX_VALUE);
            } else {
                s.cancel();
            }
        }

        @Override
        public void onNext(DefaultResultPage value) {
            page = value;
        }

        @Override
        public void onError(Throwable t) {
            if (state != PENDING) {
                Operators.onErrorDropped(t, currentContext());
                return;
            }
            fail(t);
            parent.drain();
        }

        void fail(Throwable t) {
            error = t;
            state = FAILED;
        }

        @Override
        public void onComplete() {
            if (state == PENDING) {
                state = DONE;
                parent.drain();
            }
        }

        /**
         * Cancels the page request if it is still pending. An answered request is left alone: a
         * cancel after the answer would reach the request tracker as a cancelled request (and cost
         * an exception with its stack trace per page).
         */
        void cancel() {
            Subscription s = (Subscription) SUBSCRIPTION.getAndSet(this, CANCELLED);
            if (s != null && s != CANCELLED && state == PENDING) {
                s.cancel();
            }
        }
    }
}
