package io.reactivecql.api.metadata;

import java.net.InetSocketAddress;

/**
 * Turns the address a node advertises (its {@code rpc_address} / {@code native_address} and
 * native port from {@code system.local} / {@code system.peers[_v2]}, or the address of a
 * STATUS_CHANGE or TOPOLOGY_CHANGE event) into the address the driver connects to, e.g. behind
 * NAT. Called on driver threads: must not block (no DNS lookups).
 */
@FunctionalInterface
public interface AddressTranslator {

    /** The address to connect to for a node that advertises {@code address}. */
    InetSocketAddress translate(InetSocketAddress address);

    /** Connects to the advertised address as is (the default). */
    static AddressTranslator identity() {
        return address -> address;
    }
}
