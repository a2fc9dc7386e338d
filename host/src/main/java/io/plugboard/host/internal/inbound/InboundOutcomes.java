package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.InboundOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to a request to an inbound webhook, and the record of a refused one (its message,
 * content type and the start of its body) in the webhook's recent errors and counters; each told to
 * {@code inbound_accepted} or {@code inbound_refused} when a callback listens.
 */
final class InboundOutcomes {

    private static final Logger log = LoggerFactory.getLogger(InboundOutcomes.class);
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_CONTENT_TYPE = 200;

    private final InboundRequestLog requests;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final HookRunner hooks;

    /** @param hooks null for none */
    InboundOutcomes(InboundRequestLog requests, ObjectMapper mapper, Ids ids, HookRunner hooks) {
        this.hooks = hooks;
        this.requests = requests;
        this.mapper = mapper;
        this.ids = ids;
    }

    /** 202 with the event ids, in the order the receiver returned the events. */
    InboundResponse accepted(InboundWebhook w, List<String> eventIds) {
        tell(CoreHooks.INBOUND_ACCEPTED, w, 202, null, eventIds);
        return json(202, Map.of("event_ids", eventIds));
    }

    /** Tells the hook, when a callback listens. */
    void tell(ActionHook<InboundOutcome> hook, InboundWebhook w, int status, String reason, List<String> eventIds) {
        if (hooks != null && hooks.has(hook)) {
            hooks.doAction(hook, new InboundOutcome(w.id(), w.receiverId(), status, reason, eventIds));
        }
    }

    /** An error answered without recording anything. */
    InboundResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** Records the refusal (a parse error also counts as one), then answers it. */
    InboundResponse refused(InboundWebhook w, Instant at, int status, String kind, String message, String contentType,
                            byte[] body, long bodyBytes, boolean parseError) {
        record(w, at, status, kind, message, contentType, body, bodyBytes, parseError);
        tell(CoreHooks.INBOUND_REFUSED, w, status, message, List.of());
        return error(status, message);
    }

    /** 503: the receiver cannot take the request now (plugin inactive, or a version the admin did not accept). */
    InboundResponse unavailable(InboundWebhook w, Instant at, String message, String contentType, byte[] body) {
        return refused(w, at, 503, "unavailable", message, contentType, body, body.length, false);
    }

    /** 500: the receiver or the store failed; the sender may retry. */
    InboundResponse failed(InboundWebhook w, Instant at, String message, String contentType, byte[] body) {
        return refused(w, at, 500, "failed", message, contentType, body, body.length, true);
    }

    /** Records a refused request; a failure to record is logged, never answered. */
    void record(InboundWebhook w, Instant at, int status, String kind, String message, String contentType,
                byte[] body, long bodyBytes, boolean parseError) {
        String kept = body == null ? null
                : new String(body, 0, Math.min(body.length, InboundRequestLog.BODY_KEPT), StandardCharsets.UTF_8);
        String type = contentType == null ? null : contentType.substring(0, Math.min(contentType.length(), MAX_CONTENT_TYPE));
        String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
        try {
            requests.recordError(w, new InboundError(ids.next("ine"), at, status, kind, text, type, kept, bodyBytes),
                    parseError);
        } catch (RuntimeException e) {
            log.warn("Could not record a refused request of inbound webhook {}: {}", w.id(), e.toString());
        }
    }

    private InboundResponse json(int status, Object body) {
        try {
            return new InboundResponse(status, InboundResponse.JSON, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
