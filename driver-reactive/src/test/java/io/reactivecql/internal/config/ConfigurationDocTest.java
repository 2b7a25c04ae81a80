package io.reactivecql.internal.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/configuration.md shows the option reference generated from the catalogue. With
 * {@code -Dreactivecql.docs.regenerate=true} the test rewrites the section instead of failing.
 */
class ConfigurationDocTest {

    static final String REGENERATE = "reactivecql.docs.regenerate";

    private static Path document() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path doc = d.resolve("docs").resolve("configuration.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/configuration.md not found above " + dir);
    }

    @Test
    void theCommittedReferenceMatchesTheCatalogue() throws IOException {
        Path doc = document();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(OptionReference.BEGIN);
        int end = text.indexOf(OptionReference.END);
        assertTrue(begin >= 0 && end > begin, doc + " lacks the markers " + OptionReference.BEGIN + " ... "
                + OptionReference.END);
        String committed = text.substring(begin + OptionReference.BEGIN.length() + 1, end);
        String generated = OptionReference.document();
        if (committed.equals(generated)) {
            return;
        }
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(doc, text.substring(0, begin + OptionReference.BEGIN.length() + 1) + generated
                    + text.substring(end), StandardCharsets.UTF_8);
            System.out.println("rewrote the option reference of " + doc);
            return;
        }
        fail(doc + " is out of step with the option catalogue (DriverOption, reference.properties).\n"
                + "Regenerate it:\n  ./mvnw -B -pl driver-reactive -am test -Dtest=ConfigurationDocTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + REGENERATE + "=true\n"
                + "Differences within the section (- committed, + generated):\n" + diff(committed, generated));
    }

    @Test
    void theDiffShowsWhatChanged() {
        assertEquals("  2 - b\n  2 + B\n", diff("a\nb\nc\n", "a\nB\nc\n"));
        assertEquals("  4 + d\n", diff("a\nb\nc\n", "a\nb\nc\nd\n"));
    }

    /**
     * A line diff (longest common subsequence); removed lines are numbered in the committed
     * section, added ones in the generated section.
     */
    static String diff(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(String.format("%3d - %s", i + 1, a[i++]));
            } else {
                out.add(String.format("%3d + %s", j + 1, b[j++]));
            }
        }
        return String.join("\n", out) + "\n";
    }
}
