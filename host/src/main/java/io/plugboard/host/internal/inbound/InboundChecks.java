package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.common.ValidationException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The field checks of an inbound webhook's name, upgrade mode and receiver; each names what to fix. */
final class InboundChecks {

    static final int MAX_NAME = 100;

    private InboundChecks() {}

    /** Runs one check, adding its field errors to {@code errors}; null when it failed. */
    static <T> T collect(Map<String, String> errors, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
            return null;
        }
    }

    /** @return the name, stripped @throws ValidationException if blank, too long or with control characters */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("name", "name is required");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME) {
            throw ValidationException.of("name", "name must be at most " + MAX_NAME + " characters");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", "name must not contain control characters");
        }
        return n;
    }

    /** @return the mode named by {@code value} (any case), or {@code fallback} when none is given */
    static InboundWebhook.UpgradeMode mode(String value, InboundWebhook.UpgradeMode fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return InboundWebhook.UpgradeMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("upgrade_mode", "upgrade_mode must be AUTO or MANUAL");
        }
    }

    /** @return the active receiver with this id @throws ValidationException if none is given or active */
    static AvailableReceiver receiver(ReceiverRegistry receivers, String id) {
        if (id == null || id.isBlank()) {
            throw ValidationException.of("receiver", "receiver is required: the id of a receiver from GET /api/v1/receivers");
        }
        return receivers.find(id).orElseThrow(() -> ValidationException.of("receiver",
                "no active plugin offers the receiver '" + id + "'; GET /api/v1/receivers lists them"));
    }
}
