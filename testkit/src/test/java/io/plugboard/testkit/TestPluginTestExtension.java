package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The annotation way: a harness per test, descriptor given in the annotation, closed afterwards. */
@PluginTest(classes = "target/fixture-plugin/classes", id = "parcels", version = "3.1.0", pluginClass = "fixture.ParcelPlugin")
class TestPluginTestExtension {

    private static Path previousJar;
    private PluginHarness fromBeforeEach;

    @BeforeAll
    static void compileTheFixture() throws IOException {
        FixturePlugin.compile(Path.of("target/fixture-plugin"), false);
    }

    @BeforeEach
    void remember(PluginHarness harness) {
        fromBeforeEach = harness;
    }

    @Test
    void the_test_gets_the_same_started_harness_as_before_each(PluginHarness harness) {
        assertThat(harness).isSameAs(fromBeforeEach);
        assertThat(harness.plugin().version()).isEqualTo("3.1.0");
        assertThat(harness.awaitDelivery(harness.emitSample("parcel_weighed")).hasValidSignature(harness.signingSecret()))
                .isTrue();
        checkPreviousClosed(harness);
    }

    @Test
    void every_test_gets_a_fresh_host(PluginHarness harness) {
        assertThat(harness.capture().received()).isEmpty();
        checkPreviousClosed(harness);
    }

    private static void checkPreviousClosed(PluginHarness harness) {
        if (previousJar != null) {
            assertThat(previousJar).doesNotExist();
        }
        previousJar = harness.pluginJar();
    }
}
