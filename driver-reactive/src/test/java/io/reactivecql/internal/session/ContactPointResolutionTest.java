package io.reactivecql.internal.session;

import io.reactivecql.api.errors.NoNodeAvailableException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contact points: literal addresses as given, host names resolved to all their addresses. */
class ContactPointResolutionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void hostNamesGiveEveryAddressAndLiteralsStayAsGiven() throws Exception {
        InetSocketAddress literal = new InetSocketAddress("127.0.0.5", 9042);
        List<InetSocketAddress> resolved = SessionFactory.resolve(List.of(
                InetSocketAddress.createUnresolved("localhost", 9043), literal)).block(WAIT);
        int localhostAddresses = InetAddress.getAllByName("localhost").length;
        assertEquals(localhostAddresses + 1, resolved.size(), resolved.toString());
        assertTrue(resolved.stream().limit(localhostAddresses).allMatch(a -> a.getPort() == 9043 && !a.isUnresolved()));
        assertEquals(literal, resolved.get(resolved.size() - 1));
    }

    @Test
    void noResolvableContactPointIsNoNodeAvailable() {
        assertThrows(NoNodeAvailableException.class, () -> SessionFactory.resolve(List.of(
                InetSocketAddress.createUnresolved("no-such-host.invalid", 9042))).block(WAIT));
    }
}
