package io.reactivecql.schema.api.token;

import java.util.Objects;
import java.util.Set;

/**
 * What the token map needs to know about one node: where it is and which tokens it owns, as read
 * from {@code system.local}/{@code system.peers} ({@code data_center}, {@code rack}, {@code tokens}).
 *
 * @param datacenter the node's datacenter; {@code null} when unknown, in which case
 *     NetworkTopologyStrategy never places a replica on it
 * @param rack the node's rack; {@code null} when unknown (all such nodes of a datacenter count as
 *     one rack)
 * @param tokens the node's tokens in their string form; empty for a node that owns no range yet
 *     (it is then left off the ring)
 */
public record NodeTokens(String datacenter, String rack, Set<String> tokens) {

    /** Copies {@code tokens}. */
    public NodeTokens {
        Objects.requireNonNull(tokens, "tokens");
        tokens = Set.copyOf(tokens);
    }
}
