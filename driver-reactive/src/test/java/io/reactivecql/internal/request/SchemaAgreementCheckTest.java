package io.reactivecql.internal.request;

import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.reactivecql.fake.Fixtures.col;
import static io.reactivecql.fake.Fixtures.rows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaAgreementCheckTest {

    private static final UUID V1 = UUID.randomUUID();
    private static final UUID V2 = UUID.randomUUID();
    private static final UUID HOST_A = UUID.randomUUID();
    private static final UUID HOST_B = UUID.randomUUID();

    private static RowsResult local(UUID version) {
        return rows(List.of(col("schema_version", PrimitiveType.UUID)), null, List.of(Arrays.asList(version)));
    }

    private static RowsResult peers(Object... hostAndVersion) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < hostAndVersion.length; i += 2) {
            rows.add(Arrays.asList(hostAndVersion[i], hostAndVersion[i + 1]));
        }
        return rows(List.of(col("host_id", PrimitiveType.UUID), col("schema_version", PrimitiveType.UUID)), null,
                rows);
    }

    @Test
    void oneVersionEverywhereIsAgreement() {
        assertTrue(SchemaAgreementCheck.agreed(local(V1), peers(HOST_A, V1, HOST_B, V1), Set.of()));
        assertTrue(SchemaAgreementCheck.agreed(local(V1), peers(), Set.of()), "a single node agrees with itself");
    }

    @Test
    void aLivePeerOnAnotherVersionIsNot() {
        assertFalse(SchemaAgreementCheck.agreed(local(V1), peers(HOST_A, V1, HOST_B, V2), Set.of()));
        assertFalse(SchemaAgreementCheck.agreed(local(V2), peers(HOST_A, V1), Set.of()));
    }

    @Test
    void downPeersAndPeersWithoutVersionAreLeftOut() {
        assertTrue(SchemaAgreementCheck.agreed(local(V1), peers(HOST_A, V1, HOST_B, V2), Set.of(HOST_B)));
        assertTrue(SchemaAgreementCheck.agreed(local(V1), peers(HOST_A, V1, HOST_B, null), Set.of()));
        assertFalse(SchemaAgreementCheck.agreed(local(V1), peers(HOST_A, V1, HOST_B, V2), Set.of(HOST_A)));
    }

    @Test
    void noLocalVersionIsNoAgreement() {
        assertFalse(SchemaAgreementCheck.agreed(local(null), peers(), Set.of()));
    }
}
