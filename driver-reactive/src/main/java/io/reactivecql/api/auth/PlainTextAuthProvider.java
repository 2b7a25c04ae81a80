package io.reactivecql.api.auth;

import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * SASL PLAIN with a user name and password, as Cassandra's {@code PasswordAuthenticator} expects:
 * the initial token is {@code \0user\0password} in UTF-8.
 */
public final class PlainTextAuthProvider implements AuthProvider {

    private final String username;
    private final String password;

    public PlainTextAuthProvider(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public Authenticator newAuthenticator(InetSocketAddress endpoint, String serverAuthenticator) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] pass = password.getBytes(StandardCharsets.UTF_8);
        byte[] token = new byte[user.length + pass.length + 2];
        System.arraycopy(user, 0, token, 1, user.length);
        System.arraycopy(pass, 0, token, user.length + 2, pass.length);
        return new Authenticator() {
            @Override
            public Mono<ByteBuffer> initialResponse() {
                return Mono.just(ByteBuffer.wrap(token).asReadOnlyBuffer());
            }

            @Override
            public Mono<ByteBuffer> evaluateChallenge(ByteBuffer challenge) {
                return Mono.just(ByteBuffer.wrap(token).asReadOnlyBuffer());
            }

            @Override
            public Mono<Void> onAuthenticationSuccess(ByteBuffer finalToken) {
                return Mono.empty();
            }
        };
    }

    @Override
    public String toString() {
        return "PlainTextAuthProvider[" + username + "]";
    }
}
