package io.reactivecql.protocol.response.result;

/** The Void result (4.2.5.1): success with nothing more to say, e.g. after an INSERT. Its body is empty. */
public record VoidResult() implements Result {

    /** The only value anyone needs; decoding returns it. */
    public static final VoidResult INSTANCE = new VoidResult();

    @Override
    public ResultKind kind() {
        return ResultKind.VOID;
    }
}
