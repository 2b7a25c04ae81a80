package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.Relation.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses repository method names in the Spring Data style: a verb ({@code find}, {@code read},
 * {@code get}, {@code query}, {@code stream}, {@code count}, {@code exists}, {@code delete},
 * {@code remove}), an optional {@code First}/{@code TopN}, {@code By}, properties joined by
 * {@code And} with an operator suffix ({@code GreaterThan}, {@code GreaterThanEqual},
 * {@code LessThan}, {@code LessThanEqual}, {@code After}, {@code Before}, {@code Between},
 * {@code In}, {@code Containing}/{@code Contains}, {@code ContainingKey}/{@code ContainsKey},
 * {@code Is}/{@code Equals} or none for =), an optional {@code OrderBy} of properties with
 * {@code Asc}/{@code Desc}, and an optional {@code AllowFiltering} suffix. Properties are Java
 * field names. Pure: the schema is checked afterwards.
 */
final class DerivedQueryParser {

    /** A name that does not parse. */
    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private static final Pattern SUBJECT = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}\\w*?)??By(\\p{Lu}\\w*)?$");
    private static final Pattern LIMIT = Pattern.compile("(First|Top)(\\d*)");
    private static final String ALLOW_FILTERING = "AllowFiltering";

    /** Operator suffixes, longest first so that {@code GreaterThanEqual} wins over {@code GreaterThan}. */
    private static final String[][] SUFFIXES = {
            {"GreaterThanEqual", "GTE"}, {"LessThanEqual", "LTE"}, {"ContainingKey", "CONTAINS_KEY"},
            {"ContainsKey", "CONTAINS_KEY"}, {"GreaterThan", "GT"}, {"LessThan", "LT"}, {"Containing", "CONTAINS"},
            {"Contains", "CONTAINS"}, {"Between", "BETWEEN"}, {"Equals", "EQ"}, {"Before", "LT"}, {"After", "GT"},
            {"In", "IN"}, {"Is", "EQ"},
    };
    private static final String[] UNSUPPORTED = {"NotIn", "IsNot", "Not", "IsNull", "Null", "IsNotNull", "NotNull",
            "Like", "StartingWith", "EndingWith", "True", "False", "Exists", "Regex", "Near", "Within", "IgnoreCase"};

    private DerivedQueryParser() {
    }

    /** Whether {@code name} looks like a derived query (a verb, then {@code By}). */
    static boolean isDerived(String name) {
        return SUBJECT.matcher(strip(name)).matches();
    }

    private static String strip(String name) {
        return name.endsWith(ALLOW_FILTERING) && name.length() > ALLOW_FILTERING.length()
                ? name.substring(0, name.length() - ALLOW_FILTERING.length()) : name;
    }

    /**
     * Parses {@code methodName} against the properties of {@code model}.
     *
     * @throws ParseException saying what does not parse
     */
    static DerivedQuery parse(String methodName, EntityModel<?> model) {
        boolean allowFiltering = methodName.endsWith(ALLOW_FILTERING) && methodName.length() > ALLOW_FILTERING.length();
        String name = strip(methodName);
        Matcher m = SUBJECT.matcher(name);
        if (!m.matches()) {
            throw new ParseException("not a derived query name: expected find|count|exists|delete...By<Property>...");
        }
        DerivedQuery.Kind kind = switch (m.group(1)) {
            case "count" -> DerivedQuery.Kind.COUNT;
            case "exists" -> DerivedQuery.Kind.EXISTS;
            case "delete", "remove" -> DerivedQuery.Kind.DELETE;
            default -> DerivedQuery.Kind.FIND;
        };
        String subject = m.group(2) == null ? "" : m.group(2);
        String rest = m.group(3) == null ? "" : m.group(3);
        if (subject.contains("Distinct")) {
            throw new ParseException("Distinct is not supported (CQL's SELECT DISTINCT returns partition keys only)");
        }
        int limit = -1;
        Matcher l = LIMIT.matcher(subject);
        if (l.find()) {
            limit = l.group(2).isEmpty() ? 1 : Integer.parseInt(l.group(2));
            if (limit < 1) {
                throw new ParseException("a limit must be at least 1");
            }
            if (kind != DerivedQuery.Kind.FIND) {
                throw new ParseException(l.group(1) + " applies to find methods only");
            }
        }
        String criteria = rest;
        String orderClause = null;
        int orderAt = rest.indexOf("OrderBy");
        if (orderAt >= 0) {
            criteria = rest.substring(0, orderAt);
            orderClause = rest.substring(orderAt + "OrderBy".length());
            if (orderClause.isEmpty()) {
                throw new ParseException("OrderBy names no property");
            }
            if (kind != DerivedQuery.Kind.FIND) {
                throw new ParseException("OrderBy applies to find methods only");
            }
        }
        List<DerivedQuery.Part> parts = criteria.isEmpty() ? List.of() : parts(criteria, model);
        if (parts == null) {
            throw new ParseException(criteriaError(criteria, model));
        }
        List<DerivedQuery.OrderPart> orders = orderClause == null ? List.of() : orders(orderClause, model);
        return new DerivedQuery(kind, limit, parts, orders, allowFiltering);
    }

    /** The restrictions of {@code s} (properties joined by And), or null when it does not split into properties. */
    private static List<DerivedQuery.Part> parts(String s, EntityModel<?> model) {
        DerivedQuery.Part whole = part(s, model);
        if (whole != null) {
            return List.of(whole);
        }
        int from = 0;
        while (true) {
            int at = s.indexOf("And", from);
            if (at < 0) {
                return null;
            }
            from = at + 1;
            if (at == 0 || at + 3 >= s.length() || !Character.isUpperCase(s.charAt(at + 3))) {
                continue;
            }
            DerivedQuery.Part left = part(s.substring(0, at), model);
            if (left == null) {
                continue;
            }
            List<DerivedQuery.Part> right = parts(s.substring(at + 3), model);
            if (right != null) {
                List<DerivedQuery.Part> out = new ArrayList<>();
                out.add(left);
                out.addAll(right);
                return out;
            }
        }
    }

    /** One restriction: a property with an optional operator suffix, or null. */
    private static DerivedQuery.Part part(String s, EntityModel<?> model) {
        for (String[] suffix : SUFFIXES) {
            if (s.endsWith(suffix[0]) && s.length() > suffix[0].length()) {
                String property = s.substring(0, s.length() - suffix[0].length());
                if (property.endsWith("Is") && property.length() > 2 && !suffix[0].equals("Is")) {
                    PropertyModel p = property(property.substring(0, property.length() - 2), model);
                    if (p != null) {
                        return part(p, suffix[1]);
                    }
                }
                PropertyModel p = property(property, model);
                if (p != null) {
                    return part(p, suffix[1]);
                }
            }
        }
        PropertyModel p = property(s, model);
        return p == null ? null : new DerivedQuery.Part(p, Operator.EQ, false);
    }

    private static DerivedQuery.Part part(PropertyModel p, String op) {
        if (op.equals("BETWEEN")) {
            return new DerivedQuery.Part(p, Operator.GTE, true);
        }
        return new DerivedQuery.Part(p, Operator.valueOf(op), false);
    }

    /** The property named {@code capitalized} (its Java name with the first letter upper-cased), or null. */
    static PropertyModel property(String capitalized, EntityModel<?> model) {
        if (capitalized.isEmpty()) {
            return null;
        }
        String decapitalized = Character.toLowerCase(capitalized.charAt(0)) + capitalized.substring(1);
        PropertyModel caseInsensitive = null;
        for (PropertyModel p : model.properties) {
            if (p.javaName.equals(decapitalized) || p.javaName.equals(capitalized)) {
                return p;
            }
            if (p.javaName.equalsIgnoreCase(capitalized)) {
                caseInsensitive = p;
            }
        }
        return caseInsensitive;
    }

    private static List<DerivedQuery.OrderPart> orders(String clause, EntityModel<?> model) {
        List<DerivedQuery.OrderPart> out = new ArrayList<>();
        String rest = clause;
        while (!rest.isEmpty()) {
            int end = -1;
            Order order = Order.ASC;
            int next = rest.length();
            for (int i = 1; i < rest.length(); i++) {
                for (String dir : new String[] {"Desc", "Asc"}) {
                    if (rest.startsWith(dir, i) && (i + dir.length() == rest.length()
                            || Character.isUpperCase(rest.charAt(i + dir.length())))
                            && property(rest.substring(0, i), model) != null) {
                        end = i;
                        order = dir.equals("Desc") ? Order.DESC : Order.ASC;
                        next = i + dir.length();
                        break;
                    }
                }
                if (end >= 0) {
                    break;
                }
            }
            String name = end >= 0 ? rest.substring(0, end) : rest;
            PropertyModel p = property(name, model);
            if (p == null) {
                throw new ParseException("OrderBy names no property: " + name + " (properties: " + names(model) + ")");
            }
            out.add(new DerivedQuery.OrderPart(p, order));
            rest = end >= 0 ? rest.substring(next) : "";
        }
        return out;
    }

    private static String criteriaError(String criteria, EntityModel<?> model) {
        if (criteria.matches(".*[a-z0-9]Or\\p{Lu}.*")) {
            String[] pieces = criteria.split("(?<=[a-z0-9])Or(?=\\p{Lu})");
            boolean allParse = true;
            for (String piece : pieces) {
                allParse &= parts(piece, model) != null;
            }
            if (allParse) {
                return "Or is not supported: CQL has no OR (run one query per alternative and merge them)";
            }
        }
        for (String unsupported : UNSUPPORTED) {
            if (criteria.contains(unsupported)) {
                return "no property matches '" + criteria + "', and operator " + unsupported
                        + " is not supported (CQL has =, IN, <, <=, >, >=, CONTAINS, CONTAINS KEY); properties: "
                        + names(model);
            }
        }
        return "no property matches '" + criteria + "' (properties: " + names(model) + ")";
    }

    private static List<String> names(EntityModel<?> model) {
        return model.properties.stream().map(p -> p.javaName).toList();
    }
}
