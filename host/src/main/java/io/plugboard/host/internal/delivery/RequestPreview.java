package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.Envelope;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.filters.EventFilter;
import io.plugboard.host.internal.payloads.PayloadValidator;
import io.plugboard.host.internal.payloads.TemplateProblem;
import io.plugboard.host.internal.payloads.UsedSecrets;
import io.plugboard.host.internal.outbound.PayloadCheck;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookSecrets;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookStats;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The request a webhook's settings (saved or not) would send for an event type's sample or a given
 * payload, built by the same {@link RequestFactory} as real deliveries; secret values and the token
 * are masked, and whether the filter lets the event through is said. Nothing is sent or stored.
 */
public final class RequestPreview {

    /** @param filterMatches false when the webhook's filter would skip this event */
    public record Preview(String eventType, boolean filterMatches, ShownRequest request) {}

    static final String PLACEHOLDER_URL = "https://receiver.example/webhooks";
    static final String SIGNATURE_SHOWN = "v1,… (computed over this body with the signing secret when sent)";

    private final RequestFactory requests;
    private final EventService events;
    private final PayloadCheck check;
    private final Function<String, Set<String>> secretNames;
    private final ObjectMapper mapper;
    private final Envelope envelope;
    private final Clock clock;

    RequestPreview(RequestFactory requests, EventService events, PayloadCheck check, Function<String, Set<String>> secretNames,
                   ObjectMapper mapper, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.check = check;
        this.secretNames = secretNames;
        this.mapper = mapper;
        this.envelope = new Envelope(mapper);
        this.clock = clock;
    }

    /**
     * A preview for a webhook of the default application (the admin's).
     *
     * @param payload null for the event type's sample
     * @throws ValidationException when the settings are invalid or the payload breaks the type's schema
     */
    public Preview preview(String name, String url, String token, PayloadSettings settings, String eventType,
                           JsonNode payload) {
        return preview(DefaultApp.ID, name, url, token, settings, WebhookDestination.HTTP, eventType, payload);
    }

    /**
     * @param app the id of the application the webhook is for: its templates and headers may name its secrets only
     * @param destination where the webhook delivers: the preview shows its target and the message it would get
     * @param payload null for the event type's sample
     * @throws ValidationException when the settings are invalid or the payload breaks the type's schema
     */
    public Preview preview(String app, String name, String url, String token, PayloadSettings settings,
                           WebhookDestination destination, String eventType, JsonNode payload) {
        String type = eventType == null || eventType.isBlank() ? null : eventType.strip();
        JsonNode data = payload != null ? payload : events.requireType(type).sample();
        StoredEvent event = events.prepare("preview", type, data);
        Map<String, String> errors = new LinkedHashMap<>();
        String shownName = name == null || name.isBlank() ? "Preview" : name.strip();
        PayloadSettings p = check.check(settings, app, shownName, List.of(type), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        WebhookSettings draft = new WebhookSettings(shownName, destination.isHttp() ? target(url) : null, List.of(type),
                true, token == null || token.isBlank() ? null : token, p, destination);
        Webhook w = new Webhook("wh_preview", draft, WebhookSecrets.of("whsec_cHJldmlldw=="), WebhookStats.NONE, now, now, app);
        UsedSecrets masked = new UsedSecrets(PayloadValidator.masked(secretNames.apply(app)));
        WebhookRequest request;
        try {
            request = requests.build(w, event, now, masked);
        } catch (TemplateProblem e) {
            throw ValidationException.of("template", e.getMessage());
        }
        ShownRequest shown = ShownRequest.of(request, masked);
        Map<String, String> headers = new TreeMap<>(shown.headers());
        headers.put("webhook-signature", SIGNATURE_SHOWN);
        boolean matches = p.filter() == null || EventFilter.parse(p.filter()).matches(envelope.tree(event, data));
        return new Preview(type, matches, new ShownRequest(shown.method(), shown.url(), headers, shown.body()));
    }

    private static String target(String url) {
        if (url == null || url.isBlank()) {
            return PLACEHOLDER_URL;
        }
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() == null ? PLACEHOLDER_URL : uri.toString();
        } catch (java.net.URISyntaxException e) {
            return PLACEHOLDER_URL;
        }
    }
}
