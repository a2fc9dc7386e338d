package io.plugboard.host.internal.payloads;


import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.filters.EventFilter;
import io.plugboard.host.internal.filters.FilterSyntaxException;
import io.plugboard.host.internal.outbound.PayloadCheck;
import io.plugboard.host.internal.outbound.PayloadSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a webhook's format, headers and filter when it is saved, then lets the format check its own
 * settings ({@link PayloadFormat#check}, e.g. a template on each subscribed type's sample); a filter must
 * parse, custom headers follow {@link HeaderRules} and refer only to existing secrets of the webhook's application.
 */
public final class PayloadValidator implements PayloadCheck {

    private final PayloadFormats formats;
    private final EventTypeRegistry registry;
    private final Function<String, Set<String>> secretNames;

    /** @param secretNames the names of an application's secrets, by its id */
    public PayloadValidator(PayloadFormats formats, EventTypeRegistry registry, Function<String, Set<String>> secretNames) {
        this.formats = formats;
        this.registry = registry;
        this.secretNames = secretNames;
    }

    @Override
    public PayloadSettings check(PayloadSettings p, String app, String webhookName, List<String> events, Map<String, String> errors) {
        String id = p.format().strip();
        Optional<PayloadFormat> format = formats.find(id);
        if (format.isEmpty()) {
            errors.put("format", "format must be one of " + String.join(", ", formats.ids()));
            return p;
        }
        String template = p.template() == null || p.template().isBlank() ? null : p.template();
        String filter = p.filter() == null || p.filter().isBlank() ? null : p.filter().strip();
        Set<String> known = secretNames.apply(app);
        Map<String, String> headers = HeaderRules.check(p.headers(), format.get(), formats, errors);
        Map<String, String> formatSettings = format.get().checkSettings(p.formatSettings(), errors);
        FormatCheck check = new FormatCheck(new PayloadSettings(id, template, headers == null ? p.headers() : headers,
                filter, formatSettings), webhookName, known, () -> samples(events));
        if (headers != null) {
            String unknown = check.unknownSecrets(headers.values());
            if (unknown != null) {
                errors.put("headers", unknown);
            }
        }
        if (filter != null) {
            try {
                EventFilter.parse(filter);
            } catch (FilterSyntaxException e) {
                errors.put("filter", "the filter does not parse: " + e.getMessage());
            }
        }
        format.get().check(check, errors);
        return check.settings();
    }

    private List<StoredEvent> samples(List<String> events) {
        List<StoredEvent> samples = new ArrayList<>();
        for (String type : events) {
            Optional<RegisteredEventType> registered = registry.find(type);
            if (registered.isPresent()) {
                samples.add(new StoredEvent("evt_sample", type, registered.get().sample().toString(), "sample",
                        Instant.now()));
            }
        }
        return samples;
    }

    /** @return a source that knows the stored names and answers each with the mask */
    public static NamedSecretLookup masked(Set<String> known) {
        return name -> known.contains(name) ? Optional.of(UsedSecrets.MASK) : Optional.empty();
    }
}
