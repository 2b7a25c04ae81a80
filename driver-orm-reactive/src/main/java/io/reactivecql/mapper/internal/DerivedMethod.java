package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.AllowFiltering;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.Order;
import io.reactivecql.mapper.api.QueryOptions;
import io.reactivecql.mapper.api.Relation.Operator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A derived query method compiled against the live schema when its repository is created: the
 * CQL text, and how each argument becomes a bound value. Invoking it does no parsing and no
 * validation: it converts the arguments and runs the prepared statement.
 */
final class DerivedMethod {

    private final DefaultReactiveRepository<?, ?> repository;
    private final DerivedQuery query;
    private final String cql;
    private final List<Slot> slots;
    /** For each slot, the index of its argument. */
    private final int[] argumentOf;
    private final boolean returnsMono;
    private final boolean hasOptions;
    private final int limit;
    private final String name;

    private DerivedMethod(DefaultReactiveRepository<?, ?> repository, DerivedQuery query, String cql, List<Slot> slots,
                          int[] argumentOf, boolean returnsMono, boolean hasOptions, int limit, String name) {
        this.repository = repository;
        this.query = query;
        this.cql = cql;
        this.slots = slots;
        this.argumentOf = argumentOf;
        this.returnsMono = returnsMono;
        this.hasOptions = hasOptions;
        this.limit = limit;
        this.name = name;
    }

    /**
     * Parses and checks {@code method} of a repository interface.
     *
     * @throws MappingException naming the entity, the method and, when it applies, the field and column
     */
    static DerivedMethod compile(DefaultReactiveRepository<?, ?> repository, Method method) {
        EntityBinding<?> b = repository.binding;
        String entity = b.model.entityName();
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        DerivedQuery query;
        try {
            query = DerivedQueryParser.parse(method.getName(), b.model);
        } catch (DerivedQueryParser.ParseException e) {
            throw new MappingException("cannot derive a query: " + e.getMessage(), entity, null, null, name);
        }
        boolean returnsMono = checkReturnType(method, query.kind(), b.model.type, entity, name);
        Class<?>[] params = method.getParameterTypes();
        boolean hasOptions = params.length > 0 && params[params.length - 1] == QueryOptions.class;
        int declared = params.length - (hasOptions ? 1 : 0);
        if (declared != query.arguments()) {
            throw new MappingException("the method takes " + declared + " argument(s) but its name asks for "
                    + query.arguments() + " (" + describe(query) + ")", entity, null, null, name);
        }
        List<Slot> slots = new ArrayList<>();
        List<Integer> argumentOf = new ArrayList<>();
        int arg = 0;
        for (DerivedQuery.Part part : query.parts()) {
            BoundColumn column = columnOf(b, part.property());
            if (part.between()) {
                checkArgument(params[arg], column, Operator.GTE, entity, name, arg);
                checkArgument(params[arg + 1], column, Operator.LTE, entity, name, arg + 1);
                slots.add(new Slot(column, Operator.GTE));
                argumentOf.add(arg++);
                slots.add(new Slot(column, Operator.LTE));
                argumentOf.add(arg++);
            } else {
                checkArgument(params[arg], column, part.operator(), entity, name, arg);
                slots.add(new Slot(column, part.operator()));
                argumentOf.add(arg++);
            }
        }
        List<Map.Entry<BoundColumn, Order>> orders = new ArrayList<>();
        for (DerivedQuery.OrderPart o : query.orders()) {
            orders.add(new AbstractMap.SimpleImmutableEntry<>(columnOf(b, o.property()), o.order()));
        }
        boolean allowFiltering = query.allowFiltering() || method.isAnnotationPresent(AllowFiltering.class);
        QueryValidator.Purpose purpose = query.kind() == DerivedQuery.Kind.DELETE ? QueryValidator.Purpose.DELETE
                : QueryValidator.Purpose.SELECT;
        if (query.kind() == DerivedQuery.Kind.DELETE && slots.isEmpty()) {
            throw new MappingException("a delete method needs restrictions on the primary key", entity, null, null,
                    name);
        }
        DefaultQuery.check(b, slots, orders, purpose, false, allowFiltering, name);
        int limit = query.limit() > 0 ? query.limit()
                : (returnsMono && query.kind() == DerivedQuery.Kind.FIND ? 1 : -1);
        String cql = switch (query.kind()) {
            case FIND -> Cql.select(b, b.selection, slots, orders, false, limit > 0, allowFiltering);
            case COUNT -> Cql.select(b, "COUNT(*)", slots, List.of(), false, false, allowFiltering);
            case EXISTS -> Cql.select(b, b.primaryKey.get(0).cql(), slots, List.of(), false, true, allowFiltering);
            case DELETE -> "DELETE FROM " + b.qualifiedTable + " WHERE " + Cql.where(slots, b);
        };
        return new DerivedMethod(repository, query, cql, List.copyOf(slots),
                argumentOf.stream().mapToInt(Integer::intValue).toArray(), returnsMono, hasOptions, limit, name);
    }

    private static BoundColumn columnOf(EntityBinding<?> b, PropertyModel p) {
        for (BoundColumn c : b.columns) {
            if (c.property == p) {
                return c;
            }
        }
        throw new IllegalStateException("unbound property " + p);
    }

    private static boolean checkReturnType(Method method, DerivedQuery.Kind kind, Class<?> entityType, String entity,
                                           String name) {
        Class<?> raw = method.getReturnType();
        Type element = method.getGenericReturnType() instanceof ParameterizedType p
                ? p.getActualTypeArguments()[0] : null;
        Class<?> elementRaw = element == null ? null : TypeMapper.rawClass(element);
        String expected = switch (kind) {
            case FIND -> (raw == Flux.class || raw == Mono.class)
                    && (elementRaw == null || elementRaw == entityType || elementRaw == Object.class) ? null
                    : "Flux<" + entityType.getSimpleName() + "> or Mono<" + entityType.getSimpleName() + ">";
            case COUNT -> raw == Mono.class && (elementRaw == null || elementRaw == Long.class) ? null : "Mono<Long>";
            case EXISTS -> raw == Mono.class && (elementRaw == null || elementRaw == Boolean.class) ? null
                    : "Mono<Boolean>";
            case DELETE -> raw == Mono.class && (elementRaw == null || elementRaw == Void.class) ? null : "Mono<Void>";
        };
        if (expected != null) {
            throw new MappingException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " method must return "
                    + expected + ", not " + method.getGenericReturnType().getTypeName(), entity, null, null, name);
        }
        return raw == Mono.class;
    }

    private static void checkArgument(Class<?> param, BoundColumn column, Operator op, String entity, String name,
                                      int index) {
        PropertyModel p = column.property;
        Class<?> expected = switch (op) {
            case IN -> null;
            case CONTAINS -> TypeMapper.rawClass(TypeMapper.typeArgument(p.javaType, p.rawType == Map.class ? 1 : 0));
            case CONTAINS_KEY -> TypeMapper.rawClass(TypeMapper.typeArgument(p.javaType, 0));
            default -> p.rawType;
        };
        boolean ok;
        if (op == Operator.IN) {
            ok = Iterable.class.isAssignableFrom(param) || param.isArray() || param == Object.class;
        } else {
            Class<?> want = TypeMapper.boxed(expected);
            Class<?> got = TypeMapper.boxed(param);
            ok = want.isAssignableFrom(got) || got.isAssignableFrom(want);
        }
        if (!ok) {
            throw new MappingException("argument " + index + " is a " + param.getSimpleName() + " but " + op.name()
                    + " on " + p.javaName + " takes " + (op == Operator.IN ? "a collection"
                    : "a " + (expected == null ? "?" : expected.getSimpleName())), entity, p.javaName, p.column, name);
        }
    }

    private static String describe(DerivedQuery q) {
        List<String> parts = new ArrayList<>();
        for (DerivedQuery.Part p : q.parts()) {
            parts.add(p.property().javaName + (p.between() ? " BETWEEN ? AND ?" : " " + p.operator().cql() + " ?"));
        }
        return String.join(", ", parts);
    }

    /** Runs the query with the method's arguments. */
    Object invoke(Object[] args) {
        QueryOptions options = hasOptions && args[args.length - 1] != null ? (QueryOptions) args[args.length - 1]
                : QueryOptions.defaults();
        Object[] values;
        try {
            values = values(args);
        } catch (RuntimeException e) {
            return returnsMono ? Mono.error(e) : Flux.error(e);
        }
        return switch (query.kind()) {
            case FIND -> returnsMono ? repository.selectMany(cql, values, options).next()
                    : repository.selectMany(cql, values, options);
            case COUNT -> repository.rows(cql, values, options).next().map(row -> row.getLong(0)).defaultIfEmpty(0L);
            case EXISTS -> repository.rows(cql, values, options).hasElements();
            case DELETE -> repository.write(cql, values, options, true).then();
        };
    }

    private Object[] values(Object[] args) {
        int extra = limit > 0 || query.kind() == DerivedQuery.Kind.EXISTS ? 1 : 0;
        Object[] values = new Object[slots.size() + extra];
        for (int i = 0; i < slots.size(); i++) {
            values[i] = slots.get(i).convert(args[argumentOf[i]], name + " argument " + argumentOf[i]);
        }
        if (extra == 1) {
            values[slots.size()] = query.kind() == DerivedQuery.Kind.EXISTS ? 1 : limit;
        }
        return values;
    }

    String cql() {
        return cql;
    }
}
