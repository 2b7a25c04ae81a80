package io.reactivecql.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves the gates are live: a leaked buffer is reported, a blocking call on a non-blocking thread fails. */
class GatesTest {

    @Test
    void leakedBufferIsReported() throws Exception {
        LeakDetectionExtension.collectLeaks(); // start clean; throws if the detector is not installed
        assertTrue(RecordingLeakDetector.isInstalled());
        leak();
        List<String> leaks = List.of();
        for (int i = 0; i < 20 && leaks.isEmpty(); i++) {
            leaks = LeakDetectionExtension.collectLeaks();
        }
        assertFalse(leaks.isEmpty(), "a leaked buffer went unnoticed");
        assertTrue(leaks.get(0).contains("leakedBufferIsReported") || leaks.get(0).contains("leak"), leaks.get(0));
    }

    @Test
    void releasedBufferIsNotReported() throws Exception {
        LeakDetectionExtension.collectLeaks();
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeLong(42);
        buf.release();
        assertEquals(List.of(), LeakDetectionExtension.collectLeaks());
    }

    @Test
    void blockingOnParallelSchedulerFails() {
        Throwable error = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                })
                .subscribeOn(Schedulers.parallel())
                .map(Object.class::cast)
                .onErrorResume(e -> Mono.just(e))
                .block(Duration.ofSeconds(10)) instanceof Throwable t ? t : null;
        assertInstanceOf(BlockingOperationError.class, error, "BlockHound is not installed in this test JVM");
    }

    @Test
    void theNettyAllocatorRulesAreInstalledWithBlockHound() {
        boolean found = false;
        for (BlockHoundIntegration integration : ServiceLoader.load(BlockHoundIntegration.class)) {
            found |= integration instanceof NettyAllocatorBlockHoundIntegration;
        }
        assertTrue(found, "BlockHound would not load NettyAllocatorBlockHoundIntegration");
    }

    private static void leak() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeInt(7);
        buf.touch("leakedBufferIsReported");
        // no release: the buffer becomes unreachable when this frame returns
    }
}
