package io.plugboard.plugins.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Receives GitHub webhooks (repository, organization or App): checks {@code X-Hub-Signature-256}, then
 * emits {@code github.<X-GitHub-Event>} with GitHub's payload plus {@code event} and {@code delivery}.
 * {@code X-GitHub-Delivery} is the external id, so a redelivery is not emitted twice. {@code ping} is
 * emitted as {@code github.ping} rather than answered as a handshake: a handshake emits nothing, and the
 * ping is worth keeping as proof that the hook works.
 */
@Extension
public class GitHubReceiver implements Receiver {

    static final String EVENT_HEADER = "X-GitHub-Event";
    static final String DELIVERY_HEADER = "X-GitHub-Delivery";

    private final ReceiverJson json = ReceiverJson.strictWithExactNumbers();

    @Override
    public String id() {
        return "github";
    }

    @Override
    public String name() {
        return "GitHub";
    }

    @Override
    public String description() {
        return "GitHub webhooks (content type application/json) signed with a secret: emits github.<event> "
                + "(github.push, github.pull_request, …) with the payload plus event and delivery.";
    }

    @Override
    public List<Setting> settings() {
        return GitHubSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        GitHubSettings.verify(settings);
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        String event = required(request, EVENT_HEADER);
        String delivery = required(request, DELIVERY_HEADER);
        GitHubSignature.check(request.header(GitHubSignature.HEADER).orElse(null),
                request.header("X-Hub-Signature").isPresent(), request.body(), request.setting(GitHubSettings.SECRET));
        if (delivery.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException(DELIVERY_HEADER + " is " + delivery.length()
                    + " characters long; at most " + ReceivedEvent.MAX_EXTERNAL_ID + " are accepted");
        }
        if (!GitHubSettings.EVENT_NAME.matcher(event).matches()) {
            throw new UnparseableRequestException(EVENT_HEADER + " '" + abbreviate(event)
                    + "' is not a GitHub event name (lower case letters, digits and _)");
        }
        String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            throw new UnparseableRequestException("the body is form-encoded: set Content type to application/json "
                    + "in GitHub's webhook settings");
        }
        String type = typeFor(event, request);
        if (type == null) {
            return ReceiveResult.events(List.of());
        }
        JsonNode payload = json.readBody(request.body());
        if (payload == null || !payload.isObject()) {
            throw new UnparseableRequestException("the body must be GitHub's payload, a JSON object");
        }
        ObjectNode data = ((ObjectNode) payload).put("event", event).put("delivery", delivery);
        return ReceiveResult.events(List.of(ReceivedEvent.of(type, json.write(data)).withExternalId(delivery)));
    }

    /** @return the event type to emit, or null for an event left out by the allow-list */
    private static String typeFor(String event, InboundRequest request) {
        if (event.equals(GitHubEvents.PING)) {
            return GitHubEvents.PREFIX + GitHubEvents.PING;
        }
        Set<String> allowed = GitHubSettings.allowList(request.setting(GitHubSettings.EVENTS));
        if (!allowed.isEmpty() && !allowed.contains(event)) {
            return null;
        }
        if (GitHubEvents.DECLARED.containsKey(event)) {
            return GitHubEvents.PREFIX + event;
        }
        if (GitHubSettings.UNKNOWN_REFUSED.equals(request.setting(GitHubSettings.UNKNOWN_EVENTS))) {
            throw new UnparseableRequestException("the GitHub event '" + event + "' has no event type here and the "
                    + "unknown_events setting is refuse: set it to other (emitted as " + GitHubEvents.OTHER
                    + "), or untick the event in GitHub's webhook settings (or leave it out of the events setting)");
        }
        return GitHubEvents.OTHER;
    }

    private static String required(InboundRequest request, String header) {
        String value = request.header(header).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new RejectedRequestException(header + " is missing: this does not look like a GitHub webhook request");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
