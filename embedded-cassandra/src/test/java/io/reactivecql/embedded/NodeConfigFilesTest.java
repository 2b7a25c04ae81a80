package io.reactivecql.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeConfigFilesTest {

    @TempDir
    Path base;

    @Test
    void singleNodeYamlHasTheTestSettings() {
        String yaml = NodeConfigFiles.yaml(EmbeddedCassandra.builder().baseDirectory(base).spec(), 1);
        List<String> lines = yaml.lines().toList();
        assertTrue(lines.contains("listen_address: 127.0.0.1"), yaml);
        assertTrue(lines.contains("rpc_address: 127.0.0.1"), yaml);
        assertTrue(lines.contains("native_transport_port: 9042"), yaml);
        assertTrue(lines.contains("storage_port: 7000"), yaml);
        assertTrue(lines.contains("endpoint_snitch: org.apache.cassandra.locator.SimpleSnitch"), yaml);
        assertTrue(lines.contains("num_tokens: 16"), yaml);
        assertTrue(lines.contains("commitlog_sync: periodic"), yaml);
        assertTrue(lines.contains("storage_compatibility_mode: CASSANDRA_4"), yaml);
        assertTrue(lines.contains("commitlog_directory: \"" + base.resolve("node1/commitlog") + "\""), yaml);
        assertTrue(yaml.contains("data_file_directories:\n  - \"" + base.resolve("node1/data") + "\"\n"), yaml);
        assertTrue(yaml.contains("seed_provider:\n  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n"
                + "    parameters:\n      - seeds: \"127.0.0.1:7000\"\n"), yaml);
        assertFalse(yaml.contains("authenticator"), yaml);
        assertFalse(yaml.contains("client_encryption_options"), yaml);
    }

    @Test
    void everyNodeOfAClusterListensOnItsOwnAddressAndIsASeed() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec();
        String yaml = NodeConfigFiles.yaml(spec, 3);
        assertTrue(yaml.contains("\nlisten_address: 127.0.0.3\n"), yaml);
        assertTrue(yaml.contains("\nrpc_address: 127.0.0.3\n"), yaml);
        assertTrue(yaml.contains("seeds: \"127.0.0.1:7000,127.0.0.2:7000,127.0.0.3:7000\""), yaml);
        assertTrue(yaml.contains("\nauto_bootstrap: false\n"), yaml);
        assertTrue(yaml.contains(base.resolve("node3/hints").toString()), yaml);
        assertFalse(yaml.contains("node1"), yaml);
    }

    @Test
    void authenticatorAndClientEncryption() {
        ClientEncryption tls = ClientEncryption.keystore(base.resolve("server.p12"), "pass\"word")
                .withRequiredClientAuth(base.resolve("trust.p12"), "trust");
        String yaml = NodeConfigFiles.yaml(EmbeddedCassandra.builder().baseDirectory(base)
                .authenticator("PasswordAuthenticator").clientEncryption(tls).spec(), 1);
        assertTrue(yaml.contains("\nauthenticator: PasswordAuthenticator\n"), yaml);
        assertTrue(yaml.contains("\nclient_encryption_options:\n  enabled: true\n  optional: false\n"
                + "  keystore: \"" + base.resolve("server.p12") + "\"\n"
                + "  keystore_password: \"pass\\\"word\"\n"
                + "  require_client_auth: true\n"
                + "  truststore: \"" + base.resolve("trust.p12") + "\"\n"
                + "  truststore_password: \"trust\"\n"), yaml);
    }

    @Test
    void clientEncryptionWithoutClientAuthHasNoTruststore() {
        String yaml = NodeConfigFiles.yaml(EmbeddedCassandra.builder().baseDirectory(base)
                .clientEncryption(ClientEncryption.keystore(base.resolve("k.jks"), "secret")).spec(), 1);
        assertTrue(yaml.contains("  require_client_auth: false\n"), yaml);
        assertFalse(yaml.contains("truststore"), yaml);
    }

    @Test
    void datacentersSwitchToGossipingPropertyFileSnitchWithPerNodeRackdc() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(3).baseDirectory(base)
                .datacenters("dc1", "dc1", "dc2").racks("r1", "r2", "r1").spec();
        assertTrue(NodeConfigFiles.yaml(spec, 2)
                .contains("\nendpoint_snitch: org.apache.cassandra.locator.GossipingPropertyFileSnitch\n"));
        assertEquals("dc=dc1\nrack=r2\n", NodeConfigFiles.rackdc(spec, 2));
        assertEquals("dc=dc2\nrack=r1\n", NodeConfigFiles.rackdc(spec, 3));
        assertEquals("dc1", spec.datacenterOf(1));
    }

    @Test
    void racksAloneKeepTheDefaultDatacenter() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(2).baseDirectory(base).racks("a", "b").spec();
        assertTrue(NodeConfigFiles.yaml(spec, 1).contains("GossipingPropertyFileSnitch"));
        assertEquals("dc=datacenter1\nrack=b\n", NodeConfigFiles.rackdc(spec, 2));
    }

    @Test
    void extraYamlReplacesGeneratedEntriesInPlaceAndAddsNewOnes() {
        String yaml = NodeConfigFiles.yaml(EmbeddedCassandra.builder().baseDirectory(base)
                .yaml("storage_compatibility_mode", "NONE")
                .yaml("authorizer", "CassandraAuthorizer")
                .yaml("table_properties_warn_threshold", "\n  nested: 1").spec(), 1);
        assertTrue(yaml.contains("\nstorage_compatibility_mode: NONE\n"), yaml);
        assertFalse(yaml.contains("CASSANDRA_4"), yaml);
        assertTrue(yaml.contains("\nauthorizer: CassandraAuthorizer\n"), yaml);
        assertTrue(yaml.contains("\ntable_properties_warn_threshold:\n  nested: 1\n"), yaml);
    }

    @Test
    void writesTheThreeFilesIntoConf() throws Exception {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(2).baseDirectory(base).spec();
        NodeConfigFiles.write(spec, 2);
        Path conf = base.resolve("node2/conf");
        assertEquals(NodeConfigFiles.yaml(spec, 2), Files.readString(conf.resolve("cassandra.yaml")));
        assertEquals("dc=datacenter1\nrack=rack1\n", Files.readString(conf.resolve("cassandra-rackdc.properties")));
        assertTrue(Files.readString(conf.resolve("logback.xml"))
                .contains("<file>" + base.resolve("node2/logs/system.log") + "</file>"));
    }

    @Test
    void quoteEscapesBackslashesAndQuotes() {
        assertEquals("\"a\\\\b\\\"c\"", NodeConfigFiles.quote("a\\b\"c"));
    }
}
