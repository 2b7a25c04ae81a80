package io.reactivecql.internal.request;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.ThreadExecutorMap;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * Bounds a request by its timeout: when it expires first, the request is cancelled and the
 * subscriber gets the error {@code onTimeout} makes. A cheaper {@code Mono.timeout}: one object
 * per request and a task in the current event loop's schedule (or, off an event loop, an O(1)
 * entry in a shared hashed-wheel timer), where Reactor's operator builds
 * several subscribers, a scheduled task and a description string (walking the operator chain)
 * for every subscription.
 */
final class RequestTimeout<T> extends Mono<T> {

    /**
     * One timer thread for every session: timeouts fire on it, within one tick (10 ms) of their
     * deadline. A plain daemon thread (not netty's FastThreadLocalThread, which BlockHound treats
     * as non-blocking), started here so that no request thread waits for it to start.
     */
    private static final HashedWheelTimer TIMER = new HashedWheelTimer(runnable -> {
        Thread thread = new Thread(runnable, "reactivecql-timeouts");
        thread.setDaemon(true);
        return thread;
    }, 10, TimeUnit.MILLISECONDS, 512, false);

    static {
        TIMER.start();
    }

    private final Mono<T> source;
    private final long timeoutNanos;
    private final Supplier<? extends Throwable> onTimeout;

    RequestTimeout(Mono<T> source, Duration timeout, Supplier<? extends Throwable> onTimeout) {
        this.source = Objects.requireNonNull(source, "source");
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = Objects.requireNonNull(onTimeout, "onTimeout");
    }

    /**
     * Schedules {@code task} in {@code nanos} on the current event loop, or returns null when this
     * thread is none (or its loop is shutting down): the caller then uses {@link #shared}.
     */
    static Future<?> onCurrentLoop(Callable<Void> task, long nanos) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop != null && !loop.isShuttingDown()) {
            try {
                // as a Callable: netty wraps a Runnable in one more object per task
                return loop.schedule(task, nanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // the shared timer then
            }
        }
        return null;
    }

    /** Schedules {@code task} in {@code nanos} on the shared timer thread. */
    static Timeout shared(TimerTask task, long nanos) {
        return TIMER.newTimeout(task, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new TimeoutSubscriber<>(actual, timeoutNanos, onTimeout));
    }

    /** Whoever flips {@link #done} first (a signal, the timer or a cancel) wins; the others do nothing. */
    static final class TimeoutSubscriber<T> implements CoreSubscriber<T>, Subscription, TimerTask, Callable<Void> {

        private static final AtomicIntegerFieldUpdater<TimeoutSubscriber> DONE =
                AtomicIntegerFieldUpdater.newUpdater(TimeoutSubscriber.class, "done");

        private final CoreSubscriber<? super T> actual;
        private final long timeoutNanos;
        private final Supplier<? extends Throwable> onTimeout;
        private Subscription upstream;
        /** Exactly one of these two is set, by onSubscribe. */
        private Timeout timeout;
        private Future<?> scheduled;
        private volatile int done;

        TimeoutSubscriber(CoreSubscriber<? super T> actual, long timeoutNanos, Supplier<? extends Throwable> onTimeout) {
            this.actual = actual;
            this.timeoutNanos = timeoutNanos;
            this.onTimeout = onTimeout;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                schedule();
                actual.onSubscribe(this);
            }
        }

        /**
         * On an event loop (a request started where the previous one completed, the common case
         * under load) the timeout goes into that loop's own scheduled-task queue: no cross-thread
         * queue on the way in, nor on the way out when the answer comes back on the same loop. The
         * shared timer's two MPSC queues (new and cancelled timeouts) were the hottest frames of
         * the request path. Elsewhere, or when the loop is shutting down, the shared timer.
         */
        private void schedule() {
            scheduled = onCurrentLoop(this, timeoutNanos);
            if (scheduled == null) {
                timeout = TIMER.newTimeout(this, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void cancelTimer() {
            Future<?> task = scheduled;
            if (task != null) {
                task.cancel(false);
            } else {
                timeout.cancel();
            }
        }

        /** The event loop's scheduled task: the deadline passed first. */
        @Override
        public Void call() {
            run(null);
            return null;
        }

        @Override
        public void onNext(T value) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onNext(value);
                actual.onComplete(); // a Mono: nothing follows a value
            } else {
                Operators.onDiscard(value, actual.currentContext());
            }
        }

        @Override
        public void onError(Throwable error) {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onError(error);
            } else {
                Operators.onErrorDropped(error, actual.currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                actual.onComplete();
            }
        }

        /** The timer thread (or the event loop, through {@link #call()}): the deadline passed first. */
        @Override
        public void run(Timeout expired) {
            if (DONE.compareAndSet(this, 0, 1)) {
                upstream.cancel();
                Throwable error;
                try {
                    error = onTimeout.get();
                } catch (Throwable t) {
                    error = t;
                }
                actual.onError(error);
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (DONE.compareAndSet(this, 0, 1)) {
                cancelTimer();
                upstream.cancel();
            }
        }
    }
}
