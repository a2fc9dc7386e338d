package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin verifier in the harness: strict mode fails on a warning with its text; an error always fails. */
class TestStrictMode {

    private static final String COMPLETE = "plugin.id=parcels\nplugin.version=1.0.0\nplugin.class=fixture.ParcelPlugin\n"
            + "plugin.provider=Parcels Inc.\nplugin.description=Weighs parcels\n";

    @TempDir
    Path dir;

    private Path plugin(String properties) throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        Files.writeString(classes.resolve("plugin.properties"), properties);
        return classes;
    }

    @Test
    void in_strict_mode_a_verifier_warning_fails_the_test_with_its_text() throws IOException {
        Path classes = plugin("plugin.id=parcels\nplugin.version=1.0.0\nplugin.class=fixture.ParcelPlugin\n");

        assertThatThrownBy(() -> PluginHarness.builder().classes(classes).strict(true).start())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("strict mode: the plugin verifier warns about the plugin")
                .hasMessageContaining("the descriptor has no Plugin-Provider");

        try (PluginHarness lenient = PluginHarness.builder().classes(classes).start()) {
            assertThat(lenient.plugin().started()).as("without strict mode a warning does not fail").isTrue();
        }
    }

    @Test
    void in_strict_mode_a_plugin_without_warnings_starts() throws IOException {
        try (PluginHarness harness = PluginHarness.builder().classes(plugin(COMPLETE)).strict(true).start()) {
            assertThat(harness.plugin().started()).isTrue();
            assertThat(harness.plugin().warnings()).isEmpty();
        }
    }

    @Test
    void a_verifier_error_fails_the_start_with_every_problem() throws IOException {
        Path classes = plugin(COMPLETE);
        Files.writeString(classes.resolve("META-INF/extensions.idx"),
                Files.readString(classes.resolve("META-INF/extensions.idx")) + "fixture.Gone\n");
        Files.writeString(classes.resolve("plugin.properties"), COMPLETE.replace("plugin.class=fixture.ParcelPlugin",
                "plugin.class=fixture.Missing"));

        assertThatThrownBy(() -> PluginHarness.builder().classes(classes).start())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the plugin verifier refuses parcels.jar: 2 problems")
                .hasMessageContaining("Plugin-Class fixture.Missing is not in the plugin")
                .hasMessageContaining("META-INF/extensions.idx lists fixture.Gone");
    }
}
