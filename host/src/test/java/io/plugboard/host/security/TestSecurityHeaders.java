package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers on every response of the host's server, the embedding application's pages included. */
class TestSecurityHeaders {

    private static final String STRICT = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static Plugboard start(PlugboardBuilder builder) {
        return builder.pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data")).port(0)
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD)
                .web(config -> {
                    config.routes.get("/shop", ctx -> ctx.html("<h1>shop</h1>"));
                    config.routes.get("/embed", ctx -> ctx.header("Content-Security-Policy", "frame-ancestors *")
                            .html("embeddable"));
                })
                .build().start();
    }

    private static void assertProtected(Http.Response r, String policy) {
        assertThat(r.header("Content-Security-Policy")).as(r.body()).isEqualTo(policy);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void everyResponseCarriesThemByDefault() {
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()))) {
            Http http = new Http(host.baseUrl());
            for (String path : List.of("/shop", "/no-such-page", "/health", "/admin/login", "/admin/webhooks",
                    "/api/v1/webhooks", "/metrics", "/plugboard/static/admin.css", "/api/v1/openapi.json")) {
                Http.Response r = http.get(path);
                assertProtected(r, STRICT);
            }
            assertThat(http.get("/embed").header("Content-Security-Policy"))
                    .as("a route may set its own policy").isEqualTo("frame-ancestors *");
        }
    }

    @Test
    void anEmbedderCanGiveItsPagesItsOwnPolicyOrNoneWhileTheHostsPagesKeepTheirs() {
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).contentSecurityPolicy("default-src 'self'; img-src *"))) {
            Http http = new Http(host.baseUrl());
            assertProtected(http.get("/shop"), "default-src 'self'; img-src *");
            assertProtected(http.get("/admin/login"), STRICT);
            assertProtected(http.get("/api/v1/webhooks"), STRICT);
        }
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).securityHeaders(false))) {
            Http http = new Http(host.baseUrl());
            Http.Response shop = http.get("/shop");
            assertThat(shop.header("Content-Security-Policy")).isNull();
            assertThat(shop.header("X-Frame-Options")).isNull();
            assertProtected(http.get("/admin/login"), STRICT);
            assertProtected(http.get("/plugboard/static/admin.css"), STRICT);
        }
    }

    @Test
    void aPolicyThatCouldSplitTheHeaderIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).contentSecurityPolicy("default-src 'self'\r\nSet-Cookie: x=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).contentSecurityPolicy(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
