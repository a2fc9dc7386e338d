package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.Emitted;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.inbound.ReceivedEvent;
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
 * Emits what a receiver parsed, once per sender's id: an event whose external id was received before
 * (or earlier in the same request) is not emitted again, and its position gets the first event's id.
 * The events, their receipts and the accepted count are written in one transaction. Answering is
 * the caller's: this only says what came of it. The events are emitted for the inbound webhook's application,
 * so they reach that application's webhooks only.
 */
final class InboundEmitter {

    private static final Logger log = LoggerFactory.getLogger(InboundEmitter.class);

    private final EventService events;
    private final Receipts receipts;
    private final InboundRequestLog requests;
    private final ObjectMapper mapper;

    InboundEmitter(EventService events, Receipts receipts, InboundRequestLog requests, ObjectMapper mapper) {
        this.events = events;
        this.receipts = receipts;
        this.requests = requests;
        this.mapper = mapper;
    }

    EmitResult emit(InboundWebhook w, Instant at, List<ReceivedEvent> received) {
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
                return EmitResult.Refused.failed("the receiver produced data for '" + e.type() + "' that is not JSON");
            }
            if (e.occurredAt().isPresent() && !InputTimes.inRange(e.occurredAt().get())) {
                // The receiver passes on the sender's time; one beyond the years the store holds is the sender's mistake.
                return EmitResult.Refused.parseError("the time event " + (i + 1) + " happened at ("
                        + e.occurredAt().get() + ") is out of range: give a time between the years 0000 and 9999");
            }
            fresh.add(new EventService.NewEvent(e.type(), data));
            origins.add(new Receipts.Receipt(e.externalId().orElse(null), e.occurredAt().orElse(null)));
            positions.add(i);
        }
        if (fresh.isEmpty()) {
            requests.countAccepted(w.id(), at);
            return new EmitResult.Emitted(Arrays.asList(eventIds));
        }
        List<Emitted> stored;
        try {
            stored = events.emitAll(w.appId(), "inbound:" + w.id(), fresh, (c, written) -> {
                Receipts.write(c, w.id(), written, origins, at);
                InboundRequestLog.countAccepted(c, w.id(), at);
            });
        } catch (InvalidEventException e) {
            String message = e.getMessage() + (e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems()));
            return EmitResult.Refused.parseError(message);
        } catch (RuntimeException e) {
            // E.g. a concurrent request stored the same external id first: the sender's retry will find it.
            log.warn("Events received by inbound webhook {} could not be stored: {}", w.id(), e.toString());
            return EmitResult.Refused.failed("the events could not be stored; try again");
        }
        for (int i = 0; i < stored.size(); i++) {
            eventIds[positions.get(i)] = stored.get(i).id();
        }
        for (int i = 0; i < received.size(); i++) {
            if (eventIds[i] == null) {
                eventIds[i] = eventIds[inThisRequest.get(received.get(i).externalId().orElseThrow())];
            }
        }
        return new EmitResult.Emitted(Arrays.asList(eventIds));
    }
}
