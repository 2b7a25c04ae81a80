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
import io.reactivecql.api.errors.ServerException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.errors.TruncateException;
import io.reactivecql.api.errors.UnauthorizedException;
import io.reactivecql.api.errors.UnavailableException;
import io.reactivecql.api.errors.UnpreparedException;
import io.reactivecql.api.errors.WriteFailureException;
import io.reactivecql.api.errors.WriteTimeoutException;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.ConsistencyLevel;
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
import io.reactivecql.protocol.response.error.WriteType;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ERROR response maps to its typed exception, fields included. */
class ErrorMapperTest {

    private static <T extends DriverException> T map(ErrorResponse error, Class<T> type) {
        DriverException e = ErrorMapper.map(error, Fixtures.NODE);
        T typed = assertInstanceOf(type, e);
        assertTrue(e.getMessage().contains(error.message()), e.getMessage());
        if (e instanceof ServerException server) {
            assertEquals(error.code().code(), server.errorCode());
            assertEquals(Fixtures.NODE, server.coordinator());
        }
        return typed;
    }

    @Test
    void messageOnlyErrors() {
        map(new SyntaxError("syntax"), SyntaxErrorException.class);
        map(new Invalid("invalid"), InvalidQueryException.class);
        map(new Unauthorized("no"), UnauthorizedException.class);
        map(new ConfigError("config"), InvalidConfigurationInQueryException.class);
        map(new Overloaded("busy"), OverloadedException.class);
        map(new IsBootstrapping("booting"), BootstrappingException.class);
        map(new TruncateError("truncate"), TruncateException.class);
        map(new CdcWriteFailure("cdc"), CdcWriteException.class);
        map(new ServerError("bug"), ServerErrorException.class);
        map(new ProtocolError("bad frame"), ProtocolErrorException.class);
        map(new Unprepared("unknown", new byte[] {1}), UnpreparedException.class);
        AuthenticationException auth = map(new AuthenticationError("bad credentials"), AuthenticationException.class);
        assertEquals(Fixtures.NODE, auth.endpoint());
    }

    @Test
    void errorsWithFields() throws Exception {
        UnavailableException u = map(new Unavailable("unavailable", ConsistencyLevel.QUORUM, 2, 1),
                UnavailableException.class);
        assertEquals(ConsistencyLevel.QUORUM, u.consistency());
        assertEquals(2, u.required());
        assertEquals(1, u.alive());

        ReadTimeoutException rt = map(new ReadTimeout("rt", ConsistencyLevel.ALL, 1, 3, true),
                ReadTimeoutException.class);
        assertEquals(ConsistencyLevel.ALL, rt.consistency());
        assertEquals(1, rt.received());
        assertEquals(3, rt.blockFor());
        assertTrue(rt.dataPresent());

        WriteTimeoutException wt = map(WriteTimeout.cas("wt", ConsistencyLevel.SERIAL, 0, 2, 4),
                WriteTimeoutException.class);
        assertEquals(WriteType.CAS, wt.writeType());
        assertEquals(OptionalInt.of(4), wt.contentions());
        assertEquals(2, wt.blockFor());

        InetAddress replica = InetAddress.getByName("127.0.0.2");
        ReadFailureException rf = map(ReadFailure.withReasons("rf", ConsistencyLevel.ONE, 0, 1,
                Map.of(replica, 1), false), ReadFailureException.class);
        assertEquals(1, rf.numFailures());
        assertEquals(Map.of(replica, 1), rf.reasonMap());
        assertFalse(rf.dataPresent());

        WriteFailureException wf = map(WriteFailure.withCount("wf", ConsistencyLevel.TWO, 1, 2, 1, WriteType.BATCH),
                WriteFailureException.class);
        assertEquals(WriteType.BATCH, wf.writeType());
        assertEquals(1, wf.numFailures());
        assertEquals(Map.of(), wf.reasonMap());

        FunctionFailureException ff = map(new FunctionFailure("ff", "ks", "fn", List.of("int", "text")),
                FunctionFailureException.class);
        assertEquals("ks", ff.keyspace());
        assertEquals("fn", ff.function());
        assertEquals(List.of("int", "text"), ff.argumentTypes());

        CasWriteUnknownException cas = map(new CasWriteUnknown("cas", ConsistencyLevel.SERIAL, 1, 2),
                CasWriteUnknownException.class);
        assertEquals(1, cas.received());

        AlreadyExistsException table = map(new AlreadyExists("exists", "ks", "t"), AlreadyExistsException.class);
        assertEquals("ks", table.keyspace());
        assertEquals("t", table.table());
        assertFalse(table.isKeyspace());
        assertTrue(map(new AlreadyExists("exists", "ks", ""), AlreadyExistsException.class).isKeyspace());
    }
}
