package io.reactivecql.mapper.it;

import io.reactivecql.mapper.api.ClusteringColumn;
import io.reactivecql.mapper.api.Column;
import io.reactivecql.mapper.api.NamingStrategy;
import io.reactivecql.mapper.api.PartitionKey;
import io.reactivecql.mapper.api.Static;
import io.reactivecql.mapper.api.Table;
import io.reactivecql.mapper.api.Transient;
import io.reactivecql.mapper.api.Udt;
import io.reactivecql.protocol.types.CqlDuration;
import io.reactivecql.protocol.types.CqlVector;
import io.reactivecql.protocol.types.TupleValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The classes of {@link EntityRoundTripIT}: every field kind the mapper supports. */
final class TypesModels {

    static final String KS = "orm_types";

    private TypesModels() {
    }

    enum Level { LOW, HIGH }

    @Udt
    record Address(String street, int zip, Set<String> tags) {
    }

    @Udt(name = "person")
    record Person(String name, Address home, List<Address> others) {
    }

    /**
     * One field of every CQL type, collections of UDTs, a nested collection, an enum, a static, a
     * field read through a user codec ({@link LocaleCodec}) and a transient.
     */
    @Table(keyspace = KS, name = "all_types")
    record AllTypes(@PartitionKey UUID id, @ClusteringColumn int part,
                    @Column(cqlType = "ascii") String asciiText, long bigintValue, ByteBuffer blobValue,
                    byte[] bytesValue, boolean booleanValue, LocalDate dateValue, BigDecimal decimalValue,
                    double doubleValue, CqlDuration durationValue, float floatValue, InetAddress inetValue,
                    int intValue, short smallintValue, String textValue, LocalTime timeValue,
                    Instant timestampValue, @Column(cqlType = "timeuuid") UUID timeuuidValue, byte tinyintValue,
                    BigInteger varintValue, @Column(cqlType = "tuple<int, text>") TupleValue tupleValue,
                    @Column(cqlType = "vector<float, 3>") CqlVector<Float> vectorValue, List<String> listValue,
                    Set<Integer> setValue, Map<String, Long> mapValue, List<Set<Integer>> nestedValue, Level level,
                    Address address, List<Address> addresses, Map<String, Person> people,
                    @Static String bucketLabel, Integer maybeInt, @Column(name = "renamed") String original,
                    @Column(cqlType = "text") Locale locale, @Transient String scratch) {

        /** This value with its byte array replaced (records compare arrays by identity). */
        AllTypes withBytes(byte[] bytes) {
            return new AllTypes(id, part, asciiText, bigintValue, blobValue, bytes, booleanValue, dateValue,
                    decimalValue, doubleValue, durationValue, floatValue, inetValue, intValue, smallintValue,
                    textValue, timeValue, timestampValue, timeuuidValue, tinyintValue, varintValue, tupleValue,
                    vectorValue, listValue, setValue, mapValue, nestedValue, level, address, addresses, people,
                    bucketLabel, maybeInt, original, locale, scratch);
        }
    }

    /** A mutable bean with case-sensitive column names. */
    @Table(keyspace = KS, name = "\"Profiles\"", naming = NamingStrategy.EXACT)
    static final class Profile {
        @PartitionKey
        String userName;
        String displayName;
        List<String> roles = new ArrayList<>();
        int loginCount;
        Instant lastSeen;

        Profile() {
        }

        Profile(String userName, String displayName, List<String> roles, int loginCount, Instant lastSeen) {
            this.userName = userName;
            this.displayName = displayName;
            this.roles = roles;
            this.loginCount = loginCount;
            this.lastSeen = lastSeen;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Profile p && Objects.equals(userName, p.userName)
                    && Objects.equals(displayName, p.displayName) && Objects.equals(roles, p.roles)
                    && loginCount == p.loginCount && Objects.equals(lastSeen, p.lastSeen);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userName, displayName, roles, loginCount, lastSeen);
        }

        @Override
        public String toString() {
            return "Profile[" + userName + ", " + displayName + ", " + roles + ", " + loginCount + ", " + lastSeen
                    + "]";
        }
    }
}
