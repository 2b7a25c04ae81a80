package io.reactivecql.internal.request;

import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request timeout operator: value, error, expiry (cancelling the source) and cancel. */
class RequestTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aValueBeforeTheDeadlinePassesAndNothingFiresLater() {
        AtomicInteger cancels = new AtomicInteger();
        Mono<String> source = Mono.just("answer").doOnCancel(cancels::incrementAndGet);
        StepVerifier.create(new RequestTimeout<>(source, Duration.ofMillis(50), TimeoutException::new))
                .expectNext("answer")
                .expectComplete()
                .verifyThenAssertThat(WAIT)
                .hasNotDroppedErrors();
        StepVerifier.create(Mono.delay(Duration.ofMillis(120))).expectNextCount(1).verifyComplete();
        assertEquals(0, cancels.get(), "an answered request is not cancelled");
    }

    @Test
    void anErrorBeforeTheDeadlinePasses() {
        StepVerifier.create(new RequestTimeout<>(Mono.error(new IllegalStateException("boom")), Duration.ofSeconds(5),
                        TimeoutException::new))
                .expectErrorMessage("boom")
                .verify(WAIT);
    }

    @Test
    void theDeadlineCancelsTheSourceAndFailsWithTheGivenError() {
        AtomicInteger cancels = new AtomicInteger();
        Mono<String> never = Sinks.<String>one().asMono().doOnCancel(cancels::incrementAndGet);
        long start = System.nanoTime();
        StepVerifier.create(new RequestTimeout<>(never, Duration.ofMillis(100),
                        () -> new TimeoutException("request timed out")))
                .expectErrorMessage("request timed out")
                .verify(WAIT);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 95 && tookMillis < 2_000, "expired after " + tookMillis + " ms");
        assertEquals(1, cancels.get());
    }

    @Test
    void onAnEventLoopTheDeadlineIsScheduledOnThatLoop() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            AtomicInteger cancels = new AtomicInteger();
            Mono<String> never = Sinks.<String>one().asMono().doOnCancel(cancels::incrementAndGet);
            CompletableFuture<Thread> expiredOn = new CompletableFuture<>();
            loop.execute(() -> new RequestTimeout<>(never, Duration.ofMillis(50), TimeoutException::new)
                    .subscribe(v -> { }, e -> expiredOn.complete(Thread.currentThread())));
            assertTrue(loop.inEventLoop(expiredOn.get(5, TimeUnit.SECONDS)), "expired on the loop that subscribed");
            assertEquals(1, cancels.get());

            // answered in time on the loop: the scheduled deadline is cancelled, nothing fires later
            AtomicInteger timeouts = new AtomicInteger();
            CompletableFuture<String> answer = new CompletableFuture<>();
            loop.execute(() -> new RequestTimeout<>(Mono.just("answer"), Duration.ofMillis(50), () -> {
                timeouts.incrementAndGet();
                return new TimeoutException();
            }).subscribe(answer::complete));
            assertEquals("answer", answer.get(5, TimeUnit.SECONDS));
            Thread.sleep(120);
            assertEquals(0, timeouts.get());
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void cancellingCancelsTheSourceAndTheTimer() {
        AtomicInteger cancels = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        Mono<String> never = Sinks.<String>one().asMono().doOnCancel(cancels::incrementAndGet);
        StepVerifier.create(new RequestTimeout<>(never, Duration.ofMillis(50), () -> {
                    timeouts.incrementAndGet();
                    return new TimeoutException();
                }))
                .expectSubscription()
                .thenCancel()
                .verify(WAIT);
        StepVerifier.create(Mono.delay(Duration.ofMillis(120))).expectNextCount(1).verifyComplete();
        assertEquals(1, cancels.get());
        assertEquals(0, timeouts.get(), "a cancelled request does not time out");
    }
}
