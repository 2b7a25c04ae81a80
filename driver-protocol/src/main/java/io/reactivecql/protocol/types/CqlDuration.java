package io.reactivecql.protocol.types;

/**
 * A CQL {@code duration}: months, days and nanoseconds, kept apart because their lengths vary
 * (a month is 28 to 31 days, a day 23 to 25 hours across daylight-saving changes). A duration is
 * either positive or negative: its three parts never have opposite signs.
 *
 * <p>{@link #parse} reads the forms CQL accepts: {@code 1y2mo3w4d5h6m7s8ms9us10ns} (units in
 * that order, each at most once, case-insensitive, {@code µs} for {@code us}), ISO 8601
 * {@code P1Y2M3DT4H5M6S} (every part optional, as in Cassandra, so {@code P} is zero; seconds may
 * have a fraction here), {@code P3W}, and {@code P0001-02-03T04:05:06}; any of them with a leading
 * {@code -}. {@link #toString} gives the first form, {@link #toIsoString} the second; both parse
 * back to an equal duration.
 *
 * @param months      the months (years count 12)
 * @param days        the days (weeks count 7)
 * @param nanoseconds the nanoseconds (hours, minutes, seconds and below)
 */
public record CqlDuration(int months, int days, long nanoseconds) {

    static final long NANOS_PER_MICRO = 1_000L;
    static final long NANOS_PER_MILLI = 1_000_000L;
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    /** The zero duration. */
    public static final CqlDuration ZERO = new CqlDuration(0, 0, 0);

    /** Checks that the parts do not have opposite signs. */
    public CqlDuration {
        if (!signsAgree(months, days, nanoseconds)) {
            throw new IllegalArgumentException("the months (" + months + "), days (" + days + ") and nanoseconds ("
                    + nanoseconds + ") of a duration must all be positive or zero, or all negative or zero");
        }
    }

    /** The same as the constructor. */
    public static CqlDuration of(int months, int days, long nanoseconds) {
        return new CqlDuration(months, days, nanoseconds);
    }

    /**
     * Parses a duration in one of the CQL forms (see the class comment).
     *
     * @throws IllegalArgumentException naming the position of the problem
     */
    public static CqlDuration parse(String text) {
        return new DurationParser(text).parse();
    }

    /** Whether this duration is negative (some part below zero). */
    public boolean isNegative() {
        return months < 0 || days < 0 || nanoseconds < 0;
    }

    static boolean signsAgree(long months, long days, long nanoseconds) {
        return (months >= 0 && days >= 0 && nanoseconds >= 0) || (months <= 0 && days <= 0 && nanoseconds <= 0);
    }

    /**
     * The CQL form, largest units first, e.g. {@code 1y2mo10d5h7s} or {@code -3mo}; zero is
     * {@code 0s}.
     */
    @Override
    public String toString() {
        if (months == 0 && days == 0 && nanoseconds == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (isNegative()) {
            sb.append('-');
        }
        // magnitudes as longs: -Integer.MIN_VALUE does not fit an int (Long.MIN_VALUE is handled below)
        long m = Math.abs((long) months);
        append(sb, m / 12, "y");
        append(sb, m % 12, "mo");
        append(sb, Math.abs((long) days), "d");
        if (nanoseconds == Long.MIN_VALUE) {
            // |Long.MIN_VALUE| overflows: peel off one hour first so the rest fits
            appendNanos(sb, -(nanoseconds + NANOS_PER_HOUR), 1);
        } else {
            appendNanos(sb, Math.abs(nanoseconds), 0);
        }
        return sb.toString();
    }

    private static void appendNanos(StringBuilder sb, long nanos, long extraHours) {
        append(sb, nanos / NANOS_PER_HOUR + extraHours, "h");
        nanos %= NANOS_PER_HOUR;
        append(sb, nanos / NANOS_PER_MINUTE, "m");
        nanos %= NANOS_PER_MINUTE;
        append(sb, nanos / NANOS_PER_SECOND, "s");
        nanos %= NANOS_PER_SECOND;
        append(sb, nanos / NANOS_PER_MILLI, "ms");
        nanos %= NANOS_PER_MILLI;
        append(sb, nanos / NANOS_PER_MICRO, "us");
        append(sb, nanos % NANOS_PER_MICRO, "ns");
    }

    private static void append(StringBuilder sb, long amount, String unit) {
        if (amount != 0) {
            sb.append(amount).append(unit);
        }
    }

    /**
     * The ISO 8601 form, e.g. {@code P1Y2M10DT5H7.5S} or {@code -P3M}; zero is {@code PT0S}.
     * Seconds carry the sub-second part as a fraction.
     */
    public String toIsoString() {
        if (months == 0 && days == 0 && nanoseconds == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder();
        if (isNegative()) {
            sb.append('-');
        }
        sb.append('P');
        long m = Math.abs((long) months);
        append(sb, m / 12, "Y");
        append(sb, m % 12, "M");
        append(sb, Math.abs((long) days), "D");
        if (nanoseconds != 0) {
            sb.append('T');
            // split before negating so that Long.MIN_VALUE does not overflow
            long hours = Math.abs(nanoseconds / NANOS_PER_HOUR);
            long rest = Math.abs(nanoseconds % NANOS_PER_HOUR);
            append(sb, hours, "H");
            append(sb, rest / NANOS_PER_MINUTE, "M");
            rest %= NANOS_PER_MINUTE;
            if (rest != 0) {
                sb.append(rest / NANOS_PER_SECOND);
                long fraction = rest % NANOS_PER_SECOND;
                if (fraction != 0) {
                    String digits = Long.toString(NANOS_PER_SECOND + fraction).substring(1);
                    int last = digits.length();
                    while (digits.charAt(last - 1) == '0') {
                        last--;
                    }
                    sb.append('.').append(digits, 0, last);
                }
                sb.append('S');
            }
        }
        return sb.toString();
    }
}
