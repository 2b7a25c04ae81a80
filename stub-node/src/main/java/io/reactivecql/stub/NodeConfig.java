package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;

import java.util.List;

/**
 * The fixed settings of a node, from {@link StubNode.Builder}.
 *
 * @param versions     the protocol versions accepted, oldest first
 * @param betaVersion  a version (one of {@code versions}) that requires the USE_BETA flag, or null
 * @param compressions the STARTUP compression algorithms accepted ("lz4", "snappy")
 * @param username     the required user name, or null when the node does not authenticate
 * @param password     the required password
 * @param peersV2      whether {@code system.peers_v2} exists (Cassandra 4.0+)
 * @param strict       whether {@link StubNode#close()} fails when problems were recorded
 * @param threads      event loop threads
 */
record NodeConfig(List<ProtocolVersion> versions, ProtocolVersion betaVersion, List<String> compressions,
                  String username, String password, boolean peersV2, boolean strict, int threads) {

    static final String PASSWORD_AUTHENTICATOR = "org.apache.cassandra.auth.PasswordAuthenticator";

    boolean authenticates() {
        return username != null;
    }

    boolean supports(int versionCode) {
        for (ProtocolVersion v : versions) {
            if (v.code() == versionCode) {
                return true;
            }
        }
        return false;
    }

    int minVersion() {
        return versions.get(0).code();
    }

    int maxVersion() {
        return versions.get(versions.size() - 1).code();
    }

    /** How SUPPORTED and error messages list a version: "4/v4", or "5/v5-beta". */
    String describe(ProtocolVersion version) {
        return version.code() + "/v" + version.code() + (version == betaVersion ? "-beta" : "");
    }
}
