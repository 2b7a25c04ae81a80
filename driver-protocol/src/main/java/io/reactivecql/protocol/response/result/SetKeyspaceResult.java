package io.reactivecql.protocol.response.result;

import java.util.Objects;

/**
 * The Set_keyspace result (4.2.5.3): the answer to {@code USE}; the connection's keyspace is now
 * {@code keyspace}.
 *
 * @param keyspace the keyspace set, as the server spells it
 */
public record SetKeyspaceResult(String keyspace) implements Result {

    public SetKeyspaceResult {
        Objects.requireNonNull(keyspace, "keyspace");
    }

    @Override
    public ResultKind kind() {
        return ResultKind.SET_KEYSPACE;
    }
}
