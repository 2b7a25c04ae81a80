package io.reactivecql.api.extension;

import io.reactivecql.api.ReactiveSession;
import reactor.core.publisher.Mono;

/**
 * Creates a {@link SessionExtension} for each cluster session. Providers listed in
 * {@code META-INF/services/io.reactivecql.api.extension.SessionExtensionProvider} are used by every
 * session; {@code SessionBuilder.withExtension} adds one, replacing a discovered provider of the
 * same class (so a module can offer its defaults through the service file and its settings
 * through the builder). Sessions opened without discovery (no control connection) attach none.
 */
public interface SessionExtensionProvider {

    /**
     * Attaches to a session that has just connected; {@code connect()} emits the session once every
     * provider's {@code Mono} completed. An empty {@code Mono} attaches nothing. An error fails the
     * connection attempt (the session is closed): report problems the session can live with by
     * logging them and attaching anyway.
     *
     * @param session the session, usable for queries
     * @param control the session's control connection and node snapshot
     */
    Mono<? extends SessionExtension> attach(ReactiveSession session, ControlChannel control);
}
