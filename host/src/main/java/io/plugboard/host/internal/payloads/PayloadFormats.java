package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.Envelope;
import io.plugboard.host.internal.outbound.PayloadSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payload formats a webhook can choose, by id and in the order the webhook form shows them: the one
 * place that knows which formats exist. Given to what renders ({@link Payloads}), checks
 * ({@link PayloadValidator}) and offers them (the webhook form).
 */
public final class PayloadFormats {

    private final Map<String, PayloadFormat> byId = new LinkedHashMap<>();

    /**
     * @param formats in display order; one of them must be the default ({@link PayloadSettings#DEFAULT_FORMAT})
     * @throws IllegalArgumentException for two formats with one id, or without the default
     */
    public PayloadFormats(List<PayloadFormat> formats) {
        for (PayloadFormat f : formats) {
            if (byId.putIfAbsent(f.id(), f) != null) {
                throw new IllegalArgumentException("two payload formats with the id " + f.id());
            }
        }
        if (!byId.containsKey(PayloadSettings.DEFAULT_FORMAT)) {
            throw new IllegalArgumentException("no payload format " + PayloadSettings.DEFAULT_FORMAT + " (the default)");
        }
    }

    /** @return the formats built into the host: {@code standard}, {@code cloudevents}, {@code template} */
    public static PayloadFormats builtIn(ObjectMapper mapper, PayloadTemplates templates, String siteName) {
        return new PayloadFormats(List.of(new StandardFormat(new Envelope(mapper)),
                new CloudEventsFormat(mapper, siteName), new TemplateFormat(new TemplateBody(templates, mapper))));
    }

    /** @return every format, in display order */
    public List<PayloadFormat> all() {
        return List.copyOf(byId.values());
    }

    /** @return the ids, in display order */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Optional<PayloadFormat> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException for an id no format has (a stored webhook's format is checked on save) */
    public PayloadFormat get(String id) {
        PayloadFormat f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no payload body for format " + id);
        }
        return f;
    }

    /** @return the ids of the formats whose content type a custom {@code Content-Type} header chooses */
    List<String> choosingContentType() {
        return byId.values().stream().filter(PayloadFormat::contentTypeFromHeaders).map(PayloadFormat::id).toList();
    }
}
