package io.reactivecql.protocol.types;

/**
 * No codec maps the requested CQL type (and Java class): an unresolved UDT reference, or a Java
 * class the type's codec does not produce.
 */
public class CodecNotFoundException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CodecNotFoundException(String message) {
        super(message);
    }
}
