package io.plugboard.host.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook model's parts: which secrets sign when, and that logging a webhook leaks no credential. */
class TestWebhookModel {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void thePreviousSecretSignsOnlyUntilItExpires() {
        WebhookSecrets rotated = new WebhookSecrets("whsec_new", "whsec_old", NOW.plusSeconds(60));

        assertThat(rotated.signingAt(NOW)).containsExactly("whsec_new", "whsec_old");
        assertThat(rotated.signingAt(NOW.plusSeconds(60))).containsExactly("whsec_new");
        assertThat(WebhookSecrets.of("whsec_only").signingAt(NOW)).containsExactly("whsec_only");
    }

    @Test
    void itsTextShowsNeitherSecretsNorTheToken() {
        Webhook w = new Webhook("wh_1", new WebhookSettings("Orders", "https://example.com/hook", List.of("order.paid"),
                true, "tok-SECRET"), new WebhookSecrets("whsec_CURRENT", "whsec_PREVIOUS", NOW), WebhookStats.NONE,
                NOW, NOW);

        assertThat(w.toString()).contains("Orders", "hasToken=true")
                .doesNotContain("tok-SECRET", "whsec_CURRENT", "whsec_PREVIOUS");
    }
}
