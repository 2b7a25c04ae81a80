package io.reactivecql.protocol.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CqlIdentifiersTest {

    @Test
    void fromCqlLowerCasesUnquotedNamesAndUnquotesQuotedOnes() {
        assertEquals("foo", CqlIdentifiers.fromCql("Foo"));
        assertEquals("foo", CqlIdentifiers.fromCql("FOO"));
        assertEquals("Foo", CqlIdentifiers.fromCql("\"Foo\""));
        assertEquals("a\"b", CqlIdentifiers.fromCql("\"a\"\"b\""));
        assertEquals("select", CqlIdentifiers.fromCql("\"select\""));
    }

    @Test
    void quoteIfNeededQuotesWhatCqlWouldMisread() {
        assertEquals("foo_1", CqlIdentifiers.quoteIfNeeded("foo_1"));
        assertEquals("\"Foo\"", CqlIdentifiers.quoteIfNeeded("Foo"));
        assertEquals("\"select\"", CqlIdentifiers.quoteIfNeeded("select"));
        assertEquals("\"1a\"", CqlIdentifiers.quoteIfNeeded("1a"));
        assertEquals("\"a b\"", CqlIdentifiers.quoteIfNeeded("a b"));
        assertEquals("\"a\"\"b\"", CqlIdentifiers.quoteIfNeeded("a\"b"));
        assertEquals("\"\"", CqlIdentifiers.quoteIfNeeded(""));
        for (String name : new String[] {"foo", "Foo", "select", "a\"b", "1a"}) {
            assertEquals(name, CqlIdentifiers.fromCql(CqlIdentifiers.quoteIfNeeded(name)));
        }
    }
}
