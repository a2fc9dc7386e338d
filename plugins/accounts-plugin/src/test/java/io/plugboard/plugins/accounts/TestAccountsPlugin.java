package io.plugboard.plugins.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.InvalidEventException;
import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.PluginTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts plugin in a real host, through the testkit. */
@PluginTest
class TestAccountsPlugin {

    @Test
    void registers_its_event_types_and_delivers_an_account_created_event(PluginHarness harness) {
        assertThat(harness.plugin().eventTypes())
                .containsExactlyInAnyOrder("account_created", "account_updated", "account_deleted");

        String eventId = harness.emit("account_created", Map.of("account_id", "acc_42", "name", "Grace Hopper",
                "email", "grace@example.com", "created_at", "2026-11-22T08:00:00Z"));

        CapturedRequest request = harness.awaitDelivery(eventId).assertSignedWith(harness.signingSecret());
        assertThat(request.data().string("email")).isEqualTo("grace@example.com");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(harness.api().get("/api/v1/plugins/accounts/stats").expect(200).json().path("signups_total").asLong())
                .isEqualTo(1);
    }

    @Test
    void an_account_without_an_email_is_refused(PluginHarness harness) {
        assertThatThrownBy(() -> harness.emit("account_created", Map.of("account_id", "acc_42", "name", "Grace",
                "created_at", "2026-11-22T08:00:00Z")))
                .isInstanceOf(InvalidEventException.class);
    }
}
