package io.plugboard.host.internal.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings declared by a plugin's extension (a receiver's, a destination's, a payload format's), stored
 * as one JSON object sealed whole with the secrets key: which of them are secret only the extension
 * knows. Opened settings are kept by their sealed text, which changes whenever they do: the dispatcher
 * and every inbound request read them, and opening (AES-GCM) and parsing was a third of receiving one
 * (BENCHMARKS.md, run 8).
 */
public final class SealedSettings {

    private static final Logger log = LoggerFactory.getLogger(SealedSettings.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    /** Bounds the cache: more rows in use at once than this is not expected. */
    private static final int MAX_OPENED = 2_000;

    private final SealedValues sealed;
    private final ObjectMapper mapper;
    private final Map<String, Map<String, String>> opened = new ConcurrentHashMap<>();

    public SealedSettings(SealedValues sealed, ObjectMapper mapper) {
        this.sealed = sealed;
        this.mapper = mapper;
    }

    /**
     * @param place where the settings are stored (e.g. {@code inbound-settings:ibw_…}), so a copy elsewhere does not open
     * @return the sealed text to store
     */
    public String seal(String place, Map<String, String> settings) {
        try {
            return sealed.seal(place, mapper.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings cannot be written as JSON", e);
        }
    }

    /**
     * Settings stored before sealing read as they are; ones that no longer open count as unset (logged).
     *
     * @param stored the stored text, or null for none
     * @return the settings, unmodifiable; empty for none
     */
    public Map<String, String> open(String place, String stored) {
        if (stored == null) {
            return Map.of();
        }
        String key = place + '\n' + stored;
        Map<String, String> known = opened.get(key);
        if (known != null) {
            return known;
        }
        // Empty settings are kept too: an inbound webhook without settings is read on every request
        // (BENCHMARKS.md run 10 found it opened each time); ones that no longer open stay unset, logged once.
        Map<String, String> fresh = read(place, stored);
        if (opened.size() >= MAX_OPENED) {
            opened.clear();
        }
        opened.put(key, fresh);
        return fresh;
    }

    private Map<String, String> read(String place, String stored) {
        Optional<String> json = sealed.open(place, stored);
        if (json.isEmpty()) {
            log.warn("The settings at {} cannot be decrypted (was the secrets key changed?); "
                    + "they count as unset until they are entered again", place);
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(mapper.readValue(json.get(), MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are not JSON", e);
        }
    }
}
