package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * One line a plugin adds to the webhook form ({@link WebhookForm}), shown as text (escaped).
 *
 * @param label a short label
 * @param text what the plugin says about this webhook
 */
public record FormNote(String label, String text) {

    /** Checks that nothing is missing. */
    public FormNote {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
