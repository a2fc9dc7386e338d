package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lockout that cannot be turned against the real admin: a host behind a (simulated) proxy, so each
 * request can come from its own client address.
 */
class TestLoginLockout {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Plugboard host;

    @BeforeEach
    void start() {
        host = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d")).port(0)
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD).behindProxy(true).build().start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private HttpResponse<String> login(String user, String password, String address) throws Exception {
        HttpResponse<String> form = CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/admin/login"))
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        String set = form.headers().allValues("Set-Cookie").get(0);
        String pre = set.substring("plugboard_login_csrf=".length(), set.indexOf(';'));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/admin/login"))
                .header("X-Forwarded-For", address).header("Cookie", "plugboard_login_csrf=" + pre)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pre + "&username=" + user + "&password="
                        + password.replace(' ', '+'))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(String user, String password, String address) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "/api/v1/webhooks"))
                .header("X-Forwarded-For", address).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGuesserLocksOnlyItsOwnAddressOutOfTheAccount() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("admin", "wrong guess " + i, "203.0.113.5").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login("admin", TestHost.PASSWORD, "203.0.113.5");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins").contains("minute(s)");
        assertThat(basic("admin", TestHost.PASSWORD, "203.0.113.5").statusCode()).as("the API too").isEqualTo(429);
        assertThat(login("admin", TestHost.PASSWORD, "198.51.100.7").statusCode())
                .as("the real admin, elsewhere, still gets in").isEqualTo(302);
    }

    @Test
    void anAddressTryingManyAccountsIsLockedForAllOfThem() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(basic("user" + (i % 5), "wrong guess", "203.0.113.9").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = basic("admin", TestHost.PASSWORD, "203.0.113.9");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("too many failed logins");
        assertThat(basic("admin", TestHost.PASSWORD, "198.51.100.7").statusCode()).isEqualTo(200);
    }

    @Test
    void guessesFromManyAddressesOnlySlowTheAccountDown() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(basic("admin", "wrong guess", "203.0.113." + (10 + i)).statusCode()).isEqualTo(401);
        }
        // From the 10th failure on, the next attempt must wait 1 s after the latest failure (a single
        // request right away; the unit test TestLoginThrottle covers the growing steps).
        HttpResponse<String> slowed = basic("admin", TestHost.PASSWORD, "198.51.100.7");
        assertThat(slowed.statusCode()).as(slowed.body()).isEqualTo(429);
        assertThat(slowed.body()).contains("second(s)");
        // Waited out on purpose: the slow-down is a time after the latest failure, and polling with more
        // logins in the meantime would be what is being measured.
        Thread.sleep(1_100);
        assertThat(login("admin", TestHost.PASSWORD, "198.51.100.7").statusCode())
                .as("not locked: after the short wait the admin gets in").isEqualTo(302);
    }

    @Test
    void loginsFailuresAndLockoutsAreLoggedWithNameAndAddressButNoPassword() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 5; i++) {
                login("admin", "secret-guess-" + i, "203.0.113.77");
            }
            login("admin", TestHost.PASSWORD, "198.51.100.8");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("Failed login for 'admin' from 203.0.113.77 (login form)")
                .contains("Login lockout: 'admin' from 203.0.113.77 is locked for 15 minutes")
                .contains("Admin 'admin' logged in from 198.51.100.8")
                .doesNotContain("secret-guess").doesNotContain(TestHost.PASSWORD);
    }
}
