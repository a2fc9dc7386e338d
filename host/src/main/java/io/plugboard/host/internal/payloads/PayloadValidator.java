package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.filters.EventFilter;
import io.plugboard.host.internal.filters.FilterSyntaxException;
import io.plugboard.host.internal.secrets.SecretRefs;
import io.plugboard.host.internal.outbound.PayloadCheck;
import io.plugboard.host.internal.outbound.PayloadSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a webhook's format, template, headers and filter when it is saved. A template must compile,
 * refer only to existing secrets, and render each subscribed event type's sample (as valid JSON when
 * the content type is JSON); a filter must parse.
 */
public final class PayloadValidator implements PayloadCheck {

    private static final List<String> FORMATS =
            List.of(PayloadSettings.STANDARD, PayloadSettings.CLOUDEVENTS, PayloadSettings.TEMPLATE);

    private final Payloads payloads;
    private final EventTypeRegistry registry;
    private final Supplier<Set<String>> secretNames;

    public PayloadValidator(Payloads payloads, EventTypeRegistry registry, Supplier<Set<String>> secretNames) {
        this.payloads = payloads;
        this.registry = registry;
        this.secretNames = secretNames;
    }

    @Override
    public PayloadSettings check(PayloadSettings p, String webhookName, List<String> events, Map<String, String> errors) {
        String format = p.format().strip();
        if (!FORMATS.contains(format)) {
            errors.put("format", "format must be one of " + String.join(", ", FORMATS));
            return p;
        }
        String template = p.template() == null || p.template().isBlank() ? null : p.template();
        String filter = p.filter() == null || p.filter().isBlank() ? null : p.filter().strip();
        Set<String> known = secretNames.get();
        Map<String, String> headers = HeaderRules.check(p.headers(), format, errors);
        if (headers != null) {
            Set<String> unknown = new LinkedHashSet<>();
            headers.values().forEach(v -> unknown.addAll(unknownSecrets(v, known)));
            if (!unknown.isEmpty()) {
                errors.put("headers", "unknown secret" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + " (add it under Settings → Secrets first)");
            }
        }
        if (filter != null) {
            try {
                EventFilter.parse(filter);
            } catch (FilterSyntaxException e) {
                errors.put("filter", "the filter does not parse: " + e.getMessage());
            }
        }
        PayloadSettings out = new PayloadSettings(format, template, headers == null ? p.headers() : headers, filter);
        if (format.equals(PayloadSettings.TEMPLATE)) {
            checkTemplate(out, webhookName, events, known, errors);
        }
        return out;
    }

    private void checkTemplate(PayloadSettings p, String name, List<String> events, Set<String> known,
                               Map<String, String> errors) {
        if (p.template() == null) {
            errors.put("template", "a template is required with format \"template\"");
            return;
        }
        if (p.template().length() > PayloadTemplates.MAX_TEMPLATE_LENGTH) {
            errors.put("template", "the template must be at most " + PayloadTemplates.MAX_TEMPLATE_LENGTH + " characters");
            return;
        }
        List<String> unknown = unknownSecrets(p.template(), known);
        if (!unknown.isEmpty()) {
            errors.put("template", "unknown secret" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (add it under Settings → Secrets first)");
            return;
        }
        if (errors.containsKey("headers")) {
            return;
        }
        NamedSecretLookup masked = masked(known);
        try {
            for (String type : events) {
                Optional<RegisteredEventType> registered = registry.find(type);
                if (registered.isPresent()) {
                    StoredEvent sample = new StoredEvent("evt_sample", type, registered.get().sample().toString(),
                            "sample", Instant.now());
                    payloads.body(p, "wh_sample", name, "****", sample, new UsedSecrets(masked));
                }
            }
        } catch (TemplateProblem e) {
            errors.put("template", e.getMessage());
        }
    }

    /** @return a source that knows the stored names and answers each with the mask */
    public static NamedSecretLookup masked(Set<String> known) {
        return name -> known.contains(name) ? Optional.of(UsedSecrets.MASK) : Optional.empty();
    }

    private static List<String> unknownSecrets(String text, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : SecretRefs.in(text)) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }
}
