package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Column;
import io.reactivecql.mapper.api.Counter;
import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.NamingStrategy;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Static;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Transient;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.mapper.api.Version;
import io.reactivecql.protocol.types.CqlIdentifiers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the annotations of entity and UDT classes once and caches their {@link EntityModel}s.
 * Every rule violation is a {@link MappingException} naming the class and field.
 */
final class ModelFactory {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final ConcurrentHashMap<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();

    /** The model of an {@code @Table} class, and of every {@code @Udt} class its fields reach. */
    @SuppressWarnings("unchecked")
    <T> EntityModel<T> entity(Class<T> type) {
        EntityModel<?> cached = models.get(type);
        if (cached == null) {
            EntityModel<T> built = build(type, false);
            for (Class<?> u : reachableUdts(built)) {
                udt(u);
            }
            cached = models.putIfAbsent(type, built);
            if (cached == null) {
                cached = built;
            }
        }
        if (cached.udt) {
            throw new MappingException("class is a @Udt, not a @Table entity", type.getSimpleName(), null, null, null);
        }
        return (EntityModel<T>) cached;
    }

    /** The model of an {@code @Udt} class (and of the UDT classes it reaches). */
    EntityModel<?> udt(Class<?> type) {
        return udt(type, new ArrayDeque<>());
    }

    private EntityModel<?> udt(Class<?> type, Deque<Class<?>> path) {
        EntityModel<?> cached = models.get(type);
        if (cached != null) {
            return cached;
        }
        if (path.contains(type)) {
            throw new MappingException("user-defined types cannot contain themselves: " + path,
                    type.getSimpleName(), null, null, null);
        }
        EntityModel<?> built = build(type, true);
        path.push(type);
        for (Class<?> u : reachableUdts(built)) {
            udt(u, path);
        }
        path.pop();
        EntityModel<?> previous = models.putIfAbsent(type, built);
        return previous == null ? built : previous;
    }

    /** The {@code @Udt} classes the properties of {@code model} mention, directly or in type arguments. */
    static Set<Class<?>> reachableUdts(EntityModel<?> model) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (PropertyModel p : model.properties) {
            collectUdts(p.javaType, out);
        }
        return out;
    }

    private static void collectUdts(Type t, Set<Class<?>> out) {
        if (t instanceof Class<?> c) {
            if (c.isAnnotationPresent(Udt.class)) {
                out.add(c);
            } else if (c.isArray()) {
                collectUdts(c.getComponentType(), out);
            }
        } else if (t instanceof ParameterizedType p) {
            collectUdts(p.getRawType(), out);
            for (Type a : p.getActualTypeArguments()) {
                collectUdts(a, out);
            }
        }
    }

    private <T> EntityModel<T> build(Class<T> type, boolean udt) {
        String entity = type.getSimpleName();
        NamingStrategy naming;
        String name;
        String keyspace = null;
        if (udt) {
            Udt annotation = type.getAnnotation(Udt.class);
            if (annotation == null) {
                throw new MappingException("class is not annotated with @Udt", entity, null, null, null);
            }
            naming = annotation.naming();
            name = annotation.name().isEmpty() ? naming.apply(type.getSimpleName())
                    : CqlIdentifiers.fromCql(annotation.name());
        } else {
            Table annotation = type.getAnnotation(Table.class);
            if (annotation == null) {
                throw new MappingException("class is not annotated with @Table", entity, null, null, null);
            }
            naming = annotation.naming();
            name = annotation.name().isEmpty() ? naming.apply(type.getSimpleName())
                    : CqlIdentifiers.fromCql(annotation.name());
            keyspace = annotation.keyspace().isEmpty() ? null : annotation.keyspace();
        }
        if (type.isInterface() || type.isEnum() || type.isPrimitive() || type.isArray()
                || (!type.isRecord() && Modifier.isAbstract(type.getModifiers()))) {
            throw new MappingException("a mapped class must be a record or a concrete class", entity, null, null, null);
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException("a mapped class cannot be an inner (non-static) class", entity, null, null,
                    null);
        }
        MethodHandles.Lookup lookup;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new MappingException("the mapper cannot access the class: open its package to the mapper's module",
                    entity, null, null, null, e);
        }
        boolean record = type.isRecord();
        List<PropertyModel> properties = new ArrayList<>();
        MethodHandle constructor;
        Object[] defaults = null;
        MethodHandle[] componentGetters = null;
        try {
            if (record) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                defaults = new Object[components.length];
                componentGetters = new MethodHandle[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent rc = components[i];
                    types[i] = rc.getType();
                    defaults[i] = defaultValue(rc.getType());
                    componentGetters[i] = lookup.unreflect(rc.getAccessor()).asType(GETTER);
                    Field f = type.getDeclaredField(rc.getName());
                    PropertyModel p = property(entity, naming, f, udt, lookup, true, i);
                    if (p != null) {
                        properties.add(p);
                    }
                }
                Constructor<T> canonical = type.getDeclaredConstructor(types);
                constructor = lookup.unreflectConstructor(canonical)
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } else {
                for (Field f : beanFields(type)) {
                    PropertyModel p = property(entity, naming, f, udt, lookup, false, -1);
                    if (p != null) {
                        properties.add(p);
                    }
                }
                Constructor<T> noArg;
                try {
                    noArg = type.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw new MappingException("a mapped bean needs a no-argument constructor (or make it a record)",
                            entity, null, null, null);
                }
                constructor = lookup.unreflectConstructor(noArg).asType(MethodType.methodType(Object.class));
            }
        } catch (NoSuchFieldException | NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("cannot access the class's members: " + e, entity, null, null, null, e);
        }
        if (properties.isEmpty()) {
            throw new MappingException("no mapped field", entity, null, null, null);
        }
        List<PropertyModel> ordered = udt ? properties : checkKeys(entity, properties);
        checkColumns(entity, ordered);
        return new EntityModel<>(type, udt, keyspace, name, ordered, constructor, record, defaults, componentGetters);
    }

    /** Instance fields of a bean, superclasses' first. */
    private static List<Field> beanFields(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static PropertyModel property(String entity, NamingStrategy naming, Field f, boolean udt,
                                          MethodHandles.Lookup lookup, boolean record, int componentIndex)
            throws IllegalAccessException {
        if (f.isAnnotationPresent(Transient.class)) {
            return null;
        }
        String field = f.getName();
        PartitionKey pk = f.getAnnotation(PartitionKey.class);
        ClusteringColumn cc = f.getAnnotation(ClusteringColumn.class);
        boolean isStatic = f.isAnnotationPresent(Static.class);
        boolean counter = f.isAnnotationPresent(Counter.class);
        boolean version = f.isAnnotationPresent(Version.class);
        Column column = f.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? CqlIdentifiers.fromCql(column.name())
                : naming.apply(field);
        if (columnName.isEmpty()) {
            throw new MappingException("empty column name", entity, field, null, null);
        }
        if (udt && (pk != null || cc != null || isStatic || counter || version)) {
            throw new MappingException("a @Udt field cannot be a key, static, a counter or a version", entity, field,
                    columnName, null);
        }
        if (pk != null && cc != null) {
            throw new MappingException("a field cannot be both @PartitionKey and @ClusteringColumn", entity, field,
                    columnName, null);
        }
        boolean key = pk != null || cc != null;
        if (key && (isStatic || counter || version)) {
            throw new MappingException("a primary key field cannot be @Static, @Counter or @Version", entity, field,
                    columnName, null);
        }
        if (version && (counter || isStatic)) {
            throw new MappingException("a @Version field cannot be @Counter or @Static", entity, field, columnName,
                    null);
        }
        Type javaType = f.getGenericType();
        checkSupportedType(entity, field, columnName, javaType);
        Class<?> raw = f.getType();
        if (counter && raw != long.class && raw != Long.class) {
            throw new MappingException("a @Counter field must be a long or Long, not " + raw.getSimpleName(), entity,
                    field, columnName, null);
        }
        if (version && raw != long.class && raw != Long.class && raw != int.class && raw != Integer.class) {
            throw new MappingException("a @Version field must be an int, long, Integer or Long, not "
                    + raw.getSimpleName(), entity, field, columnName, null);
        }
        PropertyKind kind = pk != null ? PropertyKind.PARTITION_KEY : cc != null ? PropertyKind.CLUSTERING
                : isStatic ? PropertyKind.STATIC : PropertyKind.REGULAR;
        int position = pk != null ? pk.value() : cc != null ? cc.value() : -1;
        boolean descending = cc != null && cc.descending();
        String declared = column != null && !column.cqlType().isBlank() ? column.cqlType().trim() : null;
        MethodHandle getter = lookup.unreflectGetter(f).asType(GETTER);
        MethodHandle setter = null;
        if (!record) {
            if (Modifier.isFinal(f.getModifiers())) {
                throw new MappingException("a final field of a bean cannot be set when reading: make it non-final, "
                        + "@Transient, or use a record", entity, field, columnName, null);
            }
            setter = lookup.unreflectSetter(f).asType(SETTER);
        }
        return new PropertyModel(field, columnName, javaType, raw, kind, position, descending, counter, version,
                declared, getter, setter, componentIndex);
    }

    private static void checkSupportedType(String entity, String field, String column, Type t) {
        if (t instanceof TypeVariable<?> || t instanceof WildcardType || t instanceof GenericArrayType) {
            throw new MappingException("unsupported field type " + t.getTypeName()
                    + " (type variables, wildcards and generic arrays cannot be mapped)", entity, field, column, null);
        }
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                Type arg = a instanceof WildcardType w && w.getLowerBounds().length == 0
                        && w.getUpperBounds().length == 1 ? w.getUpperBounds()[0] : a;
                if (arg instanceof TypeVariable<?> || arg instanceof WildcardType) {
                    throw new MappingException("unsupported field type " + t.getTypeName(), entity, field, column,
                            null);
                }
                checkSupportedType(entity, field, column, arg);
            }
        }
    }

    /** Checks key positions and counters; returns the properties in key order. */
    private static List<PropertyModel> checkKeys(String entity, List<PropertyModel> properties) {
        List<PropertyModel> pk = sortedByPosition(properties, PropertyKind.PARTITION_KEY);
        List<PropertyModel> cc = sortedByPosition(properties, PropertyKind.CLUSTERING);
        if (pk.isEmpty()) {
            throw new MappingException("no @PartitionKey field", entity, null, null, null);
        }
        checkPositions(entity, pk, "@PartitionKey");
        checkPositions(entity, cc, "@ClusteringColumn");
        List<PropertyModel> versions = properties.stream().filter(p -> p.version).toList();
        if (versions.size() > 1) {
            throw new MappingException("more than one @Version field", entity, versions.get(1).javaName,
                    versions.get(1).column, null);
        }
        boolean counters = properties.stream().anyMatch(p -> p.counter);
        if (counters) {
            for (PropertyModel p : properties) {
                if (!p.isKey() && !p.counter) {
                    throw new MappingException("a table with counters holds only counters besides its primary key: "
                            + "mark the field @Counter or move it to another table", entity, p.javaName, p.column,
                            null);
                }
            }
        }
        List<PropertyModel> ordered = new ArrayList<>(pk);
        ordered.addAll(cc);
        properties.stream().filter(p -> !p.isKey()).forEach(ordered::add);
        return ordered;
    }

    private static List<PropertyModel> sortedByPosition(List<PropertyModel> properties, PropertyKind kind) {
        return properties.stream().filter(p -> p.kind == kind)
                .sorted(Comparator.comparingInt(p -> p.position)).toList();
    }

    private static void checkPositions(String entity, List<PropertyModel> keys, String annotation) {
        for (int i = 0; i < keys.size(); i++) {
            PropertyModel p = keys.get(i);
            if (p.position != i) {
                throw new MappingException(annotation + " positions must be 0.." + (keys.size() - 1)
                        + " each once, found " + keys.stream().map(k -> k.javaName + "=" + k.position).toList(),
                        entity, p.javaName, p.column, null);
            }
        }
    }

    private static void checkColumns(String entity, List<PropertyModel> properties) {
        Set<String> seen = new HashSet<>();
        for (PropertyModel p : properties) {
            if (!seen.add(p.column)) {
                throw new MappingException("two fields map the same column", entity, p.javaName, p.column, null);
            }
        }
    }

    private static Object defaultValue(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
