package io.reactivecql.protocol.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses CQL type strings as {@code system_schema} stores them, e.g.
 * {@code frozen<map<text, list<frozen<tuple<int, vector<float, 3>>>>>>}: native type names (any
 * case), {@code list<>}, {@code set<>}, {@code map<,>}, {@code tuple<...>},
 * {@code vector<type, n>}, {@code frozen<>}, custom types as quoted class names
 * ({@code 'org.example.MyType'}), and UDT references, unquoted (case-insensitive), quoted
 * ({@code "MyType"}) or keyspace-qualified ({@code ks.address}).
 *
 * <p>UDT references come out as {@link UserDefinedType#shallow} types (the schema layer resolves
 * their fields) in the given keyspace unless qualified. Inside {@code frozen<>}, and inside tuples
 * and vectors, whose components are always frozen, nested collections and UDTs are frozen too.
 * For every result, {@code parse(type.asCql())} is equal to {@code type}. Whitespace between tokens
 * is free. Errors throw {@link IllegalArgumentException} naming the position.
 */
public final class DataTypeCqlParser {

    /** Deeper nesting is refused rather than risking the stack. */
    private static final int MAX_DEPTH = 64;

    private static final Map<String, PrimitiveType> NATIVE = Map.ofEntries(
            Map.entry("ascii", PrimitiveType.ASCII),
            Map.entry("bigint", PrimitiveType.BIGINT),
            Map.entry("blob", PrimitiveType.BLOB),
            Map.entry("boolean", PrimitiveType.BOOLEAN),
            Map.entry("counter", PrimitiveType.COUNTER),
            Map.entry("date", PrimitiveType.DATE),
            Map.entry("decimal", PrimitiveType.DECIMAL),
            Map.entry("double", PrimitiveType.DOUBLE),
            Map.entry("duration", PrimitiveType.DURATION),
            Map.entry("float", PrimitiveType.FLOAT),
            Map.entry("inet", PrimitiveType.INET),
            Map.entry("int", PrimitiveType.INT),
            Map.entry("smallint", PrimitiveType.SMALLINT),
            Map.entry("text", PrimitiveType.VARCHAR),
            Map.entry("time", PrimitiveType.TIME),
            Map.entry("timestamp", PrimitiveType.TIMESTAMP),
            Map.entry("timeuuid", PrimitiveType.TIMEUUID),
            Map.entry("tinyint", PrimitiveType.TINYINT),
            Map.entry("uuid", PrimitiveType.UUID),
            Map.entry("varchar", PrimitiveType.VARCHAR),
            Map.entry("varint", PrimitiveType.VARINT));

    private final String input;
    private final String keyspace;
    private int pos;

    private DataTypeCqlParser(String input, String keyspace) {
        this.input = input;
        this.keyspace = keyspace;
    }

    /** Whether {@code name} (case-insensitive) is a native type name, which a UDT name must quote. */
    static boolean isNativeTypeName(String name) {
        return NATIVE.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Parses {@code cql}; UDT references get no keyspace unless qualified. */
    public static DataType parse(String cql) {
        return parse(cql, null);
    }

    /** Parses {@code cql}; unqualified UDT references belong to {@code keyspace}. */
    public static DataType parse(String cql, String keyspace) {
        DataTypeCqlParser parser = new DataTypeCqlParser(cql, keyspace);
        DataType type = parser.parseType(0, false);
        parser.skipSpaces();
        if (parser.pos != cql.length()) {
            throw parser.error("unexpected text after the type");
        }
        return type;
    }

    private DataType parseType(int depth, boolean frozen) {
        if (depth > MAX_DEPTH) {
            throw error("type nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            return new CustomType(quoted('\''));
        }
        if (c == '"') {
            return userType(quoted('"'), frozen);
        }
        int start = pos;
        String word = identifier();
        String lower = word.toLowerCase(Locale.ROOT);
        skipSpaces();
        if (peek() == '<') {
            switch (lower) {
                case "frozen": {
                    pos++;
                    DataType inner = parseType(depth + 1, true);
                    expect('>');
                    return inner;
                }
                case "list": {
                    pos++;
                    DataType element = parseType(depth + 1, frozen);
                    expect('>');
                    return new ListType(element, frozen);
                }
                case "set": {
                    pos++;
                    DataType element = parseType(depth + 1, frozen);
                    expect('>');
                    return new SetType(element, frozen);
                }
                case "map": {
                    pos++;
                    DataType key = parseType(depth + 1, frozen);
                    expect(',');
                    DataType value = parseType(depth + 1, frozen);
                    expect('>');
                    return new MapType(key, value, frozen);
                }
                case "tuple": {
                    pos++;
                    List<DataType> components = new ArrayList<>();
                    do {
                        components.add(parseType(depth + 1, true));
                    } while (consume(','));
                    expect('>');
                    return new TupleType(components);
                }
                case "vector": {
                    pos++;
                    DataType element = parseType(depth + 1, true);
                    expect(',');
                    int dimension = dimension();
                    expect('>');
                    return new VectorType(element, dimension);
                }
                default:
                    pos = start;
                    throw error("'" + word + "' takes no type parameters");
            }
        }
        PrimitiveType primitive = NATIVE.get(lower);
        if (primitive != null) {
            return primitive;
        }
        return userType(CqlIdentifiers.fromCql(word), frozen);
    }

    /** A UDT reference whose first identifier was read: it names the keyspace if a '.' follows. */
    private DataType userType(String first, boolean frozen) {
        skipSpaces();
        if (peek() != '.') {
            return UserDefinedType.shallow(keyspace, first, frozen);
        }
        pos++;
        skipSpaces();
        String name = peek() == '"' ? quoted('"') : CqlIdentifiers.fromCql(identifier());
        return UserDefinedType.shallow(first, name, frozen);
    }

    /** An unquoted identifier: a letter, then letters, digits and underscores. */
    private String identifier() {
        int start = pos;
        if (pos < input.length() && isLetter(input.charAt(pos))) {
            pos++;
            while (pos < input.length() && (isLetter(input.charAt(pos)) || isDigit(input.charAt(pos))
                    || input.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (pos == start) {
            throw error(pos == input.length() ? "unexpected end, expected a type" : "expected a type");
        }
        return input.substring(start, pos);
    }

    /** A quoted string or identifier: the quote doubled inside stands for itself. */
    private String quoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= input.length()) {
                pos = start;
                throw error("unterminated " + quote + "quoted" + quote + " text");
            }
            char c = input.charAt(pos++);
            if (c == quote) {
                if (peek() != quote) {
                    break;
                }
                pos++;
            }
            sb.append(c);
        }
        if (sb.length() == 0) {
            pos = start;
            throw error("empty " + (quote == '"' ? "identifier" : "class name"));
        }
        return sb.toString();
    }

    private int dimension() {
        skipSpaces();
        int start = pos;
        long value = 0;
        while (pos < input.length() && isDigit(input.charAt(pos))) {
            value = value * 10 + (input.charAt(pos++) - '0');
            if (value > Integer.MAX_VALUE) {
                pos = start;
                throw error("vector dimension too large");
            }
        }
        if (pos == start || value == 0) {
            pos = start;
            throw error("expected a positive vector dimension");
        }
        return (int) value;
    }

    private boolean consume(char c) {
        skipSpaces();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error(pos == input.length() ? "unexpected end, expected '" + c + "'" : "expected '" + c + "'");
        }
    }

    private char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid CQL type: " + what + " at position " + pos + " in '" + input
                + "'");
    }
}
