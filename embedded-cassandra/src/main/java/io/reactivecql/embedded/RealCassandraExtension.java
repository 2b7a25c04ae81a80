package io.reactivecql.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 side of {@link RealCassandra}: before a class runs, makes sure the shared cluster it
 * asks for is up ({@link SharedCassandra#acquire}), and resolves {@link CassandraCluster}
 * parameters to it. A {@link NodeControlUnsupportedException} (node control on a
 * {@code CASSANDRA_CONTACT_POINTS} cluster) skips the test instead of failing it.
 *
 * <p>Usable directly as {@code @ExtendWith(RealCassandraExtension.class)}: a single node then.
 * Test classes of one JVM must not run in parallel, since they share the cluster.
 */
public final class RealCassandraExtension implements BeforeAllCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CassandraCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw skipIfUnsupported(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw skipIfUnsupported(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw skipIfUnsupported(throwable);
    }

    /** The cluster the test class asks for; acquiring an equal running one is cheap. */
    private static CassandraCluster cluster(ExtensionContext context) {
        RealCassandra settings = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, RealCassandra.class))
                .orElse(null);
        EmbeddedCassandra.Builder builder = EmbeddedCassandra.builder();
        if (settings != null) {
            builder.nodes(settings.nodes());
            if (!settings.authenticator().isEmpty()) {
                builder.authenticator(settings.authenticator());
            }
        }
        return SharedCassandra.acquire(builder);
    }

    /** {@code throwable} itself, or a skip when it (or a cause) is a {@link NodeControlUnsupportedException}. */
    static Throwable skipIfUnsupported(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof NodeControlUnsupportedException unsupported) {
                return new TestAbortedException("skipped: " + unsupported.getMessage(), throwable);
            }
        }
        return throwable;
    }
}
