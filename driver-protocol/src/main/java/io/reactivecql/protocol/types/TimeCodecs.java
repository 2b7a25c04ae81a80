package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.Primitives;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The codecs of the temporal types: timestamp, date, time and duration. Instances are the
 * constants of {@link TypeCodecs}.
 */
public final class TimeCodecs {

    /** The largest valid time: one nanosecond before midnight. */
    private static final long MAX_NANO_OF_DAY = 86_399_999_999_999L;

    private TimeCodecs() {
    }

    /**
     * timestamp ↔ {@link Instant}: milliseconds since the epoch as a bigint. Encoding drops any
     * sub-millisecond part (rounding towards the past, as {@link Instant#toEpochMilli} does).
     */
    public static final class TimestampCodec extends FixedSizeCodec<Instant> {

        TimestampCodec() {
            super(PrimitiveType.TIMESTAMP, Instant.class, 8);
        }

        @Override
        Instant read(byte[] array, int offset) {
            return Instant.ofEpochMilli(Wire.getLong(array, offset));
        }

        @Override
        public void encodeBody(Instant value, ByteBuf out) {
            long millis;
            try {
                millis = value.toEpochMilli();
            } catch (ArithmeticException e) {
                throw new InvalidValueException("timestamp " + value + " is beyond the range of epoch milliseconds", e);
            }
            out.writeLong(millis);
        }

        /** Decodes the epoch milliseconds without allocating; NULL and empty give 0. */
        public long decodeEpochMillis(byte[] array, int offset, int length) {
            return present(array, offset, length) ? Wire.getLong(array, offset) : 0L;
        }

        /** Writes epoch milliseconds as a [bytes]. */
        public void encodeEpochMillis(long millis, ByteBuf out) {
            out.writeInt(8).writeLong(millis);
        }
    }

    /**
     * date ↔ {@link LocalDate}: days since the epoch as an unsigned int centered at 2^31 (the epoch
     * is {@code 80000000}). Every int decodes; dates beyond that range cannot be encoded.
     */
    public static final class DateCodec extends FixedSizeCodec<LocalDate> {

        DateCodec() {
            super(PrimitiveType.DATE, LocalDate.class, 4);
        }

        @Override
        LocalDate read(byte[] array, int offset) {
            // flipping the top bit re-centers the unsigned day count on the epoch
            return LocalDate.ofEpochDay(Wire.getInt(array, offset) ^ Integer.MIN_VALUE);
        }

        @Override
        public void encodeBody(LocalDate value, ByteBuf out) {
            long days = value.toEpochDay();
            if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
                throw new InvalidValueException("date " + value + " is beyond the range of the CQL date type");
            }
            out.writeInt((int) days ^ Integer.MIN_VALUE);
        }
    }

    /** time ↔ {@link LocalTime}: nanoseconds since midnight as a bigint, 0 to 86399999999999. */
    public static final class TimeCodec extends FixedSizeCodec<LocalTime> {

        TimeCodec() {
            super(PrimitiveType.TIME, LocalTime.class, 8);
        }

        @Override
        LocalTime read(byte[] array, int offset) {
            long nanos = Wire.getLong(array, offset);
            if (nanos < 0 || nanos > MAX_NANO_OF_DAY) {
                throw Wire.malformed(PrimitiveType.TIME, nanos + " nanoseconds is not a time of day");
            }
            return LocalTime.ofNanoOfDay(nanos);
        }

        @Override
        public void encodeBody(LocalTime value, ByteBuf out) {
            out.writeLong(value.toNanoOfDay());
        }
    }

    /**
     * duration ↔ {@link CqlDuration}: months, days and nanoseconds as three signed vints. Empty
     * decodes to null.
     */
    public static final class DurationCodec implements TypeCodec<CqlDuration> {

        DurationCodec() {
        }

        @Override
        public DataType cqlType() {
            return PrimitiveType.DURATION;
        }

        @Override
        public Class<?> javaType() {
            return CqlDuration.class;
        }

        @Override
        public int encodedSize(CqlDuration value) {
            return Primitives.vIntSize(value.months()) + Primitives.vIntSize(value.days())
                    + Primitives.vIntSize(value.nanoseconds());
        }

        @Override
        public void encodeBody(CqlDuration value, ByteBuf out) {
            Primitives.writeVInt(value.months(), out);
            Primitives.writeVInt(value.days(), out);
            Primitives.writeVInt(value.nanoseconds(), out);
        }

        @Override
        public CqlDuration decode(byte[] array, int offset, int length) {
            DataType type = PrimitiveType.DURATION;
            if (Wire.isNull(array, offset, length, type) || length == 0) {
                return null;
            }
            int end = offset + length;
            int p = offset;
            int monthsSize = vintSizeAt(array, p, end);
            long months = Wire.zigZagDecode(Wire.readUnsignedVInt(array, p, monthsSize));
            p += monthsSize;
            int daysSize = vintSizeAt(array, p, end);
            long days = Wire.zigZagDecode(Wire.readUnsignedVInt(array, p, daysSize));
            p += daysSize;
            int nanosSize = vintSizeAt(array, p, end);
            long nanos = Wire.zigZagDecode(Wire.readUnsignedVInt(array, p, nanosSize));
            p += nanosSize;
            if (p != end) {
                throw Wire.malformed(type, (end - p) + " bytes after the nanoseconds");
            }
            if (months != (int) months || days != (int) days) {
                throw Wire.malformed(type, "months " + months + " or days " + days + " exceed 32 bits");
            }
            if (!CqlDuration.signsAgree(months, days, nanos)) {
                throw Wire.malformed(type, "months " + months + ", days " + days + " and nanoseconds " + nanos
                        + " do not all have the same sign");
            }
            return new CqlDuration((int) months, (int) days, nanos);
        }

        private static int vintSizeAt(byte[] array, int p, int end) {
            if (p >= end) {
                throw Wire.malformed(PrimitiveType.DURATION, "truncated: fewer than 3 vints");
            }
            int size = Wire.vintSize(array[p]);
            if (size > end - p) {
                throw Wire.malformed(PrimitiveType.DURATION, "truncated vint of " + size + " bytes");
            }
            return size;
        }

        @Override
        public String toString() {
            return "DurationCodec";
        }
    }
}
