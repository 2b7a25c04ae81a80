package io.reactivecql.protocol.response.error;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ERROR body: {@code <code><message>} then the fields of the code (section 8 of v5, 9 of v4).
 * The versions differ in two places: Read_failure and Write_failure carry a count in v4 and a reason
 * map in v5, and a v5 Write_timeout of a CAS write ends with a contentions [short] (when the server
 * sends it: see {@link WriteTimeout}). An unknown error code, consistency level or write type is a
 * {@link ProtocolException}.
 */
public final class ErrorCodec implements MessageCodec<ErrorResponse> {

    /** The smallest reason map entry: a 4-byte [inetaddr] (size byte + 4) and a [short]. */
    private static final int MIN_REASON_ENTRY = 7;
    private static final int CONSISTENCY_LEVELS = ConsistencyLevel.values().length;

    @Override
    public int opcode() {
        return Opcode.ERROR;
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public ErrorResponse decode(ByteBuf in, ProtocolVersion version) {
        int wireCode = Primitives.readInt(in, "error code");
        ErrorCode code = ErrorCode.fromCode(wireCode);
        if (code == null) {
            throw ProtocolException.at(in, String.format("unknown error code 0x%04X", wireCode));
        }
        String message = Primitives.readString(in, "error message");
        switch (code) {
            case SERVER_ERROR:
                return new ServerError(message);
            case PROTOCOL_ERROR:
                return new ProtocolError(message);
            case AUTHENTICATION_ERROR:
                return new AuthenticationError(message);
            case UNAVAILABLE: {
                ConsistencyLevel cl = readConsistency(in);
                int required = Primitives.readInt(in, "Unavailable required");
                int alive = Primitives.readInt(in, "Unavailable alive");
                return new Unavailable(message, cl, required, alive);
            }
            case OVERLOADED:
                return new Overloaded(message);
            case IS_BOOTSTRAPPING:
                return new IsBootstrapping(message);
            case TRUNCATE_ERROR:
                return new TruncateError(message);
            case WRITE_TIMEOUT:
                return decodeWriteTimeout(in, version, message);
            case READ_TIMEOUT: {
                ConsistencyLevel cl = readConsistency(in);
                int received = Primitives.readInt(in, "Read_timeout received");
                int blockFor = Primitives.readInt(in, "Read_timeout blockfor");
                boolean dataPresent = Primitives.readByte(in, "Read_timeout data_present") != 0;
                return new ReadTimeout(message, cl, received, blockFor, dataPresent);
            }
            case READ_FAILURE: {
                ConsistencyLevel cl = readConsistency(in);
                int received = Primitives.readInt(in, "Read_failure received");
                int blockFor = Primitives.readInt(in, "Read_failure blockfor");
                Map<InetAddress, Integer> reasons = Map.of();
                int numFailures;
                if (version == ProtocolVersion.V4) {
                    numFailures = readCount(in, "Read_failure numfailures");
                } else {
                    reasons = readReasonMap(in);
                    numFailures = reasons.size();
                }
                boolean dataPresent = Primitives.readByte(in, "Read_failure data_present") != 0;
                return new ReadFailure(message, cl, received, blockFor, numFailures, reasons, dataPresent);
            }
            case FUNCTION_FAILURE: {
                String keyspace = Primitives.readString(in, "Function_failure keyspace");
                String function = Primitives.readString(in, "Function_failure function");
                return new FunctionFailure(message, keyspace, function,
                        Primitives.readStringList(in, "Function_failure arg_types"));
            }
            case WRITE_FAILURE: {
                ConsistencyLevel cl = readConsistency(in);
                int received = Primitives.readInt(in, "Write_failure received");
                int blockFor = Primitives.readInt(in, "Write_failure blockfor");
                Map<InetAddress, Integer> reasons = Map.of();
                int numFailures;
                if (version == ProtocolVersion.V4) {
                    numFailures = readCount(in, "Write_failure numfailures");
                } else {
                    reasons = readReasonMap(in);
                    numFailures = reasons.size();
                }
                WriteType writeType = readWriteType(in);
                return new WriteFailure(message, cl, received, blockFor, numFailures, reasons, writeType);
            }
            case CDC_WRITE_FAILURE:
                return new CdcWriteFailure(message);
            case CAS_WRITE_UNKNOWN: {
                ConsistencyLevel cl = readConsistency(in);
                int received = Primitives.readInt(in, "CAS_WRITE_UNKNOWN received");
                int blockFor = Primitives.readInt(in, "CAS_WRITE_UNKNOWN blockfor");
                return new CasWriteUnknown(message, cl, received, blockFor);
            }
            case SYNTAX_ERROR:
                return new SyntaxError(message);
            case UNAUTHORIZED:
                return new Unauthorized(message);
            case INVALID:
                return new Invalid(message);
            case CONFIG_ERROR:
                return new ConfigError(message);
            case ALREADY_EXISTS: {
                String keyspace = Primitives.readString(in, "Already_exists keyspace");
                String table = Primitives.readString(in, "Already_exists table");
                return new AlreadyExists(message, keyspace, table);
            }
            case UNPREPARED:
                return new Unprepared(message, Primitives.readShortBytes(in, "Unprepared id"));
            default:
                throw new AssertionError(code); // every constant has a case above
        }
    }

    private static WriteTimeout decodeWriteTimeout(ByteBuf in, ProtocolVersion version, String message) {
        ConsistencyLevel cl = readConsistency(in);
        int received = Primitives.readInt(in, "Write_timeout received");
        int blockFor = Primitives.readInt(in, "Write_timeout blockfor");
        WriteType writeType = readWriteType(in);
        OptionalInt contentions = OptionalInt.empty();
        // Cassandra omits the contentions of some v5 CAS timeouts (those not raised as
        // CasWriteTimeoutException, e.g. by Paxos v2), so they are read only when the body has them
        if (version != ProtocolVersion.V4 && writeType == WriteType.CAS && in.isReadable()) {
            contentions = OptionalInt.of(Primitives.readUnsignedShort(in, "Write_timeout contentions"));
        }
        return new WriteTimeout(message, cl, received, blockFor, writeType, contentions);
    }

    private static ConsistencyLevel readConsistency(ByteBuf in) {
        int code = Primitives.readUnsignedShort(in, "consistency");
        if (code >= CONSISTENCY_LEVELS) {
            throw ProtocolException.at(in, "unknown consistency level code " + code);
        }
        return ConsistencyLevel.fromCode(code);
    }

    private static WriteType readWriteType(ByteBuf in) {
        String name = Primitives.readString(in, "writeType");
        WriteType type = WriteType.fromName(name);
        if (type == null) {
            throw ProtocolException.at(in, "unknown write type '" + name + "'");
        }
        return type;
    }

    private static int readCount(ByteBuf in, String what) {
        int n = Primitives.readInt(in, what);
        if (n < 0) {
            throw ProtocolException.at(in, "negative " + what + " " + n);
        }
        return n;
    }

    private static Map<InetAddress, Integer> readReasonMap(ByteBuf in) {
        int n = readCount(in, "reason map size");
        // checked before sizing anything: a hostile count must not allocate
        if (n > in.readableBytes() / MIN_REASON_ENTRY) {
            throw ProtocolException.at(in, "reason map of " + n + " entries cannot fit in the "
                    + in.readableBytes() + " bytes left");
        }
        Map<InetAddress, Integer> reasons = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            InetAddress endpoint = Primitives.readInetAddr(in, "reason map endpoint");
            int failureCode = Primitives.readUnsignedShort(in, "reason map failure code");
            if (reasons.put(endpoint, failureCode) != null) {
                throw ProtocolException.at(in, "endpoint " + endpoint.getHostAddress() + " twice in the reason map");
            }
        }
        return reasons;
    }

    // ---------------------------------------------------------------- encoding

    @Override
    public void encode(ErrorResponse error, ByteBuf out, ProtocolVersion version) {
        out.writeInt(error.code().code());
        Primitives.writeString(error.message(), out);
        if (error instanceof Unavailable e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.required());
            out.writeInt(e.alive());
        } else if (error instanceof WriteTimeout e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.received());
            out.writeInt(e.blockFor());
            Primitives.writeString(e.writeType().name(), out);
            if (version != ProtocolVersion.V4 && e.contentions().isPresent()) {
                out.writeShort(e.contentions().getAsInt());
            }
        } else if (error instanceof ReadTimeout e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.received());
            out.writeInt(e.blockFor());
            out.writeByte(e.dataPresent() ? 1 : 0);
        } else if (error instanceof ReadFailure e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.received());
            out.writeInt(e.blockFor());
            writeFailures(e.numFailures(), e.reasonMap(), out, version);
            out.writeByte(e.dataPresent() ? 1 : 0);
        } else if (error instanceof WriteFailure e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.received());
            out.writeInt(e.blockFor());
            writeFailures(e.numFailures(), e.reasonMap(), out, version);
            Primitives.writeString(e.writeType().name(), out);
        } else if (error instanceof FunctionFailure e) {
            Primitives.writeString(e.keyspace(), out);
            Primitives.writeString(e.function(), out);
            Primitives.writeStringList(e.argumentTypes(), out);
        } else if (error instanceof CasWriteUnknown e) {
            out.writeShort(e.consistency().code());
            out.writeInt(e.received());
            out.writeInt(e.blockFor());
        } else if (error instanceof AlreadyExists e) {
            Primitives.writeString(e.keyspace(), out);
            Primitives.writeString(e.table(), out);
        } else if (error instanceof Unprepared e) {
            Primitives.writeShortBytes(e.id(), out);
        }
        // every other error has no body beyond the message
    }

    private static void writeFailures(int numFailures, Map<InetAddress, Integer> reasons, ByteBuf out,
                                      ProtocolVersion version) {
        if (version == ProtocolVersion.V4) {
            out.writeInt(numFailures);
            return;
        }
        out.writeInt(reasons.size());
        for (Map.Entry<InetAddress, Integer> e : reasons.entrySet()) {
            Primitives.writeInetAddr(e.getKey(), out);
            out.writeShort(e.getValue());
        }
    }
}
