package io.reactivecql.embedded;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a real Cassandra: the JVM-wide {@link SharedCassandra} cluster with
 * these settings, injected as a {@link CassandraCluster} parameter (constructor, lifecycle or test
 * method). See {@link RealCassandraExtension}.
 *
 * <pre>{@code
 * @RealCassandra(nodes = 3)
 * class FailoverIT {
 *     @Test
 *     void survivesANodeLoss(CassandraCluster cluster) {
 *         cluster.node(2).kill();   // skipped, not failed, on a CASSANDRA_CONTACT_POINTS cluster
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>For settings this annotation lacks (TLS, datacenters), don't use it: keep
 * {@code SharedCassandra.acquire(EmbeddedCassandra.builder()...)} from {@code @BeforeAll} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealCassandraExtension.class)
public @interface RealCassandra {

    /** Node count: 1 (default) or a cluster, e.g. 3. */
    int nodes() default 1;

    /** The yaml authenticator, e.g. {@code "PasswordAuthenticator"}; empty for none. */
    String authenticator() default "";
}
