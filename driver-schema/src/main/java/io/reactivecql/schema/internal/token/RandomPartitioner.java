package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Token;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** Cassandra's RandomPartitioner: the MD5 of the key read as a signed 128-bit integer, made positive. */
final class RandomPartitioner implements InternalPartitioner {

    static final RandomPartitioner INSTANCE = new RandomPartitioner();
    static final RandomToken MIN = new RandomToken(BigInteger.ONE.negate());
    static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(127);

    // MessageDigest is stateful: one per thread, cloned from a prototype so no thread but the one
    // loading this class looks up the security providers (which may read files)
    private static final MessageDigest MD5_PROTOTYPE = md5();
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return md5();
        }
    });

    private RandomPartitioner() {}

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    @Override
    public String className() {
        return RANDOM;
    }

    @Override
    public Token hash(ByteBuffer routingKey) {
        Objects.requireNonNull(routingKey, "routingKey");
        if (!routingKey.hasRemaining()) {
            return MIN;
        }
        MessageDigest md5 = MD5.get();
        md5.reset();
        if (routingKey.hasArray()) {
            md5.update(routingKey.array(), routingKey.arrayOffset() + routingKey.position(),
                    routingKey.remaining());
        } else {
            md5.update(routingKey.duplicate()); // consumes the duplicate, not the caller's buffer
        }
        return new RandomToken(new BigInteger(md5.digest()).abs());
    }

    @Override
    public Token parse(String token) {
        Objects.requireNonNull(token, "token");
        BigInteger value;
        try {
            value = new BigInteger(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token '" + token
                    + "' is not a RandomPartitioner token (an integer in [-1, 2^127])", e);
        }
        if (value.compareTo(MIN.value) < 0 || value.compareTo(MAX_VALUE) > 0) {
            throw new IllegalArgumentException("token '" + token
                    + "' is outside RandomPartitioner's range [-1, 2^127]");
        }
        return new RandomToken(value);
    }

    @Override
    public Token minToken() {
        return MIN;
    }

    @Override
    public RingIndex ringIndex(Token[] sortedTokens) {
        return new TokenRingIndex(this, sortedTokens);
    }

    @Override
    public String toString() {
        return "RandomPartitioner";
    }
}
