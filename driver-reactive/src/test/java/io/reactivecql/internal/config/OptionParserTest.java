package io.reactivecql.internal.config;

import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.errors.ConfigurationException;
import io.reactivecql.protocol.ConsistencyLevel;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text and typed values become canonical values, or a refusal naming the key and source. */
class OptionParserTest {

    private static Object parse(DriverOption option, Object value) {
        return OptionParser.parse(option, value, "the.key", "test");
    }

    private static String refusal(DriverOption option, Object value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(option, value));
        assertEquals("the.key", e.option());
        assertEquals("test", e.source());
        assertTrue(e.getMessage().startsWith("invalid configuration of the.key (test): "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void durations() {
        DriverOption timeout = DriverOption.REQUEST_TIMEOUT;
        assertEquals(Duration.ofMillis(500), parse(timeout, "500ms"));
        assertEquals(Duration.ofSeconds(10), parse(timeout, " 10s "));
        assertEquals(Duration.ofSeconds(10), parse(timeout, "10 seconds"));
        assertEquals(Duration.ofMinutes(2), parse(timeout, "2m"));
        assertEquals(Duration.ofHours(1), parse(timeout, "1H"));
        assertEquals(Duration.ofDays(1), parse(timeout, "1d"));
        assertEquals(Duration.ofNanos(1500), parse(timeout, "1500ns"));
        assertEquals(Duration.ofSeconds(10), parse(timeout, "PT10S"));
        assertEquals(Duration.ofSeconds(3), parse(timeout, Duration.ofSeconds(3)));
        assertEquals(Duration.ZERO, parse(DriverOption.HEARTBEAT_INTERVAL, "0"));
        assertTrue(refusal(timeout, "10").contains("needs a unit"));
        assertTrue(refusal(timeout, "5 fortnights").contains("unknown unit 'fortnights'"));
        assertTrue(refusal(timeout, "fast").contains("'fast' is not valid: expected a duration"));
        assertTrue(refusal(timeout, "0").contains("must be positive"));
        assertTrue(refusal(timeout, "-PT1S").contains("must be positive"));
        assertTrue(refusal(DriverOption.HEARTBEAT_INTERVAL, "-PT1S").contains("must not be negative"));
        assertTrue(refusal(timeout, "P1Y").contains("expected a duration"));
        assertTrue(refusal(timeout, "99999999999999999999d").contains("too large"));
        assertTrue(refusal(timeout, 10).contains("got a java.lang.Integer"));
        assertTrue(refusal(timeout, "").contains("empty value"));
    }

    @Test
    void integersWithinBounds() {
        assertEquals(100, parse(DriverOption.REQUEST_PAGE_SIZE, "100"));
        assertEquals(32768, parse(DriverOption.MAX_REQUESTS_PER_CONNECTION, 32768));
        assertEquals(0, parse(DriverOption.READ_AHEAD_PAGES, "0"));
        assertTrue(refusal(DriverOption.REQUEST_PAGE_SIZE, "0").contains("must be at least 1"));
        assertTrue(refusal(DriverOption.MAX_REQUESTS_PER_CONNECTION, "32769").contains("must be in 1..32768"));
        assertTrue(refusal(DriverOption.REQUEST_PAGE_SIZE, "1e3").contains("expected an integer of at least 1"));
        assertTrue(refusal(DriverOption.REQUEST_PAGE_SIZE, "3000000000").contains("expected an integer"));
        assertTrue(refusal(DriverOption.REQUEST_PAGE_SIZE, 5L).contains("got a java.lang.Long"));
    }

    @Test
    void booleansConsistenciesAndChoices() {
        assertEquals(true, parse(DriverOption.REQUEST_DEFAULT_IDEMPOTENCE, "TRUE"));
        assertEquals(false, parse(DriverOption.REQUEST_DEFAULT_IDEMPOTENCE, false));
        assertTrue(refusal(DriverOption.REQUEST_DEFAULT_IDEMPOTENCE, "yes").contains("expected true or false"));
        assertEquals(ConsistencyLevel.LOCAL_QUORUM, parse(DriverOption.REQUEST_CONSISTENCY, "local_quorum"));
        assertTrue(refusal(DriverOption.REQUEST_CONSISTENCY, "MOST").contains("a consistency level"));
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, parse(DriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL"));
        assertTrue(refusal(DriverOption.REQUEST_SERIAL_CONSISTENCY, "QUORUM")
                .contains("expected SERIAL or LOCAL_SERIAL"));
        assertTrue(refusal(DriverOption.REQUEST_SERIAL_CONSISTENCY, ConsistencyLevel.ONE)
                .contains("expected SERIAL or LOCAL_SERIAL"));
        assertEquals("lz4", parse(DriverOption.PROTOCOL_COMPRESSION, "LZ4"));
        assertEquals("V5", parse(DriverOption.PROTOCOL_VERSION, "v5"));
        assertEquals("round-robin", parse(DriverOption.LOAD_BALANCING_POLICY, "Round-Robin"));
        assertTrue(refusal(DriverOption.PROTOCOL_COMPRESSION, "zstd").contains("expected one of [none, lz4, snappy]"));
        assertEquals("snappy", parse(DriverOption.PROTOCOL_COMPRESSION, io.reactivecql.api.Compression.SNAPPY));
    }

    @Test
    void listsAndAddresses() throws Exception {
        assertEquals(List.of("a", "b"), parse(DriverOption.METRICS_NODE_ENABLED, " a, ,b "));
        assertEquals(List.of(), parse(DriverOption.METRICS_NODE_ENABLED, ""));
        assertTrue(refusal(DriverOption.METRICS_NODE_ENABLED, List.of(1)).contains("expected list"));
        @SuppressWarnings("unchecked")
        List<InetSocketAddress> points = (List<InetSocketAddress>) parse(DriverOption.CONTACT_POINTS,
                "127.0.0.1:9043, 10.0.0.2, [::1]:9044, ::2, cassandra-1.example.com:9045");
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9043), points.get(0));
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 9042), points.get(1));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 9044), points.get(2));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::2"), 9042), points.get(3));
        InetSocketAddress named = points.get(4);
        assertTrue(named.isUnresolved(), "host names are resolved by the session, off the event loops");
        assertEquals("cassandra-1.example.com", named.getHostString());
        assertEquals(9045, named.getPort());
        assertFalse(points.get(0).isUnresolved());
        assertTrue(refusal(DriverOption.CONTACT_POINTS, "a:0").contains("the port must be in 1..65535"));
        assertTrue(refusal(DriverOption.CONTACT_POINTS, "a:x").contains("the port must be in 1..65535"));
        assertTrue(refusal(DriverOption.CONTACT_POINTS, "[::1").contains("missing ']'"));
        assertTrue(refusal(DriverOption.CONTACT_POINTS, "999.1.1.1").contains("not an IPv4 address"));
        assertTrue(refusal(DriverOption.CONTACT_POINTS, "a b:9042").contains("not a host name"));
        assertTrue(refusal(DriverOption.CONTACT_POINTS, ":9042").contains("no host"));
    }

    @Test
    void sensitiveValuesAreNotRepeated() {
        String message = refusal(DriverOption.AUTH_PASSWORD, "");
        assertFalse(message.contains("''"), message);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> OptionParser.parse(DriverOption.AUTH_PASSWORD, 42, "k", "s"));
        assertFalse(e.getMessage().contains("42"), e.getMessage());
    }
}
