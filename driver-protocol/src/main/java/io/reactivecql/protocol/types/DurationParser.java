package io.reactivecql.protocol.types;

import java.util.Locale;

/**
 * Parses the text forms of {@link CqlDuration}. A hand-written scanner rather than Cassandra's
 * regular expressions: it reports where the text went wrong and checks every sum for overflow.
 * Amounts are accumulated with their sign so that the most negative values still parse.
 */
final class DurationParser {

    private static final String[] UNITS = {"y", "mo", "w", "d", "h", "m", "s", "ms", "us", "ns"};

    private final String text;
    private int pos;
    private boolean negative;
    private long months;
    private long days;
    private long nanos;

    DurationParser(String text) {
        this.text = text;
    }

    CqlDuration parse() {
        if (text.isEmpty()) {
            throw error("empty duration");
        }
        if (text.charAt(0) == '-') {
            negative = true;
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'P' || text.charAt(pos) == 'p')) {
            pos++;
            parseIso();
        } else {
            parseCql();
        }
        if (months != (int) months || days != (int) days) {
            throw error("months or days exceed 32 bits");
        }
        return new CqlDuration((int) months, (int) days, nanos);
    }

    private void parseCql() {
        int lastRank = -1;
        do {
            int amountAt = pos;
            long amount = number();
            int unitAt = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            // micro: the micro sign (U+00B5) or the Greek mu (U+03BC)
            String unit = text.substring(unitAt, pos).toLowerCase(Locale.ROOT)
                    .replace('\u00b5', 'u').replace('\u03bc', 'u');
            int rank = rank(unit);
            if (rank < 0) {
                pos = unitAt;
                throw error(unit.isEmpty() ? "missing unit after " + text.substring(amountAt, unitAt)
                        : "unknown unit '" + unit + "'");
            }
            if (rank <= lastRank) {
                pos = unitAt;
                throw error("unit '" + unit + "' repeated or after a smaller unit");
            }
            lastRank = rank;
            add(rank, amount);
        } while (pos < text.length());
    }

    private void parseIso() {
        if (pos < text.length() && Character.isDigit(text.charAt(pos)) && isAlternativeForm()) {
            add(0, fixedDigits(4, '-'));
            add(1, fixedDigits(2, '-'));
            add(3, fixedDigits(2, 'T'));
            add(4, fixedDigits(2, ':'));
            add(5, fixedDigits(2, ':'));
            add(6, fixedDigits(2, '\0'));
            return;
        }
        // P[nY][nM][nW|nD][T[nH][nM][n[.f]S]]: 'M' is months before the T, minutes after it. Like
        // Cassandra's pattern, every part is optional: "P" and "PT" are zero
        String dateUnits = "YMWD";
        String timeUnits = "HMS";
        boolean time = false;
        int lastRank = -1;
        while (pos < text.length()) {
            char c = Character.toUpperCase(text.charAt(pos));
            if (c == 'T' && !time) {
                time = true;
                lastRank = -1;
                pos++;
                continue;
            }
            long amount = number();
            boolean hasFraction = time && pos < text.length() && text.charAt(pos) == '.';
            long fraction = hasFraction ? fraction() : 0;
            if (pos == text.length()) {
                throw error("missing unit");
            }
            char unit = Character.toUpperCase(text.charAt(pos));
            String units = time ? timeUnits : dateUnits;
            int rank = units.indexOf(unit);
            if (rank < 0 || rank <= lastRank || (!time && unit == 'D' && lastRank == 2)) {
                throw error("unexpected '" + text.charAt(pos) + "'");
            }
            if (hasFraction && unit != 'S') {
                throw error("only seconds may have a fraction");
            }
            lastRank = rank;
            pos++;
            add(time ? 4 + rank : rank, amount);
            if (fraction != 0) {
                nanos = Math.addExact(nanos, negative ? -fraction : fraction);
            }
        }
    }

    private boolean isAlternativeForm() {
        int i = pos;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '-';
    }

    private long fixedDigits(int count, char then) {
        int start = pos;
        long value = 0;
        for (int i = 0; i < count; i++) {
            if (pos >= text.length() || !isAsciiDigit(text.charAt(pos))) {
                throw error("expected " + count + " digits");
            }
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        if (then == '\0') {
            if (pos != text.length()) {
                throw error("unexpected text after the seconds");
            }
        } else if (pos >= text.length() || Character.toUpperCase(text.charAt(pos)) != then) {
            throw error("expected '" + then + "' after '" + text.substring(start, pos) + "'");
        } else {
            pos++;
        }
        return value;
    }

    private long number() {
        int start = pos;
        long value = 0;
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            int digit = text.charAt(pos) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw error("amount too large");
            }
            value = value * 10 + digit;
            pos++;
        }
        if (pos == start) {
            throw error("expected a number");
        }
        return value;
    }

    /** The nanoseconds of a fraction of a second, ".5" being 500000000. */
    private long fraction() {
        pos++;
        int start = pos;
        long value = 0;
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            if (pos - start == 9) {
                throw error("more than 9 fractional digits");
            }
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        if (pos == start) {
            throw error("expected digits after '.'");
        }
        for (int i = pos - start; i < 9; i++) {
            value *= 10;
        }
        return value;
    }

    private void add(int rank, long amount) {
        long signed = negative ? -amount : amount;
        try {
            switch (rank) {
                case 0 -> months = Math.addExact(months, Math.multiplyExact(signed, 12));
                case 1 -> months = Math.addExact(months, signed);
                case 2 -> days = Math.addExact(days, Math.multiplyExact(signed, 7));
                case 3 -> days = Math.addExact(days, signed);
                case 4 -> nanos = Math.addExact(nanos, Math.multiplyExact(signed, CqlDuration.NANOS_PER_HOUR));
                case 5 -> nanos = Math.addExact(nanos, Math.multiplyExact(signed, CqlDuration.NANOS_PER_MINUTE));
                case 6 -> nanos = Math.addExact(nanos, Math.multiplyExact(signed, CqlDuration.NANOS_PER_SECOND));
                case 7 -> nanos = Math.addExact(nanos, Math.multiplyExact(signed, CqlDuration.NANOS_PER_MILLI));
                case 8 -> nanos = Math.addExact(nanos, Math.multiplyExact(signed, CqlDuration.NANOS_PER_MICRO));
                default -> nanos = Math.addExact(nanos, signed);
            }
        } catch (ArithmeticException e) {
            throw error("duration out of range");
        }
    }

    private static int rank(String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid duration '" + text + "': " + what + " at position " + pos);
    }
}
