package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.RawHttp;
import io.plugboard.host.testing.TestHost;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a page on attacker.example whose name now points at 127.0.0.1 reaches the host from
 * the victim's browser, which sends {@code Host: attacker.example}. Such requests to {@code /admin}
 * and {@code /api} get 421, so the attacker cannot create the first admin through the setup form.
 */
class TestAllowedHosts {

    private static Plugboard start(UnaryOperator<PlugboardBuilder> customize) {
        return customize.apply(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d"))
                .port(0)).build().start();
    }

    private static final String SETUP_BODY = "_csrf=t&username=intruder&password=another+passphrase&confirm=another+passphrase";

    private static String setupPost(String hostHeader) {
        return "POST /admin/setup HTTP/1.1\r\nHost: " + hostHeader + "\r\nCookie: plugboard_login_csrf=t\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + SETUP_BODY.length() + "\r\n";
    }

    @Test
    void withNoAdminYetARebindingPageCannotReachTheSetupForm() {
        try (Plugboard fresh = start(b -> b)) {
            RawHttp raw = new RawHttp(fresh.baseUrl());
            RawHttp.Response refused = raw.get("/admin/setup", "attacker.example", "");
            assertThat(refused.status()).isEqualTo(421);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(refused.body()).contains("does not answer to the host name &#x27;attacker.example&#x27;")
                    .contains("allowed-hosts").doesNotContain("Create the first admin");
            assertThat(raw.get("/admin/setup/", "attacker.example:" + fresh.port(), "").status()).isEqualTo(421);
            assertThat(raw.send(setupPost("attacker.example"), SETUP_BODY).status()).isEqualTo(421);

            for (String own : new String[] {raw.ownHost(), "localhost:" + fresh.port(), "[::1]:" + fresh.port(), "127.0.0.1"}) {
                RawHttp.Response form = raw.get("/admin/setup", own, "");
                assertThat(form.status()).as(own).isEqualTo(200);
                assertThat(form.body()).contains("Create the first admin");
            }
        }
    }

    @Test
    void onLoopbackEveryAdminAndApiRequestIsChecked() {
        try (Plugboard host = start(b -> b.adminUser(TestHost.ADMIN, TestHost.PASSWORD))) {
            RawHttp raw = new RawHttp(host.baseUrl());
            String auth = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD).authorizationHeader();
            RawHttp.Response api = raw.get("/api/v1/webhooks", "attacker.example", "Authorization: " + auth + "\r\n");
            assertThat(api.status()).isEqualTo(421);
            assertThat(api.json().get("error").asText()).contains("'attacker.example'");
            assertThat(api.header("Content-Security-Policy")).isNotNull();
            assertThat(raw.get("/admin/login", "attacker.example", "").status()).isEqualTo(421);
            assertThat(raw.get("/portal", "attacker.example", "").status()).as("the portal too").isEqualTo(421);
            assertThat(raw.get("/api/v1/webhooks", raw.ownHost(), "Authorization: " + auth + "\r\n").status()).isEqualTo(200);
            assertThat(raw.get("/admin/login", "bad host!", "").status()).as("not even a name").isIn(400, 421);
            assertThat(raw.get("/health", "attacker.example", "").status()).as("only /admin and /api").isEqualTo(200);
            assertThat(raw.get("/api/v1/webhooks", raw.ownHost(), "Authorization: " + auth
                    + "\r\nX-Forwarded-Host: attacker.example\r\n").status())
                    .as("X-Forwarded-Host means nothing without a trusted proxy").isEqualTo(200);
        }
    }

    @Test
    void theConfiguredNamesAndThePublicUrlAreAllowedWithTheirPorts() {
        try (Plugboard host = start(b -> b.allowedHost("admin.example.com").allowedHost("ops.example.com:8443")
                .publicUrl("https://hooks.example.com"))) {
            RawHttp raw = new RawHttp(host.baseUrl());
            assertThat(raw.get("/admin/setup", "admin.example.com:9000", "").status()).as("any port").isEqualTo(200);
            assertThat(raw.get("/admin/setup", "ADMIN.example.com.", "").status()).isEqualTo(200);
            assertThat(raw.get("/admin/setup", "ops.example.com:8443", "").status()).isEqualTo(200);
            assertThat(raw.get("/admin/setup", "ops.example.com:9000", "").status()).as("that port only").isEqualTo(421);
            assertThat(raw.get("/admin/setup", "hooks.example.com", "").status()).isEqualTo(200);
            assertThat(raw.get("/admin/setup", "evil.example.com", "").status()).isEqualTo(421);
            assertThat(raw.get("/admin/setup", raw.ownHost(), "").status()).as("loopback stays allowed").isEqualTo(200);
        }
    }

    @Test
    void behindAProxyEveryForwardedHostIsCheckedToo() {
        try (Plugboard host = start(b -> b.behindProxy(true).publicUrl("https://hooks.example.com"))) {
            RawHttp raw = new RawHttp(host.baseUrl());
            assertThat(raw.get("/admin/setup", raw.ownHost(), "X-Forwarded-Host: hooks.example.com\r\n").status())
                    .as("a proxy that passes its upstream name and the original one").isEqualTo(200);
            assertThat(raw.get("/admin/setup", "hooks.example.com", "").status()).as("a proxy that passes Host on")
                    .isEqualTo(200);
            assertThat(raw.get("/admin/setup", raw.ownHost(), "X-Forwarded-Host: attacker.example\r\n").status())
                    .isEqualTo(421);
            assertThat(raw.get("/admin/setup", raw.ownHost(), "X-Forwarded-Host: hooks.example.com, attacker.example\r\n")
                    .status()).isEqualTo(421);
        }
    }

    @Test
    void namesThatAreNotHostsAreRefusedAtBuildTime() {
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowedHost("admin.example.com/path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a host name or address");
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowedHost("example.com:99999"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).publicUrl("ftp://example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).publicUrl("hooks.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowedHost("[fd00::5]:8080").allowedHost("fd00::6").allowedHost("10.0.0.5");
    }
}
