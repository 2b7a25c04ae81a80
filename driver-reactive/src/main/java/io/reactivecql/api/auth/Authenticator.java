package io.reactivecql.api.auth;

import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;

/**
 * One SASL exchange on one connection: the initial response, answers to challenges, and the final
 * token. Methods return {@code Mono} so an implementation can fetch credentials without blocking
 * the event loop.
 */
public interface Authenticator {

    /** The token of the first AUTH_RESPONSE. */
    Mono<ByteBuffer> initialResponse();

    /** The answer to an AUTH_CHALLENGE token. */
    Mono<ByteBuffer> evaluateChallenge(ByteBuffer challenge);

    /** Called with the AUTH_SUCCESS token (may be null); completes when the exchange is accepted. */
    Mono<Void> onAuthenticationSuccess(ByteBuffer token);
}
