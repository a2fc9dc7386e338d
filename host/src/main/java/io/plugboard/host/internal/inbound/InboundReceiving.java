package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/in/{id}/{access_key}}: checks the key (in constant time), the state and the size,
 * hands the request to the receiver, emits what it returns, and counts and records the outcome. An
 * unknown id and a wrong key get the same 404. Emitting only writes the events and their pending
 * deliveries; nothing here waits for an outgoing webhook.
 */
public final class InboundReceiving {

    private static final Logger log = LoggerFactory.getLogger(InboundReceiving.class);
    static final String NOT_FOUND = "no inbound webhook at this URL";

    private final InboundStore store;
    private final InboundRequestLog requests;
    private final ReceiverRegistry receivers;
    private final InboundOutcomes outcomes;
    private final InboundEmitter emitter;
    private final Clock clock;
    private final long maxBodyBytes;

    /** @param requests where accepted and refused requests are counted, and refused ones kept */
    public InboundReceiving(InboundStore store, InboundRequestLog requests, ReceiverRegistry receivers, EventService events,
                            Jdbi jdbi, ObjectMapper mapper, Ids ids, Clock clock, long maxBodyBytes) {
        this(store, requests, receivers, events, jdbi, mapper, ids, clock, maxBodyBytes, null);
    }

    /** @param hooks fires {@code inbound_accepted} and {@code inbound_refused}; null for none */
    public InboundReceiving(InboundStore store, InboundRequestLog requests, ReceiverRegistry receivers, EventService events,
                            Jdbi jdbi, ObjectMapper mapper, Ids ids, Clock clock, long maxBodyBytes, HookRunner hooks) {
        this.store = store;
        this.requests = requests;
        this.receivers = receivers;
        this.outcomes = new InboundOutcomes(requests, mapper, ids, hooks);
        this.emitter = new InboundEmitter(events, new Receipts(jdbi), requests, mapper);
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads the request body, refusing one over the host's request size limit. */
    @FunctionalInterface
    public interface Body {
        /** @throws TooLarge if the body is over the limit */
        byte[] read() throws IOException;
    }

    /** The body is larger than the host accepts. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLarge() {
            super("body too large");
        }
    }

    /** @param contentLength the declared length, or -1 */
    public InboundResponse receive(String id, String key, Map<String, List<String>> headers, String contentType,
                                   long contentLength, Body body) {
        Instant at = clock.instant();
        Optional<InboundWebhook> found = store.find(id);
        // Hash the key even for an unknown id, so both refusals take the same time.
        boolean keyMatches = AccessKeys.matches(key, found.map(InboundWebhook::keyHash).orElse(""));
        if (found.isEmpty()) {
            return outcomes.error(404, NOT_FOUND);
        }
        InboundWebhook w = found.get();
        if (!keyMatches) {
            outcomes.record(w, at, 404, "rejected", "the access key is wrong (rotated, or mistyped)", contentType, null,
                    Math.max(contentLength, 0), false);
            return outcomes.error(404, NOT_FOUND);
        }
        if (!w.enabled()) {
            outcomes.tell(CoreHooks.INBOUND_REFUSED, w, 403, "this inbound webhook is disabled", List.of());
            return outcomes.error(403, "this inbound webhook is disabled");
        }
        byte[] bytes;
        try {
            bytes = body.read();
        } catch (TooLarge e) {
            bytes = null;
        } catch (IOException e) {
            return outcomes.error(400, "the request body could not be read");
        }
        if (bytes == null || bytes.length > maxBodyBytes) {
            String message = "the body is larger than " + maxBodyBytes + " bytes";
            return outcomes.refused(w, at, 413, "rejected", message, contentType, null,
                    bytes == null ? contentLength : bytes.length, false);
        }
        Optional<AvailableReceiver> receiver = receivers.find(w.receiverId());
        if (receiver.isEmpty()) {
            return outcomes.unavailable(w, at, "the receiver '" + w.receiverId() + "' is not available: its plugin '"
                    + w.pluginId() + "' is not active", contentType, bytes);
        }
        if (!receiver.get().pluginVersion().equals(w.pluginVersion())) {
            return outcomes.unavailable(w, at, "the receiver plugin is now version " + receiver.get().pluginVersion()
                    + "; this inbound webhook stays on " + w.pluginVersion() + " until an admin upgrades it", contentType, bytes);
        }
        return parse(w, receiver.get(), at, headers, contentType, bytes);
    }

    private InboundResponse parse(InboundWebhook w, AvailableReceiver receiver, Instant at,
                                  Map<String, List<String>> headers, String contentType, byte[] bytes) {
        InboundRequest.Builder request = InboundRequest.builder().inboundWebhookId(w.id()).body(bytes).receivedAt(at)
                .settings(ReceiverSettings.withDefaults(receiver, w.settings()));
        headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        ReceiveResult result;
        try {
            result = receiver.receiver().parse(request.build());
        } catch (RejectedRequestException e) {
            return outcomes.refused(w, at, 401, "rejected", message(e, "the request was rejected"), contentType, bytes,
                    bytes.length, false);
        } catch (UnparseableRequestException e) {
            return outcomes.refused(w, at, 400, "parse_error", message(e, "the body could not be read as this receiver's format"),
                    contentType, bytes, bytes.length, true);
        } catch (RuntimeException | LinkageError e) {
            // The sender cannot fix the receiver's bug, and the exception's class and message are
            // internals: they go to the log, the answer only says where it failed.
            log.warn("The receiver '{}' failed on a request to inbound webhook {}", receiver.id(), w.id(), e);
            return outcomes.failed(w, at, "the receiver '" + receiver.id() + "' failed on this request; "
                    + "the server log has the details", contentType, bytes);
        }
        if (result == null) {
            return outcomes.failed(w, at, "the receiver returned nothing", contentType, bytes);
        }
        if (result.handshake().isPresent()) {
            ReceiveResult.Handshake h = result.handshake().get();
            requests.countAccepted(w.id(), at);
            outcomes.tell(CoreHooks.INBOUND_ACCEPTED, w, h.status(), null, List.of());
            return new InboundResponse(h.status(), h.contentType(), h.body());
        }
        EmitResult emitted = emitter.emit(w, at, result.events());
        if (emitted instanceof EmitResult.Refused r) {
            return outcomes.refused(w, at, r.status(), r.kind(), r.message(), contentType, bytes, bytes.length, true);
        }
        return outcomes.accepted(w, ((EmitResult.Emitted) emitted).eventIds());
    }

    /** The receiver's message for the sender, or a plain default when it gave none (never a class name). */
    private static String message(RuntimeException e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }
}
