package io.reactivecql.api.extension;

import reactor.core.publisher.Mono;

/**
 * Something attached to a session for its lifetime (found with
 * {@code ReactiveSession.extension(Class)} by any type it implements). Closed when the session
 * closes, before its connections.
 */
public interface SessionExtension {

    /** Releases what the extension holds; must not fail, must not block. */
    Mono<Void> close();
}
