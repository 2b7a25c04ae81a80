package io.reactivecql.internal.config;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.OptionType;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * Renders the option catalogue as the Markdown reference between the markers of
 * docs/configuration.md ({@link #BEGIN} and {@link #END}); a test keeps the committed document
 * equal to it.
 */
public final class OptionReference {

    /** The line before the generated reference. */
    public static final String BEGIN = "<!-- BEGIN GENERATED OPTION REFERENCE (do not edit: see the note above) -->";
    /** The line after it. */
    public static final String END = "<!-- END GENERATED OPTION REFERENCE -->";

    private OptionReference() {
    }

    /** Everything between the markers: the value syntax, then the options. */
    public static String document() {
        return "### Value syntax\n\n" + typeTable()
                + "\nChoices are matched without regard to case. Columns below: *profile*: execution profiles may set\n"
                + "the option (`profiles.<name>.<path>`); *reload*: a reload applies a new value to a running session.\n\n"
                + markdown();
    }

    /** The reference: one table per top-level section ({@code basic}, {@code advanced}), in catalogue order. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        String section = null;
        for (DriverOption option : DriverOption.values()) {
            String top = option.path().substring(0, option.path().indexOf('.'));
            if (!top.equals(section)) {
                section = top;
                md.append(md.length() == 0 ? "" : "\n").append("### `").append(top).append("`\n\n")
                        .append("| option | type | default | profile | reload | meaning |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            md.append("| `").append(option.path()).append("` | ").append(type(option)).append(" | ")
                    .append(defaultText(option.defaultValue())).append(" | ")
                    .append(option.isProfileOption() ? "yes" : "").append(" | ")
                    .append(option.isReloadable() ? "yes" : "").append(" | ")
                    .append(option.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String type(DriverOption option) {
        OptionType type = option.type();
        return switch (type) {
            case INTEGER -> option.max() == Integer.MAX_VALUE ? "integer &ge; " + option.min()
                    : "integer " + option.min() + "..." + option.max();
            case DURATION -> option.min() > 0 ? "duration &gt; 0" : "duration";
            case CHOICE -> {
                StringJoiner j = new StringJoiner(" \\| ");
                option.choices().forEach(c -> j.add("`" + c + "`"));
                yield j.toString();
            }
            default -> type.label();
        };
    }

    private static String defaultText(Optional<String> value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        return value.get().isEmpty() ? "(empty)" : "`" + value.get() + "`";
    }

    /** The value syntax of each type, as a Markdown table. */
    public static String typeTable() {
        StringBuilder md = new StringBuilder("| type | written as |\n|---|---|\n");
        for (OptionType type : OptionType.values()) {
            if (type != OptionType.CHOICE) {
                md.append("| ").append(type.label()).append(" | ").append(type.syntax()).append(" |\n");
            }
        }
        return md.toString();
    }
}
