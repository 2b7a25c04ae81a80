package io.reactivecql.internal.session;

import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.extension.ControlChannel;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.internal.result.DefaultResultPage;
import io.reactivecql.internal.result.RowShape;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.result.RowsResult;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** The public face of the session's control connection: its rows decoded with the session's codecs. */
final class SessionControlChannel implements ControlChannel {

    private final io.reactivecql.internal.control.ControlChannel control;
    private final CodecRegistry registry;

    SessionControlChannel(io.reactivecql.internal.control.ControlChannel control, CodecRegistry registry) {
        this.control = control;
        this.registry = registry;
    }

    @Override
    public Optional<InetSocketAddress> endpoint() {
        return Optional.ofNullable(control.endpoint());
    }

    @Override
    public Flux<Row> query(String cql) {
        return control.query(cql).flatMapMany(this::rows);
    }

    private Flux<Row> rows(RowsResult rows) {
        DefaultResultPage page = new DefaultResultPage(rows, RowShape.of(rows.metadata().columns(), registry), null,
                null, null, 1);
        return Flux.range(0, page.rowCount()).map(page::row);
    }

    @Override
    public Flux<SchemaChange> schemaChanges() {
        return control.schemaChanges();
    }

    @Override
    public Flux<InetSocketAddress> reconnections() {
        return control.reconnections();
    }

    @Override
    public List<Node> nodes() {
        return control.nodes();
    }

    @Override
    public Flux<List<Node>> topology() {
        return control.topology();
    }

    @Override
    public void replicaLocator(ReplicaLocator locator) {
        control.replicaLocator(locator);
    }

    @Override
    public String toString() {
        return "ControlChannel[" + control.endpoint() + "]";
    }
}
