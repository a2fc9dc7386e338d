package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRegistry;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookSecrets;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookStats;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.plugboard.host.internal.payloads.PayloadTemplates;
import io.plugboard.host.internal.payloads.Payloads;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.sdk.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestFactory} on its own, wired as {@code DeliveryEngine} wires it (real envelope, payloads,
 * templates and an empty hook registry): the body and the Standard Webhooks headers of one attempt.
 */
class TestRequestFactory {

    private static final String SECRET = secret(1);
    private static final String OLD_SECRET = secret(2);
    private static final StoredEvent EVENT = new StoredEvent("evt_01", "order_placed",
            "{\"order_id\":\"ord_7\",\"note\":\"a \\\"quoted\\\" caf\u00e9\",\"total\":9.5}", "app",
            Instant.parse("2024-05-01T10:00:00Z"));
    /** Five and three quarter seconds after the event: the timestamp header is the send time, in whole seconds. */
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:05.750Z");

    private final ObjectMapper mapper = Json.newMapper();
    private final PayloadFormats formats = PayloadFormats.builtIn(mapper,
            new PayloadTemplates(mapper, TemplateBudget.defaults()), "Test site");
    private final RequestFactory factory = new RequestFactory(
            new Payloads(formats, (app, name) -> name.equals("API_KEY") ? Optional.of("k3y-value") : Optional.empty()),
            new OutgoingFilter(new HookRunner(new HookRegistry(), Duration.ofSeconds(1))),
            new SendingFilter(new HookRunner(new HookRegistry(), Duration.ofSeconds(1))), "9.9.9",
            new OutboundCatalog(new Destinations(), formats));

    @Test
    void theStandardBodyIsTheEnvelopeAroundTheStoredDataSignedOverTheExactBytes() {
        WebhookRequest request = factory.build(webhook(WebhookSecrets.of(SECRET), null, Map.of()), EVENT, NOW);

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"evt_01\",\"type\":\"order_placed\",\"timestamp\":\"2024-05-01T10:00:00Z\",\"data\":"
                        + EVENT.data() + "}");
        assertThat(request.url()).hasToString("https://example.com/hook");
        Map<String, String> h = request.headers();
        assertThat(h).containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "Plugboard/9.9.9")
                .containsEntry("webhook-id", "evt_01")
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .doesNotContainKey("Authorization");
        assertThat(h.get("webhook-timestamp")).isEqualTo("1714557605");
        assertThat(h.get("webhook-signature").split(" ")).hasSize(1);
        assertThat(verifies(SECRET, request, request.body())).isTrue();
        assertThat(verifies(OLD_SECRET, request, request.body())).as("another secret").isFalse();
        byte[] changed = new String(request.body(), StandardCharsets.UTF_8).replace("9.5", "9.6")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifies(SECRET, request, changed)).as("the signature covers the body").isFalse();
    }

    @Test
    void duringARotationBothSecretsSignAndAfterItOnlyTheCurrentOne() {
        WebhookSecrets rotating = new WebhookSecrets(SECRET, OLD_SECRET, NOW.plus(Duration.ofHours(1)));
        WebhookRequest during = factory.build(webhook(rotating, null, Map.of()), EVENT, NOW);
        assertThat(during.headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(SECRET, during, during.body())).isTrue();
        assertThat(verifies(OLD_SECRET, during, during.body())).isTrue();

        Instant later = NOW.plus(Duration.ofHours(2));
        WebhookRequest after = factory.build(webhook(rotating, null, Map.of()), EVENT, later);
        assertThat(after.headers().get("webhook-signature").split(" ")).hasSize(1);
        assertThat(after.headers()).containsEntry("webhook-timestamp", Long.toString(later.getEpochSecond()));
        assertThat(verifies(SECRET, after, after.body())).isTrue();
        assertThat(verifies(OLD_SECRET, after, after.body())).as("the overlap is over").isFalse();
    }

    @Test
    void aTokenIsSentAsABearerHeaderAndMaskedWhereShown() {
        WebhookRequest request = factory.build(webhook(WebhookSecrets.of(SECRET), "s3cret-token", Map.of()), EVENT, NOW);
        assertThat(request.headers()).containsEntry("Authorization", "Bearer s3cret-token");
        assertThat(request.shownHeaders()).containsEntry("Authorization", "Bearer ****");
        assertThat(request.shownHeaders().toString()).doesNotContain("s3cret-token");
        assertThat(verifies(SECRET, request, request.body())).isTrue();
    }

    @Test
    void customHeadersAreSentWithSecretsFilledInAndMaskedWhereShown() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("X-Tenant", "acme");
        custom.put("X-Api-Key", "key {{secret \"API_KEY\"}}");
        WebhookRequest request = factory.build(webhook(WebhookSecrets.of(SECRET), null, custom), EVENT, NOW);

        assertThat(request.headers()).containsEntry("X-Tenant", "acme")
                .containsEntry("X-Api-Key", "key k3y-value")
                .containsEntry("webhook-id", "evt_01");
        assertThat(request.shownHeaders()).containsEntry("X-Tenant", "acme");
        assertThat(request.shownHeaders().get("X-Api-Key")).doesNotContain("k3y-value");
        // Custom headers do not change the standard body, nor what the signature covers.
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).endsWith(",\"data\":" + EVENT.data() + "}");
        assertThat(verifies(SECRET, request, request.body())).isTrue();
    }

    private static boolean verifies(String secret, WebhookRequest request, byte[] body) {
        Map<String, String> h = request.headers();
        return WebhookVerifier.forSecret(secret).matches(h.get("webhook-id"), h.get("webhook-timestamp"),
                h.get("webhook-signature"), body);
    }

    private static Webhook webhook(WebhookSecrets secrets, String token, Map<String, String> headers) {
        WebhookSettings settings = new WebhookSettings("Orders", "https://example.com/hook", List.of("order_placed"),
                true, token, new PayloadSettings(PayloadSettings.DEFAULT_FORMAT, null, headers, null));
        return new Webhook("wh_01", settings, secrets, WebhookStats.NONE, EVENT.createdAt(), EVENT.createdAt());
    }

    /** A {@code whsec_} secret of 32 bytes, all {@code fill}. */
    private static String secret(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
