package io.plugboard.sdk.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@link CoreHooks#WEBHOOK_FORM}: what plugins show in the admin's webhook form, in a
 * "From plugins" section. Notes are read-only for now: editable fields stored in the plugin's
 * settings are not done yet (a plugin links to its own settings page instead).
 *
 * @param webhookId the webhook being edited, or null on "Add webhook"
 * @param notes the notes, in order
 */
public record WebhookForm(String webhookId, List<FormNote> notes) {

    /** Copies the list. */
    public WebhookForm {
        notes = List.copyOf(notes);
    }

    /** @param note added at the end @return the form with it */
    public WebhookForm with(FormNote note) {
        List<FormNote> more = new ArrayList<>(notes);
        more.add(note);
        return new WebhookForm(webhookId, more);
    }
}
