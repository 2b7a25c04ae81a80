package io.reactivecql.stub;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.response.event.Event;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A scripted Cassandra node: a netty server speaking the native protocol v4 and v5 through
 * driver-protocol's codecs, answering each request as its {@link Script} says, so that tests can
 * produce on demand what a real node will not (delays, silence, dropped connections, torn or
 * corrupt frames, any server error).
 *
 * <pre>{@code
 * try (StubNode node = StubNode.start(new InetSocketAddress("127.0.0.1", 0))) {
 *     node.when("SELECT v FROM ks.t").thenRows(rows);
 *     node.when("INSERT INTO ks.t (k, v) VALUES (?, ?)").once().thenError(new Overloaded("busy"));
 *     node.when(RequestMatcher.kind(RequestKind.OPTIONS)).thenNoAnswer();
 *     ... connect a driver to node.address() ...
 *     node.activity().awaitRequests(RequestMatcher.query("SELECT v FROM ks.t"), 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Unprimed, the node completes the handshake (OPTIONS, STARTUP with v4 body compression or v5
 * framing, SASL PLAIN when {@linkplain Builder#credentials credentials} are set, REGISTER), answers
 * {@code system.local}/{@code peers}/{@code peers_v2} from its {@link NodeInfo} and peers, accepts
 * {@code USE} and PREPARE, answers EXECUTE of an unknown id with Unprepared, and anything else
 * with an Invalid error naming the statement. See {@link Reply#standard()}.
 *
 * <p>Everything runs on the node's own netty event loops and never blocks there. The methods of
 * this class that wait ({@link #stop}, {@link #restart}, {@link #close}, {@link #pushEvent},
 * {@link #disconnectAll}) are for test threads and refuse to run on an event loop.
 *
 * <p>Problems (bytes from a client the node could not decode, messages out of order, exceptions
 * in the stub) are collected: {@link #assertNoProblems()}, and {@link #close()} fails with them
 * unless the node was built non-{@linkplain Builder#strict strict}.
 */
public final class StubNode implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static {
        // snappy-java and lz4-java load native code on first use, reading files: do it here, on the
        // thread that creates the first node, not later on an event loop
        for (Compressor compressor : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            ByteBuf input = Unpooled.wrappedBuffer(new byte[64]);
            try {
                ByteBuf compressed = compressor.compress(input, UnpooledByteBufAllocator.DEFAULT);
                compressor.decompress(compressed, UnpooledByteBufAllocator.DEFAULT, 64).release();
                compressed.release();
            } catch (RuntimeException | LinkageError unavailable) {
                // no native library for this platform: only connections asking for it will fail
            } finally {
                input.release();
            }
        }
    }

    private final NodeContext context;
    private final NodeInfo configuredInfo;
    private final EventLoopGroup group;
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private InetSocketAddress address;
    private volatile Channel server;
    private boolean closed;

    private StubNode(Builder builder) {
        NodeConfig config = new NodeConfig(builder.versions, builder.betaVersion, builder.compressions,
                builder.username, builder.password, builder.peersV2, builder.strict, builder.threads);
        this.configuredInfo = builder.info;
        this.address = builder.address;
        NodeInfo info = builder.info != null ? builder.info.withAddress(builder.address) : NodeInfo.of(builder.address);
        this.context = new NodeContext(config, info, builder.peers);
        this.group = new MultiThreadIoEventLoopGroup(builder.threads,
                new DefaultThreadFactory("stub-node-" + builder.address.getAddress().getHostAddress(), true),
                NioIoHandler.newFactory());
    }

    /** A node with the default settings, listening on {@code address} (port 0: an ephemeral port). */
    public static StubNode start(InetSocketAddress address) {
        return builder().address(address).start();
    }

    /** A node with the default settings on 127.0.0.1 and an ephemeral port. */
    public static StubNode start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    private void bind() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        children.add(channel);
                        channel.pipeline().addLast(new StubConnection(context, context.connectionIds.incrementAndGet()));
                    }
                });
        Channel bound = bootstrap.bind(address).syncUninterruptibly().channel();
        address = (InetSocketAddress) bound.localAddress();
        context.local = configuredInfo != null ? context.local.withAddress(address)
                : NodeInfo.of(address).withTokens(context.local.tokens());
        server = bound;
    }

    /** Whether the node is listening. */
    public boolean isRunning() {
        return server != null;
    }

    /**
     * Stops listening and closes every connection, waiting until they are closed. The script,
     * prepared statements and activity survive; {@link #restart()} listens again on the same port.
     */
    public synchronized void stop() {
        checkNotOnEventLoop("stop");
        Channel s = server;
        if (s == null) {
            return;
        }
        server = null;
        s.close().syncUninterruptibly();
        children.close().awaitUninterruptibly(WAIT.toMillis());
        settle();
        awaitPortReleased();
    }

    /**
     * Waits for two turns of every event loop: a closed NIO channel keeps its file descriptor until
     * the selector deregisters it on its next select. The first turn ends the current one, the
     * second includes a select.
     */
    private void settle() {
        for (int turn = 0; turn < 2; turn++) {
            for (EventExecutor executor : group) {
                executor.submit(() -> { }).awaitUninterruptibly(WAIT.toMillis());
            }
        }
    }

    /**
     * Waits until the listening socket is really gone, so that a connection attempt is refused and
     * {@link #restart()} can bind again: probing by binding the address ourselves, since even after
     * {@link #settle()} the kernel was seen to accept connections for a few milliseconds.
     */
    private void awaitPortReleased() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                probe.bind(address);
                return;
            } catch (IOException stillBound) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + address + " still bound " + WAIT + " after closing", stillBound);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
    }

    /** {@link #stop()} if running, then listens again on the same address and port. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the node is closed");
        }
        stop();
        bind();
    }

    /**
     * Stops the node for good and releases its threads.
     *
     * @throws AssertionError when the node is strict and recorded problems (they are attached)
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (context.config.strict()) {
            assertNoProblems();
        }
    }

    /** The address the node listens on (its bound port once started). */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    // ---------------------------------------------------------------- identity and topology

    /** Who the node says it is in {@code system.local}. */
    public NodeInfo info() {
        return context.local;
    }

    /** Changes who the node says it is (its address stays the bound one). */
    public void setInfo(NodeInfo info) {
        context.local = info.withAddress(address);
    }

    /** The nodes {@code system.peers} and {@code system.peers_v2} list. */
    public List<NodeInfo> peers() {
        return context.peers;
    }

    /** Replaces the nodes the peers tables list (say, after a node "left" the cluster). */
    public void setPeers(List<NodeInfo> peers) {
        context.peers = List.copyOf(peers);
    }

    // ---------------------------------------------------------------- scripting

    /** The node's primes. */
    public Script script() {
        return context.script;
    }

    /** {@code script().when(matcher)}. */
    public PrimeBuilder when(RequestMatcher matcher) {
        return context.script.when(matcher);
    }

    /** {@code script().when(cql)}: a prime for the statement {@code cql}, however it is run. */
    public PrimeBuilder when(String cql) {
        return context.script.when(cql);
    }

    /**
     * Makes the node a "null node" for the statement {@code query} prepared in {@code keyspace}
     * (null: none): every EXECUTE of its id is answered with {@code reply}, encoded once and copied
     * with the request's stream id, without decoding the request, consulting the script or
     * recording it in {@link #activity()}; the answers of one read go out in one write. For
     * benchmarks that measure the client's own cost. Prime the statement as usual too (for
     * PREPARE's bind markers and result columns); uncompressed v4 and (plain or LZ4-framed) v5 only,
     * traced or custom-payload EXECUTEs take the normal path.
     *
     * @param reply {@link Reply#voidResult()} or {@link Reply#rows(Rows)} (all rows in one page)
     * @throws IllegalArgumentException for any other reply
     */
    public synchronized void answerInstantly(String keyspace, String query, Reply reply) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(reply, "reply");
        io.reactivecql.protocol.Response full;
        io.reactivecql.protocol.Response skipped;
        if (reply.source() == Reply.Source.ROWS && reply.fault() == null) {
            full = reply.rows().page(0, 0, false);
            skipped = reply.rows().page(0, 0, true);
        } else if (reply.source() == Reply.Source.RESPONSE && reply.fault() == null
                && reply.response() instanceof io.reactivecql.protocol.response.result.VoidResult) {
            full = reply.response();
            skipped = reply.response();
        } else {
            throw new IllegalArgumentException("reply must be Reply.voidResult() or Reply.rows(...) without a fault, was "
                    + reply);
        }
        context.instant = context.instant.with(PreparedStatements.idOf(keyspace, query), full, skipped);
    }

    /** Forgets every prepared statement: the next EXECUTE of any of them gets Unprepared. */
    public void forgetPrepared() {
        context.prepared.clear();
    }

    /** The id the node gives {@code query} when prepared without a keyspace. */
    public static byte[] preparedId(String query) {
        return PreparedStatements.idOf(null, query);
    }

    /** The id the node gives {@code query} when prepared in {@code keyspace} (v5), as Cassandra computes it. */
    public static byte[] preparedId(String keyspace, String query) {
        return PreparedStatements.idOf(keyspace, query);
    }

    /**
     * Sends {@code event} (on stream -1) to every connection that REGISTERed for its type, and
     * returns how many that was. Waits until it was handed to each connection's event loop.
     */
    public int pushEvent(Event event) {
        Objects.requireNonNull(event, "event");
        checkNotOnEventLoop("pushEvent");
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (StubConnection connection : context.connections.values()) {
            sent.add(connection.pushEvent(event));
        }
        int count = 0;
        for (CompletableFuture<Boolean> future : sent) {
            try {
                count += future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pushing " + event, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not push " + event, e);
            }
        }
        return count;
    }

    /** Closes every open connection (orderly) and waits until they are closed; keeps listening. */
    public void disconnectAll() {
        checkNotOnEventLoop("disconnectAll");
        children.close().awaitUninterruptibly(WAIT.toMillis());
        settle();
    }

    // ---------------------------------------------------------------- observing

    /** What the node saw: requests, stream ids, connections. */
    public Activity activity() {
        return context.activity;
    }

    /** The problems recorded so far (see the class comment). */
    public List<Throwable> problems() {
        return context.problems();
    }

    /** Forgets the problems recorded so far: a test that provokes them on purpose calls this. */
    public void clearProblems() {
        context.clearProblems();
    }

    /** @throws AssertionError listing the problems recorded, if any */
    public void assertNoProblems() {
        List<Throwable> problems = context.problems();
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError("stub node " + address + " recorded " + problems.size()
                    + " problem(s), the first: " + problems.get(0));
            problems.forEach(error::addSuppressed);
            throw error;
        }
    }

    private void checkNotOnEventLoop(String what) {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                throw new IllegalStateException(what + " waits: call it from a test thread, not the node's event loop");
            }
        }
    }

    @Override
    public String toString() {
        return "StubNode[" + address + (isRunning() ? "" : ", stopped") + "]";
    }

    /** Settings of a {@link StubNode}. Not thread-safe. */
    public static final class Builder {

        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        private List<ProtocolVersion> versions = List.of(ProtocolVersion.V4, ProtocolVersion.V5);
        private ProtocolVersion betaVersion;
        private List<String> compressions = List.of("lz4", "snappy");
        private String username;
        private String password;
        private NodeInfo info;
        private List<NodeInfo> peers = List.of();
        private boolean peersV2 = true;
        private boolean strict = true;
        private int threads = 1;

        private Builder() {
        }

        /** Where to listen (default 127.0.0.1, port 0: an ephemeral port). */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder address(String host, int port) {
            return address(new InetSocketAddress(host, port));
        }

        /**
         * The protocol versions accepted (default v4 and v5). Others are refused as Cassandra
         * does: "Invalid or unsupported protocol version", then the connection is closed.
         */
        public Builder protocolVersions(ProtocolVersion... versions) {
            if (versions.length == 0) {
                throw new IllegalArgumentException("at least one protocol version");
            }
            List<ProtocolVersion> sorted = new ArrayList<>(Arrays.asList(versions));
            sorted.sort(null);
            this.versions = List.copyOf(sorted);
            return this;
        }

        /** Marks an accepted version as beta: requests in it need the USE_BETA flag. */
        public Builder betaVersion(ProtocolVersion version) {
            this.betaVersion = version;
            return this;
        }

        /** The STARTUP compressions accepted and advertised (default lz4 and snappy; none to refuse all). */
        public Builder compressions(String... algorithms) {
            List<String> lower = new ArrayList<>();
            for (String a : algorithms) {
                lower.add(a.toLowerCase(Locale.ROOT));
            }
            this.compressions = List.copyOf(lower);
            return this;
        }

        /** Requires SASL PLAIN authentication with these credentials (PasswordAuthenticator). */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Who the node says it is (its address is replaced by the bound one). */
        public Builder info(NodeInfo info) {
            this.info = info;
            return this;
        }

        /** The nodes system.peers and system.peers_v2 list (default none). */
        public Builder peers(List<NodeInfo> peers) {
            this.peers = List.copyOf(peers);
            return this;
        }

        /** Whether {@code system.peers_v2} exists (default true; false answers like Cassandra 3.x). */
        public Builder peersV2(boolean peersV2) {
            this.peersV2 = peersV2;
            return this;
        }

        /** Whether {@link StubNode#close()} fails on recorded problems (default true). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Event loop threads (default 1). */
        public Builder eventLoopThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Starts listening; the returned node is running. */
        public StubNode start() {
            if (betaVersion != null && !versions.contains(betaVersion)) {
                throw new IllegalArgumentException("beta version " + betaVersion + " is not among " + versions);
            }
            StubNode node = new StubNode(this);
            try {
                node.bind();
            } catch (Exception e) { // including BindException, which netty throws unchecked
                node.group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                throw e;
            }
            return node;
        }
    }
}
