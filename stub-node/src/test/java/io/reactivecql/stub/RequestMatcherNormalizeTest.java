package io.reactivecql.stub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Statement text normalization: trimmed, whitespace runs collapsed to one space, no copy when already normal. */
class RequestMatcherNormalizeTest {

    @Test
    void collapsesAndTrims() {
        assertEquals("SELECT * FROM t WHERE k = 1", RequestMatcher.normalize("  SELECT *\n  FROM\tt WHERE  k = 1 \n"));
        assertEquals("a b", RequestMatcher.normalize("a\r\n\t b"));
        assertEquals("a", RequestMatcher.normalize(" a "));
        assertEquals("", RequestMatcher.normalize(" \n "));
        assertNull(RequestMatcher.normalize(null));
    }

    @Test
    void normalTextIsReturnedAsIs() {
        String text = "INSERT INTO ks.t (k) VALUES (1)";
        assertSame(text, RequestMatcher.normalize(text));
    }
}
