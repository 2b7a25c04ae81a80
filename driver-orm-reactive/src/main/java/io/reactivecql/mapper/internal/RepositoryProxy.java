package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.MappingException;
import io.reactivecql.mapper.api.ReactiveRepository;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * The implementation of a repository interface: a JDK dynamic proxy whose methods are resolved once,
 * when it is created: {@link ReactiveRepository} methods go to the entity's repository through
 * method handles, derived query methods to their {@link DerivedMethod}, default methods run as
 * written.
 */
final class RepositoryProxy implements InvocationHandler {

    private static final Object[] NO_ARGS = new Object[0];

    /** What one interface method does. */
    private interface Handler {
        Object invoke(Object proxy, Object[] args) throws Throwable;
    }

    private final Class<?> repositoryInterface;
    private final DefaultReactiveRepository<?, ?> repository;
    private final Map<Method, Handler> handlers = new HashMap<>();

    private RepositoryProxy(Class<?> repositoryInterface, DefaultReactiveRepository<?, ?> repository) {
        this.repositoryInterface = repositoryInterface;
        this.repository = repository;
    }

    /** The entity class and id type of a repository interface, from its {@code ReactiveRepository<T, ID>}. */
    static Type[] typeArguments(Class<?> repositoryInterface) {
        String name = repositoryInterface.getSimpleName();
        if (!repositoryInterface.isInterface() || !ReactiveRepository.class.isAssignableFrom(repositoryInterface)) {
            throw new MappingException("a repository must be an interface extending ReactiveRepository<T, ID>", null,
                    null, null, name);
        }
        Type[] found = find(repositoryInterface);
        if (found == null || !(found[0] instanceof Class<?>)) {
            throw new MappingException("the interface must give ReactiveRepository concrete type arguments, e.g. "
                    + "ReactiveRepository<Product, UUID>", null, null, null, name);
        }
        return found;
    }

    private static Type[] find(Class<?> type) {
        for (Type t : type.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == ReactiveRepository.class) {
                return p.getActualTypeArguments();
            }
            Class<?> raw = TypeMapper.rawClass(t);
            if (raw != ReactiveRepository.class) {
                Type[] inner = find(raw);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * The proxy of {@code repositoryInterface} over {@code repository}.
     *
     * @throws MappingException for a method that is neither a repository method, a default method
     *                          nor a derived query Cassandra can serve
     */
    static <R> R create(Class<R> repositoryInterface, DefaultReactiveRepository<?, ?> repository) {
        RepositoryProxy proxy = new RepositoryProxy(repositoryInterface, repository);
        for (Method m : repositoryInterface.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method base = baseMethod(m);
            if (base != null) {
                proxy.handlers.put(m, delegate(base, repository));
            } else if (m.isDefault()) {
                proxy.handlers.put(m, defaultMethod(m));
            } else {
                DerivedMethod derived = DerivedMethod.compile(repository, m);
                proxy.handlers.put(m, (p, args) -> derived.invoke(args));
            }
        }
        Object instance = Proxy.newProxyInstance(repositoryInterface.getClassLoader(),
                new Class<?>[] {repositoryInterface}, proxy);
        return repositoryInterface.cast(instance);
    }

    /** The {@link ReactiveRepository} method {@code m} is or redeclares, or null. */
    private static Method baseMethod(Method m) {
        if (m.getDeclaringClass() == ReactiveRepository.class) {
            return m;
        }
        if (m.isDefault()) {
            return null;
        }
        for (Method base : ReactiveRepository.class.getMethods()) {
            if (base.getName().equals(m.getName()) && base.getParameterCount() == m.getParameterCount()) {
                Class<?>[] want = base.getParameterTypes();
                Class<?>[] got = m.getParameterTypes();
                boolean fits = true;
                for (int i = 0; i < want.length; i++) {
                    fits &= want[i].isAssignableFrom(got[i]);
                }
                if (fits) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Handler delegate(Method base, DefaultReactiveRepository<?, ?> repository) {
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(base).bindTo(repository)
                    .asSpreader(Object[].class, base.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach " + base, e);
        }
        return (proxy, args) -> (Object) handle.invokeExact(args);
    }

    /**
     * A default method, called on the proxy through a special-call method handle (Proxy.invokeDefault
     * would need the interface to be accessible from this package).
     */
    private static Handler defaultMethod(Method m) {
        Class<?> declaring = m.getDeclaringClass();
        MethodHandle handle;
        try {
            handle = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup())
                    .unreflectSpecial(m, declaring)
                    .asSpreader(Object[].class, m.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new MappingException("cannot call the default method: open the interface's package to the "
                    + "mapper's module", null, null, null, declaring.getSimpleName() + "." + m.getName(), e);
        }
        return (proxy, args) -> (Object) handle.invokeExact(proxy, args);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object[] a = args == null ? NO_ARGS : args;
        Handler h = handlers.get(method);
        if (h != null) {
            return h.invoke(proxy, a);
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == a[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> repositoryInterface.getSimpleName() + " over " + repository;
                default -> throw new UnsupportedOperationException(method.toString());
            };
        }
        throw new UnsupportedOperationException("no implementation of " + method);
    }
}
