package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.InvalidEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginHarness {

    @TempDir
    Path dir;

    private Path plugin(String properties) throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        Files.writeString(classes.resolve("plugin.properties"), properties);
        return classes;
    }

    @Test
    void packs_the_classes_folder_into_a_real_jar_that_the_host_starts() throws IOException {
        Path classes = plugin("plugin.id=parcels\nplugin.version=1.2.3\nplugin.class=fixture.ParcelPlugin\n");
        try (PluginHarness harness = PluginHarness.builder().classes(classes).start()) {
            PluginStatus status = harness.plugin();
            assertThat(status.started()).isTrue();
            assertThat(status.version()).isEqualTo("1.2.3");
            assertThat(status.eventTypes()).containsExactly("parcel_weighed");
            try (JarFile jar = new JarFile(harness.pluginJar().toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Class")).isEqualTo("fixture.ParcelPlugin");
                assertThat(jar.getEntry("META-INF/extensions.idx")).isNotNull();
                assertThat(jar.getEntry("fixture/ParcelEvents.class")).isNotNull();
            }
        }
    }

    @Test
    void the_sample_of_an_event_type_reaches_the_capture_endpoint_signed() throws IOException {
        try (PluginHarness harness = PluginHarness.builder()
                .classes(plugin("plugin.id=parcels\nplugin.version=1.0.0\nplugin.class=fixture.ParcelPlugin\n")).start()) {
            String eventId = harness.emitSample("parcel_weighed");

            CapturedRequest request = harness.awaitDelivery(eventId);

            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.eventId()).isEqualTo(eventId);
            assertThat(request.eventType()).isEqualTo("parcel_weighed");
            assertThat(request.data().longValue("weight_grams")).isEqualTo(1200);
            assertThat(request.hasValidSignature(harness.signingSecret())).isTrue();
            request.assertSignedWith(harness.signingSecret());
            assertThat(request.hasValidSignature("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                    .isFalse();
        }
    }

    @Test
    void emitted_data_is_checked_against_the_schema_and_retries_reach_the_endpoint() throws IOException {
        try (PluginHarness harness = PluginHarness.builder()
                .classes(plugin("plugin.id=parcels\nplugin.version=1.0.0\n")).start()) {
            assertThatThrownBy(() -> harness.emit("parcel_weighed", Map.of("parcel_id", "nope")))
                    .isInstanceOf(InvalidEventException.class);

            harness.capture().respondWith(503);
            String eventId = harness.emit("parcel_weighed", Map.of("parcel_id", "prc_9"));
            harness.capture().await(r -> eventId.equals(r.eventId()), "a first attempt", PluginHarness.DEFAULT_TIMEOUT);
            harness.capture().respondWith(200);

            var all = harness.capture().awaitCount(2, PluginHarness.DEFAULT_TIMEOUT);
            assertThat(all).allSatisfy(r -> assertThat(r.eventId()).isEqualTo(eventId));
            assertThat(harness.api().get("/api/v1/webhooks/" + harness.webhookId()).expect(200).json()
                    .path("events").get(0).asText()).isEqualTo("parcel_weighed");
        }
    }

    @Test
    void host_settings_apply_and_the_capture_endpoint_can_subscribe_to_other_types() throws IOException {
        try (PluginHarness harness = PluginHarness.builder()
                .classes(plugin("plugin.id=parcels\nplugin.version=1.0.0\n"))
                .host(h -> h.siteName("Parcel Shop").eventType(io.plugboard.sdk.EventType.builder("order_paid")
                        .name("Order paid").sample("{\"order_id\":\"o_1\"}").build()))
                .start()) {
            String before = harness.emitSample("order_paid");
            harness.subscribe("order_paid", "parcel_weighed");
            String after = harness.emitSample("order_paid");

            assertThat(harness.awaitDelivery(after).data().string("order_id")).isEqualTo("o_1");
            assertThat(harness.capture().received()).noneMatch(r -> before.equals(r.eventId()));
            assertThat(harness.api().get("/api/v1/event-types/order_paid").expect(200).json().path("plugin_id").asText())
                    .isEqualTo("app");
        }
    }

    @Test
    void the_admin_pages_are_reachable_signed_in_and_forms_carry_the_csrf_token() throws IOException {
        try (PluginHarness harness = PluginHarness.builder()
                .classes(plugin("plugin.id=parcels\nplugin.version=1.0.0\n")).start()) {
            AdminSession.Page plugins = harness.admin().get("/admin/plugins");
            assertThat(plugins.status()).isEqualTo(200);
            assertThat(plugins.body()).contains("parcels");

            AdminSession.Page logout = harness.admin().postForm("/admin/logout", java.util.List.of());
            assertThat(logout.status()).isEqualTo(302);
            assertThat(harness.admin().get("/admin/plugins").location()).startsWith("/admin/login");
        }
    }

    @Test
    void a_built_jar_is_tested_as_it_is() throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        Path built = Files.createDirectories(dir.resolve("built"));
        Path jar = PluginJarWriter.write(classes, Map.of("Plugin-Id", "parcels", "Plugin-Version", "4.0.0"), built);
        try (PluginHarness harness = PluginHarness.builder().jar(jar).start()) {
            assertThat(harness.pluginId()).isEqualTo("parcels");
            assertThat(harness.plugin().version()).isEqualTo("4.0.0");
            assertThat(harness.pluginJar()).hasSameBinaryContentAs(jar);
        }
        assertThatThrownBy(() -> PluginHarness.builder().jar(classes.resolve("fixture/ParcelEvents.class")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read the plugin jar");
    }

    @Test
    void a_manifest_in_the_classes_folder_is_read_and_given_entries_win() throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"),
                "Manifest-Version: 1.0\nPlugin-Id: parcels\nPlugin-Version: 0.9.0\n\n");
        try (PluginHarness harness = PluginHarness.builder().classes(classes).pluginVersion("2.0.0")
                .pluginClass("fixture.ParcelPlugin").start()) {
            assertThat(harness.pluginId()).isEqualTo("parcels");
            assertThat(harness.plugin().version()).isEqualTo("2.0.0");
        }
    }

    @Test
    void a_plugin_without_a_descriptor_is_refused_with_what_to_do() throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        assertThatThrownBy(() -> PluginHarness.builder().classes(classes).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Plugin-Id").hasMessageContaining("plugin.properties");
        assertThatThrownBy(() -> PluginHarness.builder().classes(dir.resolve("missing")).pluginId("x").pluginVersion("1")
                .start()).hasMessageContaining("does not exist");
    }

    @Test
    void a_plugin_that_fails_to_start_fails_the_harness_with_the_hosts_reason_unless_expected() throws IOException {
        Path classes = FixturePlugin.compile(dir, true);
        Files.writeString(classes.resolve("plugin.properties"),
                "plugin.id=parcels\nplugin.version=1.0.0\nplugin.class=fixture.ParcelPlugin\n");
        assertThatThrownBy(() -> PluginHarness.builder().classes(classes).start())
                .isInstanceOf(AssertionError.class).hasMessageContaining("scale not found");

        try (PluginHarness harness = PluginHarness.builder().classes(classes).requireStarted(false).start()) {
            assertThat(harness.plugin().state()).isEqualTo("failed");
            assertThat(harness.plugin().reason()).contains("scale not found");
        }
    }

    @Test
    void close_stops_the_host_and_deletes_its_folders() throws IOException {
        PluginHarness harness = PluginHarness.builder()
                .classes(plugin("plugin.id=parcels\nplugin.version=1.0.0\n")).start();
        Path jar = harness.pluginJar();
        String base = harness.host().baseUrl();
        harness.close();
        assertThat(jar).doesNotExist();
        assertThat(jar.getParent().getParent()).doesNotExist();
        assertThatThrownBy(() -> new java.net.Socket().connect(
                new java.net.InetSocketAddress("127.0.0.1", java.net.URI.create(base).getPort()), 1000))
                .isInstanceOf(IOException.class);
    }
}
