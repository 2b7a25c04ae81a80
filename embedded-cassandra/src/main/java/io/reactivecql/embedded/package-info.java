/**
 * Real Apache Cassandra nodes for tests, samples and benchmarks, each in its own JVM.
 *
 * <p>Public API: {@link io.reactivecql.embedded.EmbeddedCassandra} (builder, entry point),
 * {@link io.reactivecql.embedded.CassandraCluster} and {@link io.reactivecql.embedded.CassandraNode}
 * (what a started cluster offers), {@link io.reactivecql.embedded.ClientEncryption} (TLS settings),
 * {@link io.reactivecql.embedded.SharedCassandra} (one cluster per JVM, reused),
 * {@link io.reactivecql.embedded.RealCassandra} and {@link io.reactivecql.embedded.RealCassandraExtension}
 * (JUnit 5; the only classes that need junit-jupiter-api, an optional dependency), and the exceptions
 * {@link io.reactivecql.embedded.EmbeddedCassandraException} and
 * {@link io.reactivecql.embedded.NodeControlUnsupportedException}.
 * Everything else is package-private implementation: yaml and command-line generation, pid files,
 * readiness probes.
 *
 * <p>All of it blocks: call it from test or tool code, never from an event loop.
 */
package io.reactivecql.embedded;
