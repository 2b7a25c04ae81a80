package io.reactivecql.benchmarks.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One session of the Apache Cassandra Java driver, shared by its two ways of calling
 * ({@code executeAsync} and {@code executeReactive}). Its defaults, except: schema metadata off
 * (not on the request path, and the stub node has none), the page size and timeout of our driver.
 */
final class JavaDriverSession implements AutoCloseable {

    final CqlSession session;
    final LongAdder responses = new LongAdder();
    PreparedStatement insert;
    PreparedStatement select;
    PreparedStatement partition;

    JavaDriverSession(InetSocketAddress node, String datacenter, int pageSize) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withInt(DefaultDriverOption.REQUEST_PAGE_SIZE, pageSize)
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                // a busy 2-core machine can take longer than the defaults to set a connection up
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
                .build();
        this.session = CqlSession.builder()
                .addContactPoint(node)
                .withLocalDatacenter(datacenter)
                .withConfigLoader(config)
                .addRequestTracker(new RequestTracker() {
                    @Override
                    public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node n,
                                          String logPrefix) {
                        responses.increment();
                    }

                    @Override
                    public void close() {
                    }
                })
                .build();
    }

    void prepare() {
        insert = session.prepare(Schema.INSERT);
        select = session.prepare(Schema.SELECT);
    }

    void preparePartition() {
        partition = session.prepare(Schema.SELECT_PARTITION);
    }

    @Override
    public void close() {
        session.close();
    }
}
