package io.reactivecql.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Fails a test class when netty reported a leaked buffer while it ran. Registered for every test
 * through JUnit's extension auto-detection (service file in this jar, enabled by the root pom).
 *
 * <p>Netty only notices a leak when the leaked buffer has been garbage-collected and another
 * buffer is tracked afterwards, so after each class this forces a few collections and allocates
 * tracked buffers to drain the reference queue. A leak reported here may come from an earlier
 * class of the same JVM: the report's access records say where the buffer was touched.
 */
public final class LeakDetectionExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " netty buffer leak(s) detected after "
                    + context.getDisplayName() + ":\n" + String.join("\n\n", leaks));
        }
    }

    /**
     * Forces garbage collection, polls netty's leak detectors and returns the leaks reported since
     * the last call. Public so that a test can check a specific piece of code directly.
     */
    public static List<String> collectLeaks() throws InterruptedException {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("tests must run with -Dio.netty.leakDetection.level=PARANOID, not "
                    + ResourceLeakDetector.getLevel());
        }
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            pollDetectors();
        }
        if (!RecordingLeakDetector.isInstalled()) {
            throw new IllegalStateException("netty is not using RecordingLeakDetector: the test JVM lacks "
                    + "-Dio.netty.customResourceLeakDetector=" + RecordingLeakDetector.class.getName());
        }
        return RecordingLeakDetector.drainLeaks();
    }

    private static void pollDetectors() {
        // at PARANOID every tracked allocation first reports what the reference queue holds
        for (int i = 0; i < 4; i++) {
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(8);
            pooled.release();
            ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
            heap.release();
            ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.directBuffer(8);
            unpooled.release();
        }
    }
}
