package io.reactivecql.schema.api;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.extension.SessionExtension;
import io.reactivecql.api.extension.SessionExtensionProvider;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.schema.api.token.TokenMap;
import io.reactivecql.schema.internal.SchemaExtensionProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * The schema and token metadata this module attaches to every cluster session it is on the
 * classpath of (a {@link SessionExtensionProvider} found with {@link java.util.ServiceLoader}): the
 * session's control connection feeds a {@link SchemaMetadataManager} (SCHEMA_CHANGE events, and a
 * full reload whenever the control connection re-opens) and a {@link TokenMap} of the session's
 * nodes, which it plugs in as the session's replica locator, so token-aware load balancing routes
 * to replicas without any setup. The first schema load completes before {@code connect()} emits
 * the session.
 *
 * <pre>{@code
 * Metadata schema = SessionMetadata.of(session).current();
 * SessionMetadata.of(session).changes().subscribe(change -> log.info("schema: {}", change));
 * ReactiveSession.builder()...withExtension(SessionMetadata.configure(
 *         SchemaConfig.defaults().withKeyspaces("shop"))).connect();
 * }</pre>
 */
public interface SessionMetadata extends SessionExtension {

    /**
     * The metadata attached to {@code session}.
     *
     * @throws IllegalStateException when the session has none (it was opened without discovery)
     */
    static SessionMetadata of(ReactiveSession session) {
        return session.extension(SessionMetadata.class).orElseThrow(() -> new IllegalStateException(
                "no schema metadata is attached to " + session + ": only sessions that discover the cluster "
                        + "(SessionBuilder.connect()) attach it"));
    }

    /**
     * A provider with these settings, for {@code SessionBuilder.withExtension}; it replaces the
     * default one (all keyspaces, token map on).
     */
    static SessionExtensionProvider configure(SchemaConfig config) {
        return new SchemaExtensionProvider(config, true);
    }

    /**
     * As {@link #configure(SchemaConfig)}; {@code tokenAwareRouting} false leaves the session's
     * replica locator alone (no token map is built).
     */
    static SessionExtensionProvider configure(SchemaConfig config, boolean tokenAwareRouting) {
        return new SchemaExtensionProvider(config, tokenAwareRouting);
    }

    /** The schema metadata manager the session's control connection feeds. */
    SchemaMetadataManager schema();

    /** The current schema snapshot, once the first load is done (waits for it without blocking). */
    default Mono<Metadata> metadata() {
        return schema().metadata();
    }

    /** The current schema snapshot ({@link Metadata#EMPTY} before the first load). */
    default Metadata current() {
        return schema().current();
    }

    /** Hot: the schema changes from now on (see {@link SchemaMetadataManager#changes()}). */
    default Flux<SchemaChange> changes() {
        return schema().changes();
    }

    /**
     * The current token map of the session's nodes and of the keyspaces the schema metadata keeps;
     * empty before it could be built (no node with tokens yet) or when token-aware routing is off.
     */
    Optional<TokenMap<Node>> tokenMap();
}
