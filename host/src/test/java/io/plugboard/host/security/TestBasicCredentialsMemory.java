package io.plugboard.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP Basic pairs verified a moment ago are remembered (so a script is not slowed by Argon2id on
 * every request), but a password change, a deletion or a lockout refuses them at once, and a wrong
 * password is never let through. The host is behind a (simulated) proxy, so each request names its
 * client address. The memory itself, on a moved clock: internal.auth.TestVerifiedCredentials.
 */
class TestBasicCredentialsMemory {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SECOND_PASSWORD = "second admin passphrase";
    private static final String HERE = "198.51.100.7";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.behindProxy(true)));

    private int basic(String user, String password, String address) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(host.host().baseUrl() + "/api/v1/webhooks"))
                        .header("X-Forwarded-For", address).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void addAdmin(String username, String password) {
        Http.Response added = host.http().postJson("/api/v1/admins", Http.json(Map.of("username", username, "password", password)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    /**
     * Gives {@code username} the password hash of {@code from} in the database, behind this host's back,
     * as another instance sharing the database would (its change cannot reach this host's memory).
     */
    private void copyPasswordHashBehindTheHostsBack(String from, String username) throws Exception {
        try (Connection c = host.connection(); PreparedStatement s = c.prepareStatement("UPDATE admin_users SET "
                + "password_hash = (SELECT password_hash FROM admin_users WHERE username = ?) WHERE username = ?")) {
            s.setString(1, from);
            s.setString(2, username);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void repeatedBasicRequestsSucceedAndAPairVerifiedAMomentAgoIsNotCheckedAgain() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        }
        addAdmin("second", SECOND_PASSWORD);
        copyPasswordHashBehindTheHostsBack("second", TestHost.ADMIN);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE))
                .as("remembered: not checked against the changed hash (the bound another instance's change has)")
                .isEqualTo(200);
        assertThat(basic(TestHost.ADMIN, SECOND_PASSWORD, HERE)).as("a new pair is checked in full").isEqualTo(200);
    }

    @Test
    void aPasswordChangedThroughTheApiRefusesTheOldOneAtOnce() throws Exception {
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        Http.Response changed = host.http().postJson("/api/v1/admins/admin/password", Http.json(Map.of(
                "current_password", TestHost.PASSWORD, "new_password", "a brand new passphrase")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(401);
        assertThat(basic(TestHost.ADMIN, "a brand new passphrase", HERE)).isEqualTo(200);
        assertThat(basic(TestHost.ADMIN, "a brand new passphrase", HERE)).isEqualTo(200);
    }

    @Test
    void aPasswordChangedOnTheAccountPageRefusesTheOldOneAtOnce() throws Exception {
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        Http.Response changed = host.http().postForm("/admin/account/password", List.of(
                Map.entry("current_password", TestHost.PASSWORD), Map.entry("new_password", "a brand new passphrase"),
                Map.entry("confirm", "a brand new passphrase")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(401);
        assertThat(basic(TestHost.ADMIN, "a brand new passphrase", HERE)).isEqualTo(200);
    }

    @Test
    void aDeletedAdminsRememberedPairIsRefusedAtOnce() throws Exception {
        addAdmin("second", SECOND_PASSWORD);
        addAdmin("third", SECOND_PASSWORD + " three");
        assertThat(basic("second", SECOND_PASSWORD, HERE)).isEqualTo(200);
        assertThat(basic("third", SECOND_PASSWORD + " three", HERE)).isEqualTo(200);

        assertThat(host.http().delete("/api/v1/admins/second").status()).isEqualTo(204);
        assertThat(basic("second", SECOND_PASSWORD, HERE)).as("deleted through the API").isEqualTo(401);
        assertThat(host.http().postForm("/admin/admins/third/delete", List.of()).status()).isEqualTo(302);
        assertThat(basic("third", SECOND_PASSWORD + " three", HERE)).as("deleted on the Admins page").isEqualTo(401);

        addAdmin("second", "the new second's passphrase");
        assertThat(basic("second", SECOND_PASSWORD, HERE)).as("nor does a namesake inherit it").isEqualTo(401);
        assertThat(basic("second", "the new second's passphrase", HERE)).isEqualTo(200);
    }

    @Test
    void aLockoutRefusesARememberedPairAndForgetsIt() throws Exception {
        String guesser = "203.0.113.5";
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, guesser)).isEqualTo(200);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        addAdmin("second", SECOND_PASSWORD);
        // From now on only the memory accepts the old password, so a refusal below shows it was forgotten.
        copyPasswordHashBehindTheHostsBack("second", TestHost.ADMIN);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).as("still remembered").isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertThat(basic(TestHost.ADMIN, "wrong guess " + i, guesser)).isEqualTo(401);
        }
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, guesser)).as("locked from that address").isEqualTo(429);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).as("the lockout forgot the remembered pair")
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsNeverAcceptedRightAfterTheRightOneAndCountsTowardsTheLockout() throws Exception {
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).isEqualTo(200);
        List<String> wrong = List.of(TestHost.PASSWORD + " ", TestHost.PASSWORD.substring(1), "",
                TestHost.PASSWORD.toUpperCase(), TestHost.PASSWORD + "x");
        for (String password : wrong) {
            assertThat(basic(TestHost.ADMIN, password, HERE)).as(password).isEqualTo(401);
        }
        assertThat(basic("second", TestHost.PASSWORD, "192.0.2.1")).as("another user with that password").isEqualTo(401);
        assertThat(basic(TestHost.ADMIN, TestHost.PASSWORD, HERE)).as("5 failures from here lock even the remembered pair")
                .isEqualTo(429);
    }
}
