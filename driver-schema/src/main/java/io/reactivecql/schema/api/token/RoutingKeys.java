package io.reactivecql.schema.api.token;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds the routing key of a partition key: the bytes the partitioner hashes.
 *
 * <p>For a single-column partition key the routing key is the column's serialized value. For a
 * composite partition key it is Cassandra's {@code CompositeType} encoding: for each component, its
 * length as an unsigned 16-bit big-endian integer, its bytes, and an end-of-component byte
 * {@code 0x00}.
 */
public final class RoutingKeys {

    /** The longest component {@code CompositeType} can hold: its length is an unsigned short. */
    public static final int MAX_COMPONENT_LENGTH = 0xFFFF;

    private RoutingKeys() {}

    /**
     * The routing key of a partition key made of {@code components}, each the serialized value of one
     * partition key column in declaration order (the bytes from its position to its limit). One
     * component is returned as it is (a single-column key is not composite); two or more are encoded
     * into a new heap buffer. The components' positions and limits are left untouched.
     *
     * @throws IllegalArgumentException when {@code components} is empty or a component is longer
     *     than {@link #MAX_COMPONENT_LENGTH} bytes
     * @throws NullPointerException when {@code components} or one of them is null
     */
    public static ByteBuffer compose(List<ByteBuffer> components) {
        Objects.requireNonNull(components, "components");
        int count = components.size();
        if (count == 0) {
            throw new IllegalArgumentException("components must not be empty");
        }
        if (count == 1) {
            return Objects.requireNonNull(components.get(0), "components[0]");
        }
        int size = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer component = components.get(i);
            if (component == null) {
                throw new NullPointerException("components[" + i + "]");
            }
            int length = component.remaining();
            if (length > MAX_COMPONENT_LENGTH) {
                throw new IllegalArgumentException("components[" + i + "] is " + length
                        + " bytes, more than a composite partition key component can hold ("
                        + MAX_COMPONENT_LENGTH + ")");
            }
            size += 2 + length + 1;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int i = 0; i < count; i++) {
            ByteBuffer component = components.get(i);
            int length = component.remaining();
            out.putShort((short) length);
            // absolute bulk copy: the component's position stays where it was
            out.put(out.position(), component, component.position(), length);
            out.position(out.position() + length);
            out.put((byte) 0);
        }
        return out.flip();
    }

    /** {@link #compose(List)} with the components as arguments. */
    public static ByteBuffer compose(ByteBuffer... components) {
        Objects.requireNonNull(components, "components");
        return compose(Arrays.asList(components));
    }
}
