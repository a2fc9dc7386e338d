package io.plugboard.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.RawHttp;
import io.plugboard.host.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every error answer carries the security headers, including those Jetty makes before a request
 * reaches the host's routes, and those under {@code /api}, {@code /hooks} and {@code /inspect},
 * whose callers are programs, are JSON.
 */
class TestErrorAnswers {

    private static void assertSecurityHeaders(RawHttp.Response r) {
        assertThat(r.header("Content-Security-Policy")).as(r.body()).contains("default-src 'self'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void oversizedHeadersGetA431WithTheSecurityHeadersInJsonWhereProgramsCall() {
        try (TestHost host = TestHost.start()) {
            RawHttp raw = new RawHttp(host.host().baseUrl());
            String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
            for (String path : List.of("/api/v1/webhooks", "/hooks/in/ibh_x/key", "/inspect/insp_x", "/metrics")) {
                RawHttp.Response r = raw.get(path, raw.ownHost(), big);
                assertThat(r.status()).as(path).isEqualTo(431);
                assertSecurityHeaders(r);
                assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
                assertThat(r.json().get("error").asText()).contains("headers are larger than the server accepts");
            }
            RawHttp.Response page = raw.get("/admin/login", raw.ownHost(), big);
            assertThat(page.status()).isEqualTo(431);
            assertSecurityHeaders(page);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            RawHttp.Response malformed = raw.get("/api/v1/%zz", raw.ownHost(), "");
            assertThat(malformed.status()).isEqualTo(400);
            assertSecurityHeaders(malformed);
        }
    }

    @Test
    void anEmbedderCanRaiseTheHeaderLimitAsTheDocsSay() {
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.web(config -> config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(32 * 1024))))) {
            RawHttp raw = new RawHttp(host.host().baseUrl());
            assertThat(raw.get("/health", raw.ownHost(), "X-Big: " + "a".repeat(20_000) + "\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void theInspectorsTooLargeAnswerIsJson() {
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.maxRequestBytes(1024))) {
            String path = host.http().postJson("/api/v1/inspector", "{\"label\":\"big\"}").json().get("url").asText();
            RawHttp raw = new RawHttp(host.host().baseUrl());
            String body = "x".repeat(4096);
            RawHttp.Response r = raw.send("POST " + path + " HTTP/1.1\r\nHost: " + raw.ownHost()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n", body);
            assertThat(r.status()).isEqualTo(413);
            assertSecurityHeaders(r);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().has("error")).isTrue();
        }
    }
}
