package io.reactivecql.internal.observability;

import java.util.Objects;

/**
 * Checks Micrometer objects by class name, without loading a Micrometer class: this class is
 * loaded by {@code SessionBuilder}, which must work when Micrometer is absent.
 */
public final class Micrometer {

    public static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    public static final String OBSERVATION_REGISTRY = "io.micrometer.observation.ObservationRegistry";

    private Micrometer() {
    }

    /**
     * Checks that {@code value} is an instance of the Micrometer type {@code typeName}.
     *
     * @throws NullPointerException     naming {@code argument} when it is null
     * @throws IllegalStateException    when Micrometer is not on the driver's classpath
     * @throws IllegalArgumentException when it is of another type
     */
    public static void check(Object value, String typeName, String argument) {
        Objects.requireNonNull(value, argument);
        if (!isPresent(typeName)) {
            throw new IllegalStateException(argument + " needs Micrometer (" + typeName + "), which is not on the "
                    + "driver's classpath: add io.micrometer:micrometer-core");
        }
        if (!isInstance(value.getClass(), typeName)) {
            throw new IllegalArgumentException(argument + " must be a " + typeName + ", was a "
                    + value.getClass().getName());
        }
    }

    /** Whether the class {@code typeName} can be loaded by the driver's class loader. */
    public static boolean isPresent(String typeName) {
        try {
            Class.forName(typeName, false, Micrometer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code type}, a superclass or an interface of theirs is named {@code typeName}. */
    static boolean isInstance(Class<?> type, String typeName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(typeName)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (isInstance(i, typeName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
