package io.reactivecql.internal.request;

import io.reactivecql.api.errors.AlreadyExistsException;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.BootstrappingException;
import io.reactivecql.api.errors.CasWriteUnknownException;
import io.reactivecql.api.errors.CdcWriteException;
import io.reactivecql.api.errors.DriverException;
import io.reactivecql.api.errors.FunctionFailureException;
import io.reactivecql.api.errors.InvalidConfigurationInQueryException;
import io.reactivecql.api.errors.InvalidQueryException;
import io.reactivecql.api.errors.OverloadedException;
import io.reactivecql.api.errors.ProtocolErrorException;
import io.reactivecql.api.errors.ReadFailureException;
import io.reactivecql.api.errors.ReadTimeoutException;
import io.reactivecql.api.errors.ServerErrorException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnauthorizedException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.UnpreparedException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.protocol.response.error.AlreadyExists;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.CasWriteUnknown;
import io.reactivecql.protocol.response.error.CdcWriteFailure;
import io.reactivecql.protocol.response.error.ConfigError;
import io.reactivecql.protocol.response.error.ErrorResponse;
import io.reactivecql.protocol.response.error.FunctionFailure;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.IsBootstrapping;
import io.reactivecql.protocol.response.error.Overloaded;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.error.ReadFailure;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.error.TruncateError;
import io.reactivecql.protocol.response.error.Unauthorized;
import io.reactivecql.protocol.response.error.Unavailable;
import io.reactivecql.protocol.response.error.Unprepared;
import io.reactivecql.protocol.response.error.WriteFailure;
import io.reactivecql.protocol.response.error.WriteTimeout;

import java.net.InetSocketAddress;

/** Turns an ERROR response into the typed exception of {@code io.reactivecql.api.errors}, fields and all. */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    /** The exception for {@code error}, answered by {@code node}. */
    public static DriverException map(ErrorResponse error, InetSocketAddress node) {
        String m = error.message();
        if (error instanceof Unavailable e) {
            return new UnavailableException(node, m, e.consistency(), e.required(), e.alive());
        } else if (error instanceof ReadTimeout e) {
            return new ReadTimeoutException(node, m, e.consistency(), e.received(), e.blockFor(), e.dataPresent());
        } else if (error instanceof WriteTimeout e) {
            return new WriteTimeoutException(node, m, e.consistency(), e.received(), e.blockFor(), e.writeType(),
                    e.contentions());
        } else if (error instanceof ReadFailure e) {
            return new ReadFailureException(node, m, e.consistency(), e.received(), e.blockFor(), e.numFailures(),
                    e.reasonMap(), e.dataPresent());
        } else if (error instanceof WriteFailure e) {
            return new WriteFailureException(node, m, e.consistency(), e.received(), e.blockFor(), e.numFailures(),
                    e.reasonMap(), e.writeType());
        } else if (error instanceof FunctionFailure e) {
            return new FunctionFailureException(node, m, e.keyspace(), e.function(), e.argumentTypes());
        } else if (error instanceof CasWriteUnknown e) {
            return new CasWriteUnknownException(node, m, e.consistency(), e.received(), e.blockFor());
        } else if (error instanceof AlreadyExists e) {
            return new AlreadyExistsException(node, m, e.keyspace(), e.table());
        } else if (error instanceof SyntaxError) {
            return new SyntaxErrorException(node, m);
        } else if (error instanceof Invalid) {
            return new InvalidQueryException(node, m);
        } else if (error instanceof Unauthorized) {
            return new UnauthorizedException(node, m);
        } else if (error instanceof ConfigError) {
            return new InvalidConfigurationInQueryException(node, m);
        } else if (error instanceof Overloaded) {
            return new OverloadedException(node, m);
        } else if (error instanceof IsBootstrapping) {
            return new BootstrappingException(node, m);
        } else if (error instanceof TruncateError) {
            return new TruncateException(node, m);
        } else if (error instanceof CdcWriteFailure) {
            return new CdcWriteException(node, m);
        } else if (error instanceof ServerError) {
            return new ServerErrorException(node, m);
        } else if (error instanceof ProtocolError) {
            return new ProtocolErrorException(node, m);
        } else if (error instanceof AuthenticationError) {
            return new AuthenticationException(node, m);
        } else if (error instanceof Unprepared) {
            return new UnpreparedException(node, m);
        }
        // the interface is sealed: every kind is above; this guards a protocol module that adds one
        return new ServerErrorException(node, error.code() + ": " + m);
    }
}
