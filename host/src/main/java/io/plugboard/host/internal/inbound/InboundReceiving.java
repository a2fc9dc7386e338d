package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.Ids;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ReceiverRegistry receivers;
    private final EventService events;
    private final Receipts receipts;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final Clock clock;
    private final long maxBodyBytes;

    public InboundReceiving(InboundStore store, ReceiverRegistry receivers, EventService events,
                            org.jdbi.v3.core.Jdbi jdbi, ObjectMapper mapper, Ids ids, Clock clock, long maxBodyBytes) {
        this.store = store;
        this.receivers = receivers;
        this.events = events;
        this.receipts = new Receipts(jdbi);
        this.mapper = mapper;
        this.ids = ids;
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
            return error(404, NOT_FOUND);
        }
        InboundWebhook w = found.get();
        if (!keyMatches) {
            record(w, at, 404, "rejected", "the access key is wrong (rotated, or mistyped)", contentType, null,
                    Math.max(contentLength, 0), false);
            return error(404, NOT_FOUND);
        }
        if (!w.enabled()) {
            return error(403, "this inbound webhook is disabled");
        }
        byte[] bytes;
        try {
            bytes = body.read();
        } catch (TooLarge e) {
            bytes = null;
        } catch (IOException e) {
            return error(400, "the request body could not be read");
        }
        if (bytes == null || bytes.length > maxBodyBytes) {
            String message = "the body is larger than " + maxBodyBytes + " bytes";
            record(w, at, 413, "rejected", message, contentType, null, bytes == null ? contentLength : bytes.length, false);
            return error(413, message);
        }
        Optional<AvailableReceiver> receiver = receivers.find(w.receiverId());
        if (receiver.isEmpty()) {
            return unavailable(w, at, "the receiver '" + w.receiverId() + "' is not available: its plugin '"
                    + w.pluginId() + "' is not active", contentType, bytes);
        }
        if (!receiver.get().pluginVersion().equals(w.pluginVersion())) {
            return unavailable(w, at, "the receiver plugin is now version " + receiver.get().pluginVersion()
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
            record(w, at, 401, "rejected", message(e), contentType, bytes, bytes.length, false);
            return error(401, message(e));
        } catch (UnparseableRequestException e) {
            record(w, at, 400, "parse_error", message(e), contentType, bytes, bytes.length, true);
            return error(400, message(e));
        } catch (RuntimeException | LinkageError e) {
            log.warn("The receiver '{}' failed on a request to inbound webhook {}", receiver.id(), w.id(), e);
            return failed(w, at, "the receiver failed: " + e, contentType, bytes);
        }
        if (result == null) {
            return failed(w, at, "the receiver returned nothing", contentType, bytes);
        }
        if (result.handshake().isPresent()) {
            ReceiveResult.Handshake h = result.handshake().get();
            store.countAccepted(w.id(), at);
            return new InboundResponse(h.status(), h.contentType(), h.body());
        }
        return emit(w, at, result.events(), contentType, bytes);
    }

    private InboundResponse emit(InboundWebhook w, Instant at, List<ReceivedEvent> received, String contentType,
                                 byte[] bytes) {
        String[] eventIds = new String[received.size()];
        List<EventService.NewEvent> fresh = new ArrayList<>();
        List<Receipts.Receipt> origins = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<String, Integer> inThisRequest = new HashMap<>();
        for (int i = 0; i < received.size(); i++) {
            ReceivedEvent e = received.get(i);
            Optional<String> earlier = e.externalId().flatMap(x -> receipts.eventFor(w.id(), x));
            if (earlier.isPresent()) {
                eventIds[i] = earlier.get();
                continue;
            }
            if (e.externalId().isPresent() && inThisRequest.putIfAbsent(e.externalId().get(), i) != null) {
                continue; // the same id twice in one request: one event, both positions get its id
            }
            JsonNode data;
            try {
                data = mapper.readTree(e.dataJson());
            } catch (JsonProcessingException ex) {
                return failed(w, at, "the receiver produced data for '" + e.type() + "' that is not JSON", contentType, bytes);
            }
            fresh.add(new EventService.NewEvent(e.type(), data));
            origins.add(new Receipts.Receipt(e.externalId().orElse(null), e.occurredAt().orElse(null)));
            positions.add(i);
        }
        if (fresh.isEmpty()) {
            store.countAccepted(w.id(), at);
            return accepted(eventIds);
        }
        List<StoredEvent> stored;
        try {
            stored = events.emitAll("inbound:" + w.id(), fresh, (c, written) -> Receipts.write(c, w.id(), written, origins, at));
        } catch (InvalidEventException e) {
            String message = e.getMessage() + (e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems()));
            record(w, at, 400, "parse_error", message, contentType, bytes, bytes.length, true);
            return error(400, message);
        } catch (RuntimeException e) {
            // E.g. a concurrent request stored the same external id first: the sender's retry will find it.
            log.warn("Events received by inbound webhook {} could not be stored: {}", w.id(), e.toString());
            return failed(w, at, "the events could not be stored; try again", contentType, bytes);
        }
        for (int i = 0; i < stored.size(); i++) {
            eventIds[positions.get(i)] = stored.get(i).id();
        }
        for (int i = 0; i < received.size(); i++) {
            if (eventIds[i] == null) {
                eventIds[i] = eventIds[inThisRequest.get(received.get(i).externalId().orElseThrow())];
            }
        }
        return accepted(eventIds);
    }

    private InboundResponse accepted(String[] eventIds) {
        return json(202, Map.of("event_ids", Arrays.asList(eventIds)));
    }

    private InboundResponse unavailable(InboundWebhook w, Instant at, String message, String contentType, byte[] bytes) {
        record(w, at, 503, "unavailable", message, contentType, bytes, bytes.length, false);
        return error(503, message);
    }

    private InboundResponse failed(InboundWebhook w, Instant at, String message, String contentType, byte[] bytes) {
        record(w, at, 500, "failed", message, contentType, bytes, bytes.length, true);
        return error(500, message);
    }

    private void record(InboundWebhook w, Instant at, int status, String kind, String message, String contentType,
                        byte[] body, long bodyBytes, boolean parseError) {
        String kept = body == null ? null
                : new String(body, 0, Math.min(body.length, InboundStore.BODY_KEPT), StandardCharsets.UTF_8);
        String type = contentType == null ? null : contentType.substring(0, Math.min(contentType.length(), 200));
        try {
            store.recordError(w.id(), new InboundError(ids.next("ine"), at, status, kind, limit(message), type, kept,
                    bodyBytes), parseError);
        } catch (RuntimeException e) {
            log.warn("Could not record a refused request of inbound webhook {}: {}", w.id(), e.toString());
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String limit(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 2000) + "…";
    }

    private InboundResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    private InboundResponse json(int status, Object body) {
        try {
            return new InboundResponse(status, InboundResponse.JSON, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
