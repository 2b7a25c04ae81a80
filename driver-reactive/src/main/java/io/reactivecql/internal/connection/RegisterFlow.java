package io.reactivecql.internal.connection;

import io.reactivecql.api.errors.ConnectionInitException;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.types.CqlIdentifiers;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What a ready connection does before it is handed out: REGISTER for the configured event types
 * (the control connection; events then arrive on {@link CqlTransport#events()}), and
 * {@code USE <keyspace>} when a keyspace is configured.
 */
final class RegisterFlow {

    private RegisterFlow() {
    }

    static Mono<Void> run(CqlConnection connection, ConnectionConfig config) {
        return register(connection, config.eventTypes()).then(use(connection, config.keyspace()));
    }

    static Mono<Void> register(CqlConnection connection, List<String> eventTypes) {
        if (eventTypes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> connection.send(new Register(eventTypes)))
                .flatMap(envelope -> envelope.message() instanceof Ready
                        ? Mono.<Void>empty()
                        : Mono.error(failed(connection, "REGISTER " + eventTypes, envelope.message())));
    }

    /** {@code keyspace} is the internal (case-sensitive) name; it is quoted when CQL needs it. */
    static Mono<Void> use(CqlConnection connection, String keyspace) {
        if (keyspace == null) {
            return Mono.empty();
        }
        String statement = "USE " + CqlIdentifiers.quoteIfNeeded(keyspace);
        return Mono.defer(() -> connection.send(new Query(statement)))
                .flatMap(envelope -> envelope.message() instanceof SetKeyspaceResult
                        ? Mono.<Void>empty()
                        : Mono.error(failed(connection, statement, envelope.message())));
    }

    private static ConnectionInitException failed(CqlConnection connection, String step, Message answer) {
        String what = answer instanceof ErrorResponse error ? error.code() + ": " + error.message() : answer.toString();
        return new ConnectionInitException(connection.endpoint(), step + " was answered with " + what, null);
    }
}
