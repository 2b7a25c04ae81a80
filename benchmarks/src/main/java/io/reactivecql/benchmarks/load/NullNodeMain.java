package io.reactivecql.benchmarks.load;

import io.reactivecql.protocol.types.PrimitiveType;
import io.reactivecql.stub.Reply;
import io.reactivecql.stub.Rows;
import io.reactivecql.stub.StubNode;

import java.io.IOException;

/**
 * The null node, run in its own JVM by {@link NullNode} so that its CPU is not the client's: a stub
 * node that answers every EXECUTE of the benchmark's INSERT and SELECT at once from pre-encoded
 * bytes ({@link StubNode#answerInstantly}), one event loop. Prints {@code NULL-NODE <port>} when
 * listening and stops when its standard input closes (the runner exited).
 */
public final class NullNodeMain {

    private NullNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        StubNode node = StubNode.builder().address(host, 0).strict(false).eventLoopThreads(1).start();
        Rows row = Rows.builder().table(Schema.KEYSPACE, "kv")
                .column("k", PrimitiveType.BIGINT).column("v", PrimitiveType.VARCHAR)
                .row(42L, Schema.VALUE).build();
        node.when(Schema.INSERT).bindMarker("k", PrimitiveType.BIGINT).bindMarker("v", PrimitiveType.VARCHAR)
                .partitionKey(0).thenVoid();
        node.when(Schema.SELECT).bindMarker("k", PrimitiveType.BIGINT).partitionKey(0).thenRows(row);
        node.answerInstantly(null, Schema.INSERT, Reply.voidResult());
        node.answerInstantly(null, Schema.SELECT, Reply.rows(row));
        System.out.println("NULL-NODE " + node.port() + " " + node.info().dataCenter());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the runner goes away
        }
        node.close();
        System.exit(0);
    }
}
