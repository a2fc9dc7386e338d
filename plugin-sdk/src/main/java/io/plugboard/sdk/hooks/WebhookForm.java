package io.plugboard.sdk.hooks;

import io.plugboard.sdk.settings.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@link CoreHooks#WEBHOOK_FORM}: what plugins add to the admin's webhook form, under "From
 * plugins": read-only notes, and editable fields whose values the host checks (with the rules of plugin
 * settings) and stores per webhook for the plugin that added them. The plugin reads them with
 * {@link io.plugboard.sdk.PluginContext#webhookValues(String)}. The filter also runs when a webhook is
 * saved (form or API) and when a plugin reads the values, to know the declarations: add the same fields
 * each time, without side effects.
 *
 * @param webhookId the webhook being edited, or null on "Add webhook"
 * @param notes the notes, in order
 * @param fields the fields, in order (a plugin's own ones are told apart by {@link FormField#pluginId()})
 */
public record WebhookForm(String webhookId, List<FormNote> notes, List<FormField> fields) {

    /** Copies the lists. */
    public WebhookForm {
        notes = List.copyOf(notes);
        fields = List.copyOf(fields);
    }

    /** A form without fields (as before fields existed). */
    public WebhookForm(String webhookId, List<FormNote> notes) {
        this(webhookId, notes, List.of());
    }

    /** @param note added at the end @return the form with it */
    public WebhookForm with(FormNote note) {
        List<FormNote> more = new ArrayList<>(notes);
        more.add(note);
        return new WebhookForm(webhookId, more, fields);
    }

    /**
     * @param settings the fields to add at the end, declared like plugin settings; a key must be unique
     *     among the plugin's own fields
     * @return the form with them
     */
    public WebhookForm withField(Setting... settings) {
        List<FormField> more = new ArrayList<>(fields);
        for (Setting s : settings) {
            more.add(new FormField(null, s));
        }
        return new WebhookForm(webhookId, notes, more);
    }
}
