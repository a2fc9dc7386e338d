package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.secrets.SecretRefs;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@link PayloadFormat} checks its settings with, when a webhook is saved or previewed.
 *
 * @param settings the settings, the shared ones already normalised
 * @param knownSecrets the names of the stored secrets
 * @param samples the samples of the subscribed event types, made when first asked for
 */
public record FormatCheck(PayloadSettings settings, String webhookName, Set<String> knownSecrets,
                          Supplier<List<StoredEvent>> samplesSource) {

    /** @return the samples of the event types the webhook subscribes to (registered ones only) */
    public List<StoredEvent> samples() {
        return samplesSource.get();
    }

    /** @return a source that knows the stored names and answers each with the mask */
    public NamedSecretLookup maskedSecrets() {
        return PayloadValidator.masked(knownSecrets);
    }

    /** @return what to fix when the texts (a template, header values) refer to secrets that are not stored, or null */
    public String unknownSecrets(Collection<String> texts) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String text : texts) {
            for (String name : SecretRefs.in(text)) {
                if (!knownSecrets.contains(name)) {
                    unknown.add(name);
                }
            }
        }
        return unknown.isEmpty() ? null : "unknown secret" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + " (add it under Settings → Secrets first)";
    }
}
