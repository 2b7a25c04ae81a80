package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.Partitioner;

import java.util.Objects;

/** Finds the partitioner named in {@code system.local.partitioner}. Public only for the API's factory. */
public final class Partitioners {

    private static final String DHT_PACKAGE = "org.apache.cassandra.dht.";

    private Partitioners() {}

    /**
     * The partitioner of a fully qualified Cassandra class name or its simple name.
     *
     * @throws IllegalArgumentException when it is not Murmur3, Random or ByteOrdered
     */
    public static Partitioner forClassName(String className) {
        return internal(className);
    }

    static InternalPartitioner internal(String className) {
        Objects.requireNonNull(className, "partitionerClassName");
        String simple = className.startsWith(DHT_PACKAGE) ? className.substring(DHT_PACKAGE.length()) : className;
        return switch (simple) {
            case "Murmur3Partitioner" -> Murmur3Partitioner.INSTANCE;
            case "RandomPartitioner" -> RandomPartitioner.INSTANCE;
            case "ByteOrderedPartitioner" -> ByteOrderedPartitioner.INSTANCE;
            default -> throw new IllegalArgumentException("unsupported partitioner '" + className
                    + "': expected " + Partitioner.MURMUR3 + ", " + Partitioner.RANDOM + " or "
                    + Partitioner.BYTE_ORDERED);
        };
    }
}
