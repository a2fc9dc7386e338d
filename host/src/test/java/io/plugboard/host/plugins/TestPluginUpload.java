package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploading jars through the API and the admin form: checked before anything is replaced; upgrades roll back. */
class TestPluginUpload {

    private TestHost host;
    private Http http;
    private PluginsApiClient api;

    @BeforeEach
    void start() {
        host = TestHost.start();
        http = host.http();
        api = new PluginsApiClient(http);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Http.Response upload(byte[] jar, Map<String, String> fields) {
        return upload("upload.jar", jar, fields);
    }

    private Http.Response upload(String fileName, byte[] jar, Map<String, String> fields) {
        return http.postMultipart("/api/v1/plugins", "jar", fileName, jar, fields);
    }

    private String[] folder() {
        String[] names = host.pluginsDir().toFile().list();
        java.util.Arrays.sort(names);
        return names;
    }

    @Test
    void aValidJarIsInstalledStartedAndWrittenToThePluginsFolderUnderItsOwnName() {
        Http.Response r = upload("fresh-plugin-1.0.0.jar", Plugins.good("fresh", "fresh_event").bytes(), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/v1/plugins/fresh");
        assertThat(r.json().get("state").asText()).isEqualTo("active");
        assertThat(r.json().get("file").asText()).isEqualTo("fresh-plugin-1.0.0.jar");
        assertThat(folder()).containsExactly("fresh-plugin-1.0.0.jar");
        assertThat(api.hasEventType("fresh_event")).isTrue();
    }

    @Test
    void aNameThatIsNoPlainJarNameOrIsTakenBecomesIdDashVersion() throws Exception {
        assertThat(upload("my plugin.jar", Plugins.good("spaced", "spaced_event").bytes(), Map.of())
                .json().get("file").asText()).isEqualTo("spaced-1.0.0.jar");
        assertThat(upload("C:\\Users\\me\\odd.jar", Plugins.good("odd", "odd_event").bytes(), Map.of())
                .json().get("file").asText()).as("only the base name counts").isEqualTo("odd.jar");
        Files.write(host.pluginsDir().resolve("notes.jar"), new byte[] {1});
        assertThat(upload("notes.jar", Plugins.good("noted", "noted_event").bytes(), Map.of())
                .json().get("file").asText()).as("never over another file").isEqualTo("noted-1.0.0.jar");
        assertThat(Files.readAllBytes(host.pluginsDir().resolve("notes.jar"))).containsExactly(1);
    }

    @Test
    void anUpgradeIsWrittenUnderItsOwnNameAndTheReplacedJarIsRemoved() {
        assertThat(upload("shop.jar", Plugins.good("shop", "shop_v1").bytes(), Map.of()).status()).isEqualTo(201);
        Http.Response sameName = upload("shop.jar", Plugins.good("shop", "shop_v2").manifest("Plugin-Version", "2.0.0")
                .bytes(), Map.of("upgrade", "true"));
        assertThat(sameName.status()).as(sameName.body()).isEqualTo(201);
        assertThat(sameName.json().get("file").asText()).as("not over the old jar's name").isEqualTo("shop-2.0.0.jar");
        assertThat(folder()).containsExactly("shop-2.0.0.jar");

        Http.Response own = upload("shop-plugin-3.0.0.jar", Plugins.good("shop", "shop_v3")
                .manifest("Plugin-Version", "3.0.0").bytes(), Map.of("upgrade", "true"));
        assertThat(own.json().get("file").asText()).isEqualTo("shop-plugin-3.0.0.jar");
        assertThat(folder()).containsExactly("shop-plugin-3.0.0.jar");
        assertThat(api.hasEventType("shop_v3")).isTrue();
        assertThat(api.byFile()).containsOnlyKeys("shop-plugin-3.0.0.jar");
    }

    @Test
    void aLowerVersionNeedsAllowDowngrade() {
        assertThat(upload("shop-2.0.0.jar", Plugins.good("shop", "shop_v2").manifest("Plugin-Version", "2.0.0").bytes(),
                Map.of()).status()).isEqualTo(201);
        byte[] v1 = Plugins.good("shop", "shop_v1").bytes();
        Http.Response refused = upload("shop-1.0.0.jar", v1, Map.of("upgrade", "true"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText())
                .isEqualTo("version 1.0.0 of plugin 'shop' is lower than the installed 2.0.0; to downgrade, upload "
                        + "again with allow_downgrade=true");
        assertThat(folder()).containsExactly("shop-2.0.0.jar");

        Http.Response done = upload("shop-1.0.0.jar", v1, Map.of("upgrade", "true", "allow_downgrade", "true"));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(folder()).containsExactly("shop-1.0.0.jar");
    }

    @Test
    void invalidUploadsAreRefusedWithAMessageAndChangeNothing() {
        assertThat(upload(new byte[] {1, 2, 3}, Map.of()).json().get("error").asText()).contains("not a valid jar file");
        Http.Response noId = upload(PluginJar.plugin("x").manifest("Plugin-Id", "").bytes(), Map.of());
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().get("error").asText()).contains("Plugin-Id");
        Http.Response badId = upload(PluginJar.plugin("evil").manifest("Plugin-Id", "../evil").bytes(), Map.of());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("error").asText()).contains("may contain only letters");
        Http.Response future = upload(Plugins.good("future", "future_event").manifest("Plugin-Requires", ">=99.0.0").bytes(),
                Map.of());
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("error").asText()).contains("requires Plugboard >=99.0.0, but this host is");
        Http.Response missing = http.postMultipart("/api/v1/plugins", "other", "x.jar", new byte[] {1}, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).contains("choose a plugin jar");
        Http.Response json = http.postJson("/api/v1/plugins", "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("error").asText()).contains("multipart/form-data");
        Http.Response badFlag = upload(Plugins.good("flag", "flag_event").bytes(), Map.of("upgrade", "maybe"));
        assertThat(badFlag.status()).isEqualTo(400);

        assertThat(api.plugins()).isEmpty();
        assertThat(host.pluginsDir().toFile().list()).isEmpty();
    }

    @Test
    void anInstalledIdIsRefusedUnlessItIsAnUpgradeWhichReplacesTheVersion() {
        assertThat(upload(Plugins.good("shop", "shop_v1").bytes(), Map.of()).status()).isEqualTo(201);
        byte[] v2 = Plugins.good("shop", "shop_v2").manifest("Plugin-Version", "2.0.0").bytes();

        Http.Response taken = upload(v2, Map.of());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).contains("'shop' 1.0.0 is already installed")
                .contains("version 2.0.0").contains("upgrade=true");
        assertThat(api.plugin("shop").get("version").asText()).isEqualTo("1.0.0");

        Http.Response upgraded = upload(v2, Map.of("upgrade", "true"));
        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(201);
        assertThat(upgraded.json().get("version").asText()).isEqualTo("2.0.0");
        assertThat(upgraded.json().get("state").asText()).isEqualTo("active");
        assertThat(api.hasEventType("shop_v2")).isTrue();
        assertThat(api.hasEventType("shop_v1")).isFalse();
    }

    @Test
    void anUpgradeThatDoesNotStartIsRolledBackToTheOldJar() throws Exception {
        assertThat(upload("crashy.jar", Plugins.good("crashy", "crashy_v1").bytes(), Map.of()).status()).isEqualTo(201);
        byte[] before = Files.readAllBytes(host.pluginsDir().resolve("crashy.jar"));

        Http.Response r = upload(Plugins.throwingStart("crashy").manifest("Plugin-Version", "2.0.0").bytes(),
                Map.of("upgrade", "true"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).contains("version 2.0.0 of plugin 'crashy' did not start")
                .contains("is on fire").contains("version 1.0.0 was restored");
        assertThat(api.plugin("crashy").get("version").asText()).isEqualTo("1.0.0");
        assertThat(api.state("crashy")).isEqualTo("active");
        assertThat(api.hasEventType("crashy_v1")).isTrue();
        assertThat(Files.readAllBytes(host.pluginsDir().resolve("crashy.jar"))).isEqualTo(before);
        assertThat(folder()).as("the new jar is not left behind").containsExactly("crashy.jar");
    }

    @Test
    void theAdminFormUploadsAndShowsRefusals() {
        Http.Response ok = http.postMultipart("/admin/plugins/upload", "jar", "a.jar",
                Plugins.good("formed", "formed_event").bytes(), Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        assertThat(api.state("formed")).isEqualTo("active");

        Http.Response again = http.postMultipart("/admin/plugins/upload", "jar", "a.jar",
                Plugins.good("formed", "formed_event").bytes(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already installed");

        Http.Response bad = http.postMultipart("/admin/plugins/upload", "jar", "a.jar", new byte[] {9}, Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("not a valid jar file");

        Http.Response forged = http.postMultipart("/admin/plugins/upload", "jar", "a.jar",
                Plugins.good("forged", "forged_event").bytes(), Map.of("_csrf", "nope"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.plugin("forged")).isNull();
    }

    @Test
    void aJarOverTheSizeLimitIsRefusedWith413() {
        host.close();
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b.maxPluginBytes(4096));
        http = host.http();
        api = new PluginsApiClient(http);
        // Random bytes do not compress: the jar is over 4 KB but under the early Content-Length check, and
        // small enough to be sent completely before the server answers.
        byte[] noise = new byte[4_000];
        new java.util.Random(7).nextBytes(noise);
        byte[] big = Plugins.good("big", "big_event").resource("noise.bin", new String(noise,
                java.nio.charset.StandardCharsets.ISO_8859_1)).bytes();
        assertThat(big.length).isGreaterThan(4096);
        Http.Response viaApi = upload(big, Map.of());
        assertThat(viaApi.status()).as(viaApi.body()).isEqualTo(413);
        assertThat(viaApi.json().get("error").asText()).contains("too large");
        Http.Response viaForm = http.postMultipart("/admin/plugins/upload", "jar", "big.jar", big, Map.of());
        assertThat(viaForm.status()).as(viaForm.body()).isEqualTo(413);
        assertThat(api.plugins()).isEmpty();
    }

    /**
     * A declared length far over the limit is refused from the headers alone: the answer comes while
     * the client has sent no byte of the body, so a huge upload is never read.
     */
    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        host.close();
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b.maxPluginBytes(4096));
        http = host.http();
        api = new PluginsApiClient(http);
        java.net.URI base = java.net.URI.create(host.host().baseUrl());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/plugins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + http.authorizationHeader()
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 104857600\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(2048), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("the plugin jar is too large: at most 4 KB");
        }
        assertThat(api.plugins()).isEmpty();
    }

    @Test
    void multipartWithBasicCredentialsIsRefused() {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (TestHost.ADMIN + ":" + TestHost.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // A browser replays remembered Basic credentials; a multipart form is something any site can post.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(host.host().baseUrl() + "/api/v1/plugins"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--x--\r\n")).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(415);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
