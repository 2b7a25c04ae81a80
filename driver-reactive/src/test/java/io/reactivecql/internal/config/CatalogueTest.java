package io.reactivecql.internal.config;

import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.config.DriverOptions;
import io.reactivecql.api.config.OptionType;
import io.reactivecql.api.policy.lb.LoadBalancingPolicies;
import io.reactivecql.api.profile.RequestPolicies;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue, the bundled reference file and the code's own defaults agree. */
class CatalogueTest {

    /** The options that are unset unless configured. */
    private static final Set<DriverOption> WITHOUT_DEFAULT = EnumSet.of(DriverOption.CONTACT_POINTS,
            DriverOption.LOCAL_DATACENTER, DriverOption.SESSION_KEYSPACE, DriverOption.LOCAL_RACK,
            DriverOption.PROTOCOL_VERSION, DriverOption.AUTH_USERNAME, DriverOption.AUTH_PASSWORD,
            DriverOption.METRICS_SESSION_NAME);

    @Test
    void pathsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (DriverOption o : DriverOption.values()) {
            assertTrue(seen.add(o.path()), "duplicate path " + o.path());
            assertTrue(o.path().matches("(basic|advanced)(\\.[a-z][a-z0-9-]*)+"), o.path());
            assertSame(o, DriverOption.byPath(o.path()).orElseThrow());
            assertFalse(o.description().isBlank(), o + " has no description");
            assertEquals(o.type() == OptionType.CHOICE, !o.choices().isEmpty(), o + ": choices iff CHOICE");
        }
        assertTrue(DriverOption.byPath("basic.request").isEmpty());
    }

    @Test
    void theReferenceFileSetsExactlyTheOptionsWithADefault() {
        Set<String> keys = ReferenceConfig.entries().keySet();
        Set<String> expected = Arrays.stream(DriverOption.values()).filter(o -> !WITHOUT_DEFAULT.contains(o))
                .map(DriverOption::path).collect(Collectors.toSet());
        assertEquals(expected, keys);
        for (DriverOption o : WITHOUT_DEFAULT) {
            assertTrue(o.defaultValue().isEmpty(), o.path());
        }
        assertEquals("10s", DriverOption.REQUEST_TIMEOUT.defaultValue().orElseThrow());
        // every reference value parses (a broken one would fail here, naming it)
        DriverOptions reference = ConfigLayers.reference();
        assertEquals(expected.size(), reference.options().size());
    }

    @Test
    void theReferenceDefaultsAreTheCodesDefaults() {
        BuilderLayer empty = new BuilderLayer(List.of(), null, null, null, null, null, null, null,
                DriverConfig.defaults(), Set.of(), RequestPolicies.defaults(), DriverOptions.empty(), null, null, null,
                MetricsOptions.none(), RequestLogOptions.defaults().withErrors(true));
        // a builder whose settings are not the defaults: the reference must turn them back into them
        BuilderLayer changed = new BuilderLayer(List.of(), null, null, null, null, null, null, null,
                DriverConfig.defaults().withPageSize(7).withRequestTimeout(java.time.Duration.ofDays(1))
                        .withSchemaAgreement(java.time.Duration.ofDays(1), java.time.Duration.ofDays(1))
                        .withTraceRetrieval(99, java.time.Duration.ofDays(1)),
                Set.of(), RequestPolicies.defaults(), DriverOptions.empty(), null, null, null,
                MetricsOptions.all(), RequestLogOptions.defaults().withSuccess(true));
        for (BuilderLayer layer : List.of(empty, changed)) {
            Resolution r = ConfigResolver.resolve(layer, new Properties());
            assertEquals(DriverConfig.defaults(), r.config());
            assertEquals(RequestPolicies.defaults(), r.policies());
            assertEquals(Compression.NONE, r.compression());
            assertNull(r.protocolVersion());
            assertNull(r.authProvider());
            assertEquals(List.of(), r.contactPoints());
            assertEquals(LoadBalancingPolicies.defaultPolicy().toString(), r.loadBalancingPolicy().toString());
            // the builder's observability choices are not explicit here: the reference wins
            assertEquals(MetricsOptions.defaults(), r.metrics());
            assertEquals(RequestLogOptions.defaults(), r.requestLog());
        }
    }

    @Test
    void everyDriverConfigSettingHasExactlyOneOption() {
        DriverConfig base = DriverConfig.defaults();
        Set<String> bound = new HashSet<>();
        for (DriverOption o : ConfigBindings.driverConfigOptions()) {
            Object other = switch (o.type()) {
                case DURATION -> java.time.Duration.ofMillis(12345);
                case INTEGER -> 3;
                case BOOLEAN -> !(Boolean) ConfigBindings.get(base, o);
                case CONSISTENCY -> io.reactivecql.protocol.ConsistencyLevel.THREE;
                case SERIAL_CONSISTENCY -> io.reactivecql.protocol.ConsistencyLevel.LOCAL_SERIAL;
                default -> throw new AssertionError(o + " has an unexpected type");
            };
            DriverConfig changed = ConfigBindings.set(base, o, other);
            assertEquals(other, ConfigBindings.get(changed, o), o.path());
            assertEquals(Set.of(o), ConfigBindings.changed(base, changed), o.path() + " changes only its own field");
            List<String> fields = changedFields(base, changed);
            assertEquals(1, fields.size(), o.path() + " writes one field: " + fields);
            bound.addAll(fields);
        }
        Set<String> all = Arrays.stream(DriverConfig.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        all.removeAll(bound);
        assertEquals(Set.of(), all, "DriverConfig settings without a DriverOption (add them to the catalogue, "
                + "the reference file and ConfigBindings)");
    }

    private static List<String> changedFields(DriverConfig a, DriverConfig b) {
        List<String> changed = new java.util.ArrayList<>();
        for (RecordComponent c : DriverConfig.class.getRecordComponents()) {
            try {
                if (!c.getAccessor().invoke(a).equals(c.getAccessor().invoke(b))) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return changed;
    }
}
