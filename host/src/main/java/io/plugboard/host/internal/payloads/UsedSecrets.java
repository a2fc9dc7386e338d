package io.plugboard.host.internal.payloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NamedSecretLookup} for one request that remembers the values it handed out (and the webhook's
 * token), so what is logged or shown of that request can have them masked.
 */
public final class UsedSecrets implements NamedSecretLookup {

    public static final String MASK = "****";

    private final NamedSecretLookup source;
    private final Map<String, String> used = new LinkedHashMap<>();

    public UsedSecrets(NamedSecretLookup source) {
        this.source = source;
    }

    @Override
    public Optional<String> value(String name) {
        Optional<String> v = source.value(name);
        v.ifPresent(value -> used.put(name, value));
        return v;
    }

    /** Also masks this value, e.g. the webhook's token rendered through {@code {{access_token}}}. */
    public void sensitive(String value) {
        if (value != null) {
            used.put("\u0000token", value);
        }
    }

    public String mask(String text) {
        if (text == null || used.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : used.values()) {
            if (!value.isEmpty()) {
                out = out.replace(value, MASK);
            }
        }
        return out;
    }

    public Map<String, String> mask(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, mask(v)));
        return out;
    }
}
