package io.reactivecql.internal.connection;

import io.netty.handler.ssl.SslContext;
import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.result.RowsResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Configurations and small helpers shared by the connection ITs. */
final class Connections {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String RELEASE_VERSION = "SELECT release_version FROM system.local";

    private Connections() {
    }

    static ConnectionConfig config(ProtocolVersion version, String compression) {
        return builder().version(version).compression(compression).build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Mutable stand-in for the session's configuration, for tests. */
    static final class Builder {
        private ProtocolVersion version;
        private String compression;
        private AuthProvider auth;
        private SslContext ssl;
        private boolean hostnameVerification = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration heartbeat = Duration.ofSeconds(30);
        private int maxStreamIds = ConnectionConfig.MAX_STREAM_IDS;
        private int maxQueued = 10_000;
        private String keyspace;
        private List<String> events = List.of();

        Builder version(ProtocolVersion v) {
            version = v;
            return this;
        }

        Builder compression(String c) {
            compression = c;
            return this;
        }

        Builder auth(AuthProvider a) {
            auth = a;
            return this;
        }

        Builder ssl(SslContext s, boolean verifyHostname) {
            ssl = s;
            hostnameVerification = verifyHostname;
            return this;
        }

        Builder heartbeat(Duration d) {
            heartbeat = d;
            return this;
        }

        Builder keyspace(String k) {
            keyspace = k;
            return this;
        }

        Builder events(String... types) {
            events = List.of(types);
            return this;
        }

        Builder streams(int ids, int queued) {
            maxStreamIds = ids;
            maxQueued = queued;
            return this;
        }

        ConnectionConfig build() {
            return new ConnectionConfig(version, compression, auth, ssl, hostnameVerification, connectTimeout,
                    heartbeat, maxStreamIds, maxQueued, keyspace, events, "ReactiveCQL-IT", "test");
        }
    }

    /** The server's release_version through {@code transport}. */
    static String releaseVersion(CqlTransport transport) {
        Envelope answer = transport.send(new Query(RELEASE_VERSION)).block(TIMEOUT);
        return firstText(answer);
    }

    static String firstText(Envelope answer) {
        if (!(answer.message() instanceof RowsResult rows)) {
            throw new AssertionError("expected rows, got " + answer.message());
        }
        return StandardCharsets.UTF_8.decode(rows.cell(0, 0)).toString();
    }
}
