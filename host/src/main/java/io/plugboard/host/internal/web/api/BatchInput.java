package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ByteSizes;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.EventService.NewEvent;
import io.plugboard.host.internal.events.IdempotencyKeys;
import io.plugboard.host.internal.web.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/events/batch}, read and checked as a whole before anything is
 * validated against the event types: {@code {"events": [...]}} with 1 to {@value #MAX_EVENTS} events,
 * each {@code {"type", "data", "idempotency_key"?}}. The problems of all events are answered together
 * (the first {@value #MAX_PROBLEMS}), each named by its position, e.g. {@code events[3].data}.
 */
final class BatchInput {

    static final int MAX_EVENTS = 1000;
    /** A batch may be this many times the host's request size limit (8 MiB by default). */
    static final int SIZE_FACTOR = 8;
    private static final int MAX_PROBLEMS = 20;
    private static final Set<String> FIELDS = Set.of("type", "data", "idempotency_key");

    private BatchInput() {}

    /** @return the size limit of a batch's body for the host's limit of other requests */
    static long maxBytes(long maxRequestBytes) {
        long cap = Integer.MAX_VALUE - 64; // read into one array
        return maxRequestBytes >= cap / SIZE_FACTOR ? cap : maxRequestBytes * SIZE_FACTOR;
    }

    /** @throws ApiException 413 over {@code maxBytes}; ValidationException or ApiException 400 for a bad body */
    static List<NewEvent> read(Context ctx, ObjectMapper mapper, long maxBytes) {
        JsonNode body;
        try {
            body = mapper.readTree(bytes(ctx, maxBytes));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ApiException(400, "request body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ApiException(400, "request body could not be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "request body must be a JSON object: {\"events\": [...]}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("events")) {
                throw new ApiException(400, "unknown field " + name + "; allowed fields: events");
            }
        }
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) {
            throw ValidationException.of("events", "events is required: an array of 1 to 1,000 events, each "
                    + "{\"type\", \"data\"} with an optional \"idempotency_key\"");
        }
        if (!events.isArray()) {
            throw ValidationException.of("events", "events must be an array of events, each {\"type\", \"data\"}");
        }
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw ValidationException.of("events", events.isEmpty() ? "events is empty: send 1 to 1,000 events"
                    : "a batch holds at most 1,000 events; this one has " + events.size() + ": split it");
        }
        return events(events);
    }

    private static List<NewEvent> events(JsonNode events) {
        List<NewEvent> out = new ArrayList<>(events.size());
        Map<String, String> problems = new LinkedHashMap<>();
        int i = 0;
        for (; i < events.size() && problems.size() < MAX_PROBLEMS; i++) {
            String at = "events[" + i + "]";
            JsonNode e = events.get(i);
            if (!e.isObject()) {
                problems.put(at, at + " must be an object: {\"type\", \"data\"} and optionally \"idempotency_key\"");
                continue;
            }
            List<String> unknown = new ArrayList<>();
            e.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                problems.put(at, "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + "; allowed fields: data, idempotency_key, type");
            }
            JsonNode type = e.get("type");
            if (type == null || type.isNull() || (type.isTextual() && type.textValue().isBlank())) {
                problems.put(at + ".type", "type is required: the key of a registered event type");
            } else if (!type.isTextual()) {
                problems.put(at + ".type", "type must be a string");
            }
            JsonNode data = e.get("data");
            if (data == null || data.isNull() || !data.isObject()) {
                problems.put(at + ".data", data == null || data.isNull() ? "data is required: a JSON object"
                        : "data must be a JSON object");
            }
            String key = key(e.get("idempotency_key"), at + ".idempotency_key", problems);
            if (problems.isEmpty()) {
                out.add(new NewEvent(type.textValue(), data, key));
            }
        }
        if (i < events.size()) {
            problems.put("events", "the first " + MAX_PROBLEMS + " problems are listed; fix them and send the batch again");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    private static String key(JsonNode key, String at, Map<String, String> problems) {
        if (key == null || key.isNull()) {
            return null;
        }
        String problem = key.isTextual() ? IdempotencyKeys.problem(key.textValue()) : "idempotency_key must be a string";
        if (problem != null) {
            problems.put(at, problem);
        }
        return key.isTextual() ? key.textValue() : null;
    }

    /**
     * Reads the body up to the batch limit, which is above the limit Javalin's own reading enforces.
     * Refused only once the limit is read, not from its Content-Length at once, as Javalin does: a
     * client still sending a large body often misses an answer that comes before it is done.
     */
    private static byte[] bytes(Context ctx, long maxBytes) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "the batch is larger than " + ByteSizes.text(maxBytes)
                + ", the most one batch may carry; send its events in several smaller batches");
    }
}
