package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signatures of jars that do not come from a repository: a {@code NAME.jar.sig} beside a jar in the
 * plugins folder, and the optional signature of an upload. Signed by a trusted key: "signed by NAME";
 * a signature that does not match: refused with the reason; none: installed, marked unsigned, unless
 * the host requires signed plugins.
 */
class TestPluginSignatures {

    private final PluginRepositoryFolder keys = new PluginRepositoryFolder(); // its trusted key file and key
    private TestHost host;
    private Http http;
    private PluginsApiClient api;

    private void start(UnaryOperator<PlugboardBuilder> more) {
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> more.apply(b.trustedPluginKeys(keys.trustedKeys)));
        http = host.http();
        api = new PluginsApiClient(http);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        keys.close();
    }

    /** Builds the jar elsewhere, writes its signature by {@code signer} (if any) into the folder, then moves the jar in. */
    private void putInFolder(String version, SigningKey signer, Path signedInstead) throws Exception {
        Path built = PluginRepositoryFolder.invoice(version).writeTo(TestHost.tempDir("built"));
        String name = "invoice-" + version + ".jar";
        if (signer != null) {
            Files.write(host.pluginsDir().resolve(name + ".sig"),
                    IndexFormat.write(signer.sign(signedInstead == null ? built : signedInstead)));
        }
        Files.move(built, host.pluginsDir().resolve(name));
    }

    @Test
    void aFolderJarWithItsSignatureIsSignedByTheTrustedKey() throws Exception {
        start(b -> b);
        putInFolder("1.0.0", keys.key, null);
        api.await("the signed jar runs", Await.LIMIT, a -> "active".equals(a.state("invoice")));
        JsonNode signature = api.plugin("invoice").get("signature");
        assertThat(signature.get("status").asText()).isEqualTo("signed");
        assertThat(signature.get("signed_by").asText()).isEqualTo(PluginRepositoryFolder.PUBLISHER);
        assertThat(http.get("/admin/plugins").body()).contains("signed by " + PluginRepositoryFolder.PUBLISHER);
    }

    @Test
    void aFolderJarWhoseSignatureDoesNotMatchIsRefusedWithTheReason() throws Exception {
        start(b -> b);
        Path other = PluginRepositoryFolder.invoice("1.0.0").resource("other.txt", "x").writeTo(TestHost.tempDir("o"));
        putInFolder("1.0.0", keys.key, other);
        api.await("the jar is listed as refused", Await.LIMIT, a -> api.byFile().containsKey("invoice-1.0.0.jar")
                && api.byFile().get("invoice-1.0.0.jar").get("reason").asText().contains("does not match the jar"));
        assertThat(api.byFile().get("invoice-1.0.0.jar").get("state").asText()).isIn("failed", "refused");
        assertThat(api.hasEventType("invoice_1_0_0")).isFalse();
    }

    @Test
    void aFolderJarSignedByAnUnknownKeyInstallsMarkedUnsigned() throws Exception {
        start(b -> b);
        putInFolder("1.0.0", SigningKey.generate(), null);
        api.await("the jar runs", Await.LIMIT, a -> "active".equals(a.state("invoice")));
        JsonNode signature = api.plugin("invoice").get("signature");
        assertThat(signature.get("status").asText()).isEqualTo("unknown_key");
        assertThat(signature.get("text").asText()).contains("not among the trusted plugin keys");
        assertThat(http.get("/admin/plugins").body()).contains("badge unsigned");
    }

    @Test
    void anUnsignedFolderJarIsRefusedWhenSignedPluginsAreRequired() throws Exception {
        start(b -> b.requireSignedPlugins(true));
        putInFolder("1.0.0", null, null);
        api.await("the jar is listed with why", Await.LIMIT, a -> api.byFile().containsKey("invoice-1.0.0.jar"));
        assertThat(api.byFile().get("invoice-1.0.0.jar").get("reason").asText())
                .contains("unsigned").contains("requires plugins signed by a trusted key");
        assertThat(api.plugin("invoice")).as("not installed").isNull();
        assertThat(api.hasEventType("invoice_1_0_0")).isFalse();
    }

    @Test
    void anUploadCarriesItsSignature() throws Exception {
        start(b -> b);
        Path jar = PluginRepositoryFolder.invoice("1.0.0").writeTo(TestHost.tempDir("built"));
        String signature = new String(IndexFormat.write(keys.key.sign(jar)), StandardCharsets.UTF_8);
        Http.Response r = http.postMultipart("/api/v1/plugins", "jar", "invoice-1.0.0.jar", Files.readAllBytes(jar),
                Map.of("signature", signature));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("signature").get("status").asText()).isEqualTo("signed");
        assertThat(host.pluginsDir().resolve("invoice-1.0.0.jar.sig")).exists();
    }

    @Test
    void anUploadWhoseSignatureDoesNotMatchIsRefused() throws Exception {
        start(b -> b);
        Path jar = PluginRepositoryFolder.invoice("1.0.0").writeTo(TestHost.tempDir("built"));
        Path other = PluginRepositoryFolder.invoice("1.0.0").resource("other.txt", "x").writeTo(TestHost.tempDir("o"));
        String signature = new String(IndexFormat.write(keys.key.sign(other)), StandardCharsets.UTF_8);
        Http.Response r = http.postMultipart("/api/v1/plugins", "jar", "invoice-1.0.0.jar", Files.readAllBytes(jar),
                Map.of("signature", signature));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").get("signature").asText()).contains("does not match the jar");
        assertThat(host.pluginsDir().toFile().list()).isEmpty();
        Http.Response garbage = http.postMultipart("/api/v1/plugins", "jar", "invoice-1.0.0.jar", Files.readAllBytes(jar),
                Map.of("signature", "not json"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("details").get("signature").asText()).contains("not a plugin signature");
    }
}
