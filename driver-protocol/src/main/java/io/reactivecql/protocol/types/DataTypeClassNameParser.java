package io.reactivecql.protocol.types;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Parses Cassandra's internal marshal class names, e.g.
 * {@code org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,3)},
 * which is how custom types (and vectors) appear in result metadata, and writes vectors back.
 * Unknown classes become {@link CustomType}; malformed names throw {@link IllegalArgumentException}.
 */
public final class DataTypeClassNameParser {

    private static final String PREFIX = "org.apache.cassandra.db.marshal.";
    private static final int MAX_DEPTH = 64;

    private static final Map<String, PrimitiveType> PRIMITIVES = Map.ofEntries(
            Map.entry("AsciiType", PrimitiveType.ASCII),
            Map.entry("LongType", PrimitiveType.BIGINT),
            Map.entry("BytesType", PrimitiveType.BLOB),
            Map.entry("BooleanType", PrimitiveType.BOOLEAN),
            Map.entry("CounterColumnType", PrimitiveType.COUNTER),
            Map.entry("DecimalType", PrimitiveType.DECIMAL),
            Map.entry("DoubleType", PrimitiveType.DOUBLE),
            Map.entry("FloatType", PrimitiveType.FLOAT),
            Map.entry("Int32Type", PrimitiveType.INT),
            Map.entry("TimestampType", PrimitiveType.TIMESTAMP),
            Map.entry("DateType", PrimitiveType.TIMESTAMP),
            Map.entry("UUIDType", PrimitiveType.UUID),
            Map.entry("UTF8Type", PrimitiveType.VARCHAR),
            Map.entry("IntegerType", PrimitiveType.VARINT),
            Map.entry("TimeUUIDType", PrimitiveType.TIMEUUID),
            Map.entry("InetAddressType", PrimitiveType.INET),
            Map.entry("SimpleDateType", PrimitiveType.DATE),
            Map.entry("TimeType", PrimitiveType.TIME),
            Map.entry("ShortType", PrimitiveType.SMALLINT),
            Map.entry("ByteType", PrimitiveType.TINYINT),
            Map.entry("DurationType", PrimitiveType.DURATION));

    private final String input;
    private int pos;

    private DataTypeClassNameParser(String input) {
        this.input = input;
    }

    /** Parses a marshal class name (with or without the package prefix). */
    public static DataType parse(String className) {
        DataTypeClassNameParser parser = new DataTypeClassNameParser(className);
        DataType type = parser.parseType(0, false);
        parser.skipSpaces();
        if (parser.pos != className.length()) {
            throw parser.error("unexpected text after the type");
        }
        return type;
    }

    /** The marshal class name of a vector type, as the server sends it. */
    public static String toClassName(VectorType vector) {
        return VectorType.MARSHAL_CLASS + "(" + toClassName(vector.elementType()) + "," + vector.dimension() + ")";
    }

    private static String toClassName(DataType type) {
        if (type instanceof PrimitiveType p) {
            for (Map.Entry<String, PrimitiveType> e : PRIMITIVES.entrySet()) {
                if (e.getValue() == p && !e.getKey().equals("DateType")) {
                    return PREFIX + e.getKey();
                }
            }
        } else if (type instanceof VectorType v) {
            return toClassName(v);
        } else if (type instanceof CustomType c) {
            return c.className();
        } else if (type instanceof ListType l) {
            return frozen(l.frozen(), PREFIX + "ListType(" + toClassName(l.elementType()) + ")");
        } else if (type instanceof SetType s) {
            return frozen(s.frozen(), PREFIX + "SetType(" + toClassName(s.elementType()) + ")");
        } else if (type instanceof MapType m) {
            return frozen(m.frozen(), PREFIX + "MapType(" + toClassName(m.keyType()) + ","
                    + toClassName(m.valueType()) + ")");
        } else if (type instanceof TupleType t) {
            List<String> parts = new ArrayList<>();
            t.componentTypes().forEach(c -> parts.add(toClassName(c)));
            return PREFIX + "TupleType(" + String.join(",", parts) + ")";
        } else if (type instanceof UserDefinedType u) {
            HexFormat hex = HexFormat.of();
            StringBuilder sb = new StringBuilder(PREFIX).append("UserType(").append(u.keyspace()).append(',')
                    .append(hex.formatHex(u.name().getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < u.fieldNames().size(); i++) {
                sb.append(',').append(hex.formatHex(u.fieldNames().get(i).getBytes(StandardCharsets.UTF_8)))
                        .append(':').append(toClassName(u.fieldTypes().get(i)));
            }
            return frozen(u.frozen(), sb.append(')').toString());
        }
        throw new IllegalArgumentException("no marshal class for " + type);
    }

    private static String frozen(boolean frozen, String className) {
        return frozen ? PREFIX + "FrozenType(" + className + ")" : className;
    }

    private DataType parseType(int depth, boolean frozen) {
        if (depth > MAX_DEPTH) {
            throw error("type nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpaces();
        int start = pos;
        String name = readName();
        String simple = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        PrimitiveType primitive = PRIMITIVES.get(simple);
        if (primitive != null) {
            return primitive;
        }
        switch (simple) {
            case "ReversedType": {
                List<Object> args = args(depth, frozen);
                return single(args);
            }
            case "FrozenType":
                return single(args(depth, true));
            // inside a frozen type everything is frozen: Cassandra writes FrozenType only at the top
            case "ListType":
                return new ListType(single(args(depth, frozen)), frozen);
            case "SetType":
                return new SetType(single(args(depth, frozen)), frozen);
            case "MapType": {
                List<DataType> types = types(args(depth, frozen), 2);
                return new MapType(types.get(0), types.get(1), frozen);
            }
            case "TupleType":
                return new TupleType(types(args(depth, true), -1));
            case "VectorType": {
                List<Object> args = args(depth, true);
                if (args.size() != 2 || !(args.get(0) instanceof DataType element) || !(args.get(1) instanceof String n)) {
                    throw error("VectorType needs an element type and a dimension");
                }
                try {
                    return new VectorType(element, Integer.parseInt(n.trim()));
                } catch (IllegalArgumentException e) {
                    throw error("invalid vector dimension '" + n + "'");
                }
            }
            case "UserType":
                return parseUserType(depth, frozen);
            default:
                // an unknown class, possibly with parameters: keep its whole text
                if (peek() == '(') {
                    skipBalanced();
                }
                return new CustomType(input.substring(start, pos).trim());
        }
    }

    private DataType parseUserType(int depth, boolean frozen) {
        expect('(');
        String keyspace = readName();
        expect(',');
        String name = unhex(readName());
        List<String> fieldNames = new ArrayList<>();
        List<DataType> fieldTypes = new ArrayList<>();
        skipSpaces();
        while (peek() == ',') {
            pos++;
            skipSpaces();
            int colon = input.indexOf(':', pos);
            if (colon < 0) {
                throw error("UserType field without ':'");
            }
            fieldNames.add(unhex(input.substring(pos, colon).trim()));
            pos = colon + 1;
            fieldTypes.add(parseType(depth + 1, frozen));
            skipSpaces();
        }
        expect(')');
        return new UserDefinedType(keyspace, name, fieldNames, fieldTypes, frozen);
    }

    /** Arguments in parentheses: each a type, or a bare number for vector dimensions. */
    private List<Object> args(int depth, boolean frozen) {
        expect('(');
        List<Object> args = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
            return args;
        }
        while (true) {
            skipSpaces();
            if (pos < input.length() && Character.isDigit(input.charAt(pos))) {
                args.add(readName());
            } else {
                args.add(parseType(depth + 1, frozen));
            }
            skipSpaces();
            char c = next();
            if (c == ')') {
                return args;
            }
            if (c != ',') {
                throw error("expected ',' or ')'");
            }
        }
    }

    private DataType single(List<Object> args) {
        return types(args, 1).get(0);
    }

    private List<DataType> types(List<Object> args, int expected) {
        if (expected >= 0 && args.size() != expected) {
            throw error("expected " + expected + " type parameter(s), found " + args.size());
        }
        List<DataType> types = new ArrayList<>(args.size());
        for (Object arg : args) {
            if (!(arg instanceof DataType t)) {
                throw error("expected a type, found '" + arg + "'");
            }
            types.add(t);
        }
        return types;
    }

    private String readName() {
        skipSpaces();
        int start = pos;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '(' || c == ')' || c == ',' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected a name");
        }
        return input.substring(start, pos);
    }

    private void skipBalanced() {
        int level = 0;
        do {
            char c = next();
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
            }
        } while (level > 0);
    }

    private String unhex(String hex) {
        try {
            return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw error("invalid hex name '" + hex + "'");
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= input.length()) {
            throw error("unexpected end");
        }
        return input.charAt(pos++);
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " in '" + input + "'");
    }
}
