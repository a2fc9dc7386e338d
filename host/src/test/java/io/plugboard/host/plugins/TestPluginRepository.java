package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.PluginAutoUpdate;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.repository.PluginIndex;
import io.plugboard.repository.PluginListing;
import io.plugboard.repository.Release;
import io.plugboard.repository.JarDigest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Installing and updating plugins from a repository served by a real HTTP server, with real jars:
 * install, update (with release notes), rollback of a release that does not start, a download that
 * does not match its sha512, a bad signature, unsigned releases with and without require-signed, a
 * repository that is down, and the auto-update.
 */
class TestPluginRepository {

    private final PluginRepositoryFolder repo = new PluginRepositoryFolder();
    private TestHost host;
    private Http http;
    private PluginsApiClient api;

    private void start(UnaryOperator<PlugboardBuilder> more) {
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> more.apply(b.pluginRepository(repo.url()).trustedPluginKeys(repo.trustedKeys)));
        http = host.http();
        api = new PluginsApiClient(http);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        repo.close();
    }

    private Http.Response install(String id, String version) {
        return http.postJson("/api/v1/plugins/install", version == null ? Http.json(java.util.Map.of("id", id))
                : Http.json(java.util.Map.of("id", id, "version", version)));
    }

    private JsonNode offered(String id) {
        for (JsonNode p : http.get("/api/v1/plugin-repository").json().get("plugins")) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private List<String> history(String id) {
        return http.get("/api/v1/plugins/" + id + "/history").json().get("data").findValuesAsText("action");
    }

    @Test
    void installsTheChosenVersionOffersTheUpdateWithItsNotesAndUpdates() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.add(PluginRepositoryFolder.invoice("1.0.1"), "invoice", "1.0.1", "Fixes **rounding** of VAT.");
        repo.buildSigned();
        start(b -> b);

        JsonNode before = offered("invoice");
        assertThat(before.get("latest_version").asText()).isEqualTo("1.0.1");
        assertThat(before.get("installed_version").isNull()).isTrue();
        assertThat(before.get("provider").asText()).isEqualTo("Test Provider");

        Http.Response installed = install("invoice", "1.0.0");
        assertThat(installed.status()).as(installed.body()).isEqualTo(201);
        assertThat(installed.json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(installed.json().get("state").asText()).isEqualTo("active");
        JsonNode signature = installed.json().get("signature");
        assertThat(signature.get("status").asText()).isEqualTo("signed");
        assertThat(signature.get("signed_by").asText()).isEqualTo(PluginRepositoryFolder.PUBLISHER);
        assertThat(signature.get("key_id").asText()).isEqualTo(repo.key.keyId());
        assertThat(host.pluginsDir().resolve("invoice-1.0.0.jar.sig")).exists();

        // The listing was fetched before the install; the installed version is the host's own, at once.
        JsonNode after = offered("invoice");
        assertThat(after.get("installed_version").asText()).isEqualTo("1.0.0");
        assertThat(after.get("update_available").asBoolean()).isTrue();
        assertThat(after.get("latest").get("notes").asText()).isEqualTo("Fixes **rounding** of VAT.");

        Http.Response updated = http.postJson("/api/v1/plugins/invoice/update", "");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asText()).isEqualTo("1.0.1");
        assertThat(api.hasEventType("invoice_1_0_1")).isTrue();
        assertThat(api.hasEventType("invoice_1_0_0")).isFalse();
        assertThat(host.pluginsDir().toFile().list()).containsExactlyInAnyOrder("invoice-1.0.1.jar", "invoice-1.0.1.jar.sig");
        assertThat(history("invoice")).containsExactly("update", "install");

        Http.Response again = http.postJson("/api/v1/plugins/invoice/update", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("newest version this host can run");
    }

    @Test
    void unknownPluginsVersionsAndIncompatibleReleasesAreRefusedWithWhatToFix() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.add(PluginRepositoryFolder.invoice("9.0.0").manifest("Plugin-Requires", ">=99.0.0"), "invoice", "9.0.0", null);
        repo.buildSigned();
        start(b -> b);

        assertThat(offered("invoice").get("latest_version").asText()).as("9.0.0 needs another host").isEqualTo("1.0.0");
        Http.Response unknown = install("no-such-plugin", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("details").get("id").asText()).contains("no configured plugin repository offers");
        Http.Response noVersion = install("invoice", "3.0.0");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("details").get("version").asText()).contains("has no version 3.0.0");
        Http.Response incompatible = install("invoice", "9.0.0");
        assertThat(incompatible.status()).isEqualTo(400);
        assertThat(incompatible.json().get("details").get("version").asText()).contains("requires Plugboard >=99.0.0");
        Http.Response notInstalled = http.postJson("/api/v1/plugins/invoice/update", "{}");
        assertThat(notInstalled.status()).isEqualTo(404);
        assertThat(api.plugins()).isEmpty();
    }

    @Test
    void anUpdateThatDoesNotStartIsRolledBack() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.add(PluginRepositoryFolder.broken("1.1.0"), "invoice", "1.1.0", null);
        repo.buildSigned();
        start(b -> b);
        assertThat(install("invoice", "1.0.0").status()).isEqualTo(201);

        Http.Response update = http.postJson("/api/v1/plugins/invoice/update", "{\"version\": \"1.1.0\"}");
        assertThat(update.status()).isEqualTo(409);
        assertThat(update.body()).contains("did not start").contains("on fire").contains("1.0.0 was restored");
        JsonNode plugin = api.plugin("invoice");
        assertThat(plugin.get("version").asText()).isEqualTo("1.0.0");
        assertThat(plugin.get("state").asText()).isEqualTo("active");
        assertThat(history("invoice")).containsExactly("rollback", "install");
        assertThat(host.pluginsDir().toFile().list()).containsExactlyInAnyOrder("invoice-1.0.0.jar", "invoice-1.0.0.jar.sig");
    }

    @Test
    void aDownloadThatDoesNotMatchItsSha512IsRefused() throws Exception {
        Path jar = repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.buildSigned();
        // The file on the server changes after the index was built (a damaged or replaced download).
        Files.copy(PluginRepositoryFolder.invoice("1.0.0").resource("extra.txt", "changed").writeTo(TestHost.tempDir("x")),
                jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        start(b -> b);

        Http.Response r = install("invoice", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("does not match the sha512");
        assertThat(api.plugins()).isEmpty();
        assertThat(host.pluginsDir().toFile().list()).isEmpty();
        assertThat(history("invoice")).containsExactly("refused");
    }

    @Test
    void aBadSignatureIsAlwaysRefused() throws Exception {
        Path jar = repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.buildSigned();
        // Another jar, with its sha512 in the index, under the publisher's signature of the first: forged.
        Files.copy(PluginRepositoryFolder.invoice("1.0.0").resource("evil.txt", "x").writeTo(TestHost.tempDir("x")),
                jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String forgedSha = JarDigest.sha512Hex(jar);
        repo.rewriteIndex(index -> new PluginIndex(index.format(), index.generatedAt(), index.plugins().stream()
                .map(p -> new PluginListing(p.id(), p.name(), p.description(), p.provider(), p.homepage(),
                        p.releases().stream().map(r -> new Release(r.version(), r.date(), r.requires(), r.url(),
                                forgedSha, r.signature(), r.notes())).toList())).toList()));
        start(b -> b);

        Http.Response r = install("invoice", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get("signature").asText()).contains("does not match the jar");
        assertThat(api.plugins()).isEmpty();
        assertThat(host.pluginsDir().toFile().list()).isEmpty();
    }

    @Test
    void anUnsignedReleaseInstallsMarkedUnsigned() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.buildUnsigned();
        start(b -> b);

        Http.Response r = install("invoice", null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("signature").get("status").asText()).isEqualTo("unsigned");
        assertThat(http.get("/admin/plugins").body()).contains("badge unsigned");
    }

    @Test
    void anUnsignedReleaseIsRefusedWhenSignedPluginsAreRequired() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.buildUnsigned();
        start(b -> b.requireSignedPlugins(true));

        Http.Response r = install("invoice", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get("signature").asText())
                .contains("unsigned").contains("requires plugins signed by a trusted key");
        assertThat(api.plugins()).isEmpty();
    }

    @Test
    void aRepositoryThatIsDownIsNamedAndTheOthersStillWork() throws Exception {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.buildSigned();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort + "/repo/";
        start(b -> b.pluginRepository(down));

        JsonNode listing = http.get("/api/v1/plugin-repository").json();
        assertThat(listing.get("plugins").findValuesAsText("id")).containsExactly("invoice");
        assertThat(listing.get("errors")).hasSize(1);
        assertThat(listing.get("errors").get(0).get("repository").asText()).startsWith(down);
        assertThat(listing.get("errors").get(0).get("message").asText()).contains("cannot be reached");
        assertThat(install("invoice", null).status()).isEqualTo(201);
        assertThat(http.get("/admin/plugins/new").body()).contains("Some plugin repositories cannot be read")
                .contains("127.0.0.1:" + closedPort);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void theAutoUpdateInstallsPatchReleasesOnly() {
        repo.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repo.add(PluginRepositoryFolder.invoice("1.0.1"), "invoice", "1.0.1", null);
        repo.add(PluginRepositoryFolder.invoice("1.1.0"), "invoice", "1.1.0", null);
        repo.buildSigned();
        start(b -> b.pluginAutoUpdate(PluginAutoUpdate.OFF).pluginUpdateCheckInterval(Duration.ofSeconds(1)));
        assertThat(install("invoice", "1.0.0").status()).isEqualTo(201);
        assertThat(http.get("/api/v1/plugins/invoice/auto-update").json().get("policy").asText()).isEqualTo("off");

        Http.Response set = http.putJson("/api/v1/plugins/invoice/auto-update", "{\"policy\": \"patch\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("own").asBoolean()).isTrue();
        Await.until("the auto-update installs 1.0.1 and records it", Duration.ofSeconds(60),
                () -> history("invoice").contains("update"));
        JsonNode latest = http.get("/api/v1/plugins/invoice/history").json().get("data").get(0);
        assertThat(latest.get("action").asText()).isEqualTo("update");
        assertThat(latest.get("to_version").asText()).as("a patch release, not 1.1.0").isEqualTo("1.0.1");
        assertThat(latest.get("actor").asText()).isEqualTo("auto-update");
        assertThat(api.plugin("invoice").get("version").asText()).isEqualTo("1.0.1");
        assertThat(http.putJson("/api/v1/plugins/invoice/auto-update", "{\"policy\": \"major\"}").status()).isEqualTo(400);
    }
}
