package io.reactivecql.mapper.internal;

import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Column;
import io.reactivecql.mapper.api.Counter;
import io.reactivecql.mapper.api.NamingStrategy;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Static;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Transient;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.mapper.api.Version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Mapped classes of the unit tests. */
final class TestModels {

    private TestModels() {
    }

    /** Matches the {@code events} table of {@link QueryValidatorTest}. */
    @Table(keyspace = "ks", name = "events")
    record Event(@PartitionKey UUID userId, @PartitionKey(1) int bucket,
                 @ClusteringColumn(value = 0, descending = true) Instant ts, @ClusteringColumn(1) int seq,
                 String kind, Integer score, String note, Set<String> tags, Map<String, String> attrs,
                 @Static String owner) {
    }

    enum Color { RED, GREEN }

    @Udt
    record Address(String street, int zip, List<String> lines) {
    }

    @Udt(name = "person_info")
    record Person(String name, Address home) {
    }

    @Table(keyspace = "ks")
    record Customer(@PartitionKey UUID id, String fullName, Color favorite, Address address,
                    List<Address> previous, Map<String, Person> contacts, byte[] avatar,
                    @Transient String cache, @Version long version) {
    }

    /** A bean with inheritance, a transient field and a renamed, case-sensitive column. */
    static class Base {
        @PartitionKey
        UUID id;
    }

    @Table(keyspace = "ks", naming = NamingStrategy.EXACT)
    static class Note extends Base {
        @Column(name = "\"Body\"")
        String text;
        transient String scratch;
        int likes;
        @Transient
        String ignored;
    }

    @Table(keyspace = "ks")
    record PageViews(@PartitionKey String page, @Counter long views, @Counter Long clicks) {
    }
}
