package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.StoredEvent;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * What a payload template sees: {@code id}, {@code type}, {@code timestamp}, {@code data} (the event's
 * data as plain maps and lists, numbers with fractions as {@code BigDecimal}s so {@code {{json data.amount}}}
 * writes {@code 12.50} as emitted), {@code webhook.id}, {@code webhook.name} (also {@code webhook_name}) and
 * {@code access_token}.
 */
final class TemplateModel {

    private TemplateModel() {}

    static Map<String, Object> of(ObjectMapper mapper, StoredEvent event, String webhookId, String webhookName,
                                  String accessToken) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", event.id());
        model.put("type", event.type());
        model.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        try {
            model.put("data", mapper.readerFor(Object.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is not JSON: " + event.id(), e);
        }
        Map<String, Object> webhook = new HashMap<>();
        webhook.put("id", webhookId);
        webhook.put("name", webhookName);
        model.put("webhook", webhook);
        model.put("webhook_name", webhookName);
        model.put("access_token", accessToken == null ? "" : accessToken);
        return model;
    }
}
