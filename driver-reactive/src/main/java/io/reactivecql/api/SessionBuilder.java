package io.reactivecql.api;

import io.netty.handler.ssl.SslContext;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.auth.PlainTextAuthProvider;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.types.TypeCodec;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Configures and opens a {@link ReactiveSession}. Immutable: every {@code with*} and {@code add*}
 * method returns a new builder, so a partly configured builder can be shared and specialised.
 */
public final class SessionBuilder {

    private final List<InetSocketAddress> contactPoints;
    private final String localDatacenter;
    private final String keyspace;
    private final AuthProvider authProvider;
    private final SslContext sslContext;
    private final boolean hostnameVerification;
    private final ProtocolVersion protocolVersion;
    private final Compression compression;
    private final List<TypeCodec<?>> codecs;
    private final DriverConfig config;
    private final RequestTracker requestTracker;

    private SessionBuilder(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                           AuthProvider authProvider, SslContext sslContext, boolean hostnameVerification,
                           ProtocolVersion protocolVersion, Compression compression, List<TypeCodec<?>> codecs,
                           DriverConfig config, RequestTracker requestTracker) {
        this.contactPoints = contactPoints;
        this.localDatacenter = localDatacenter;
        this.keyspace = keyspace;
        this.authProvider = authProvider;
        this.sslContext = sslContext;
        this.hostnameVerification = hostnameVerification;
        this.protocolVersion = protocolVersion;
        this.compression = compression;
        this.codecs = codecs;
        this.config = config;
        this.requestTracker = requestTracker;
    }

    static SessionBuilder create() {
        return new SessionBuilder(List.of(), null, null, null, null, true, null, Compression.NONE, List.of(),
                DriverConfig.defaults(), null);
    }

    private SessionBuilder copy(List<InetSocketAddress> contactPoints, String localDatacenter, String keyspace,
                                AuthProvider authProvider, SslContext sslContext, boolean hostnameVerification,
                                ProtocolVersion protocolVersion, Compression compression, List<TypeCodec<?>> codecs,
                                DriverConfig config, RequestTracker requestTracker) {
        return new SessionBuilder(contactPoints, localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Adds a node to connect to first (tried in the order added). */
    public SessionBuilder addContactPoint(InetSocketAddress contactPoint) {
        Objects.requireNonNull(contactPoint, "contactPoint");
        List<InetSocketAddress> points = new ArrayList<>(contactPoints);
        points.add(contactPoint);
        return copy(Collections.unmodifiableList(points), localDatacenter, keyspace, authProvider, sslContext,
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Adds several contact points. */
    public SessionBuilder addContactPoints(Iterable<InetSocketAddress> points) {
        SessionBuilder b = this;
        for (InetSocketAddress p : points) {
            b = b.addContactPoint(p);
        }
        return b;
    }

    /** The datacenter whose nodes are preferred (used by load balancing once it can see the cluster). */
    public SessionBuilder withLocalDatacenter(String datacenter) {
        return copy(contactPoints, datacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, requestTracker);
    }

    /** The keyspace every connection USEs, so statements may name tables without it. */
    public SessionBuilder withKeyspace(String keyspaceName) {
        return copy(contactPoints, localDatacenter, keyspaceName, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Authenticates with a user name and password (SASL PLAIN, Cassandra's PasswordAuthenticator). */
    public SessionBuilder withAuthCredentials(String username, String password) {
        return withAuthenticator(new PlainTextAuthProvider(username, password));
    }

    /** Authenticates with this provider when a node asks to. */
    public SessionBuilder withAuthenticator(AuthProvider provider) {
        return copy(contactPoints, localDatacenter, keyspace, Objects.requireNonNull(provider, "provider"),
                sslContext, hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Connects with TLS, checking the server certificate against the host name. */
    public SessionBuilder withSsl(SslContext context) {
        return withSsl(context, true);
    }

    /** Connects with TLS; {@code hostnameVerification} false skips checking the certificate's host name. */
    public SessionBuilder withSsl(SslContext context, boolean hostnameVerification) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, Objects.requireNonNull(context, "context"),
                hostnameVerification, protocolVersion, compression, codecs, config, requestTracker);
    }

    /** Uses this protocol version instead of negotiating (v5 first, then v4). */
    public SessionBuilder withProtocolVersion(ProtocolVersion version) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                version, compression, codecs, config, requestTracker);
    }

    /** Compresses request and response bodies. */
    public SessionBuilder withCompression(Compression algorithm) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, Objects.requireNonNull(algorithm, "algorithm"), codecs, config, requestTracker);
    }

    /** Adds user codecs; they take precedence over the built-in ones where they apply. */
    public SessionBuilder withCodecs(TypeCodec<?>... userCodecs) {
        List<TypeCodec<?>> all = new ArrayList<>(codecs);
        all.addAll(Arrays.asList(userCodecs));
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, List.copyOf(all), config, requestTracker);
    }

    /** Replaces the settings (start from {@link DriverConfig#defaults()} or {@link #config()}). */
    public SessionBuilder withConfig(DriverConfig driverConfig) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, Objects.requireNonNull(driverConfig, "driverConfig"),
                requestTracker);
    }

    /** Observes every request sent (see {@link RequestTracker}). */
    public SessionBuilder withRequestTracker(RequestTracker tracker) {
        return copy(contactPoints, localDatacenter, keyspace, authProvider, sslContext, hostnameVerification,
                protocolVersion, compression, codecs, config, tracker);
    }

    /**
     * Opens the session: connects to the first contact point that answers (trying them in order)
     * and opens its connection pool. Non-blocking; fails with
     * {@link io.reactivecql.api.errors.NoNodeAvailableException} (the error per contact point
     * tried), {@link io.reactivecql.api.errors.AuthenticationException}, or
     * {@link IllegalStateException} when no contact point was given.
     */
    public Mono<ReactiveSession> connect() {
        return SessionFactory.connect(this);
    }

    public List<InetSocketAddress> contactPoints() {
        return contactPoints;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    public String keyspace() {
        return keyspace;
    }

    public AuthProvider authProvider() {
        return authProvider;
    }

    public SslContext sslContext() {
        return sslContext;
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    public Compression compression() {
        return compression;
    }

    public List<TypeCodec<?>> codecs() {
        return codecs;
    }

    public DriverConfig config() {
        return config;
    }

    public RequestTracker requestTracker() {
        return requestTracker;
    }
}
