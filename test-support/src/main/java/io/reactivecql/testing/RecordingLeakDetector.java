package io.reactivecql.testing;

import io.netty.util.ResourceLeakDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A netty leak detector that records every leak report, so that a test can fail on it instead of
 * a line in a log nobody reads. Netty instantiates it when the test JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=io.reactivecql.testing.RecordingLeakDetector}
 * (the root pom sets that for Surefire and Failsafe).
 *
 * @param <T> the tracked resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
    private static volatile boolean instantiated;

    /** The constructor netty's {@code DefaultResourceLeakDetectorFactory} looks up reflectively. */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        instantiated = true;
    }

    /** The (obsolete) constructor netty tries first; without it netty logs an error before falling back. */
    @SuppressWarnings("deprecation")
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
        instantiated = true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected."
                + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected.");
        super.reportUntracedLeak(resourceType);
    }

    /** Whether netty created this detector, i.e. whether the JVM flag is in effect. */
    public static boolean isInstalled() {
        return instantiated;
    }

    /** Removes and returns the leaks reported so far. */
    public static List<String> drainLeaks() {
        List<String> out = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null; ) {
            out.add(leak);
        }
        return out;
    }
}
