package io.reactivecql.schema.internal;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.extension.ControlChannel;
import io.reactivecql.api.extension.SessionExtensionProvider;
import io.reactivecql.schema.api.SchemaConfig;
import io.reactivecql.schema.api.SessionMetadata;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Attaches {@link SessionMetadata} to cluster sessions. Public with a no-argument constructor for
 * {@link java.util.ServiceLoader} (default settings); configured instances come from
 * {@link SessionMetadata#configure}.
 */
public final class SchemaExtensionProvider implements SessionExtensionProvider {

    private final SchemaConfig config;
    private final boolean tokenMap;

    /** Default settings: every keyspace, token map on. */
    public SchemaExtensionProvider() {
        this(SchemaConfig.defaults(), true);
    }

    public SchemaExtensionProvider(SchemaConfig config, boolean tokenMap) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokenMap = tokenMap;
    }

    @Override
    public Mono<SessionMetadata> attach(ReactiveSession session, ControlChannel control) {
        return DefaultSessionMetadata.start(control, config, tokenMap);
    }

    @Override
    public String toString() {
        return "SchemaExtensionProvider[" + config + ", tokenMap=" + tokenMap + "]";
    }
}
