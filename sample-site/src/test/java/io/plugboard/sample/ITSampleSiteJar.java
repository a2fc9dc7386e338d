package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged fat jar in a child JVM, as the README's quick start does, from a directory other
 * than the repository root: it must find the sample plugins next to itself and serve the admin.
 */
class ITSampleSiteJar {

    private static final Pattern READY = Pattern.compile("open (http://\\S+)/ \\(demo shop\\)");

    @Test
    void theFatJarStartsServesAndStops() throws Exception {
        Path jar = Path.of(System.getProperty("plugboard.sample.jar"));
        assertThat(jar).exists();
        Path workDir = Files.createTempDirectory("sample-site-run");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--admin-user", "admin", "--admin-password", "jar test passphrase")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String base = awaitBaseUrl(process).get(60, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).startsWith("{\"status\":\"ok\",\"instance_id\":\"ins_").contains("\"queue_lag_ms\":");
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString("admin:jar test passphrase".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> types = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/event-types"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(types.body()).as("six sample types, three from the receiver plugins, the host's six operational ones")
                    .contains("\"total\":15");
            HttpResponse<String> receivers = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/receivers"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(receivers.body()).contains("\"total\":3").contains("\"id\":\"alertmanager\"")
                    .contains("\"id\":\"generic-json\"").contains("\"id\":\"standard-webhooks\"");
            HttpResponse<String> admin = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(workDir.resolve("plugboard-data").resolve("plugboard.db")).exists();
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the site stops on SIGTERM").isTrue();
        }
    }

    /** Reads the child's output until it prints its URL; keeps draining afterwards so it never blocks. */
    private static CompletableFuture<String> awaitBaseUrl(Process process) {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (Exception e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new AssertionError("the site exited without starting:\n" + seen));
        }, "sample-site-output");
        reader.setDaemon(true);
        reader.start();
        return url;
    }
}
