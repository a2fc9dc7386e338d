package io.plugboard.sdk.outbound;

import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * The extension point through which a plugin adds a shape for webhook bodies besides the host's
 * {@code standard} envelope, {@code cloudevents} and {@code template}: a Slack message, a Discord embed, a
 * Microsoft Teams card.
 *
 * <p>Implement it in a public class with a public no-argument constructor, annotated with
 * {@code @org.pf4j.Extension}. An admin chooses it per webhook (API field {@code format}); the host renders
 * each delivery's body with it, then signs the exact bytes. The webhook form's <em>Preview</em> shows the
 * body for the sample of every subscribed event type. One instance renders for every webhook, from many
 * threads at once: keep no per-call state in fields. While the plugin is not active the webhooks using
 * the format wait (their deliveries are kept).
 */
public interface PayloadFormat extends ExtensionPoint {

    /**
     * @return a stable id, 1–64 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
     *     (e.g. {@code slack}); unique, stored with each webhook; the host's own ids are taken
     */
    String id();

    /** @return the name shown in the webhook form's choice of formats, e.g. "Slack message (Block Kit)" */
    String label();

    /** @return the body's content type, e.g. {@code application/json} */
    String contentType();

    /**
     * @return the settings each webhook using this format has, declared and checked as plugin settings
     *     are (e.g. which data field holds a link); secret ones are sealed at rest and masked
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Checks the settings beyond their declarations; called when a webhook is saved or previewed.
     *
     * @param settings the values by key, defaults applied
     * @throws io.plugboard.sdk.settings.InvalidSettingsException naming each setting that is wrong and why
     */
    default void verify(Map<String, String> settings) {}

    /**
     * Renders one event. Runs on a delivery thread for every attempt: keep it fast and free of I/O.
     *
     * @return the body and any headers the format adds
     * @throws IllegalArgumentException when this event cannot be rendered with these settings; the message
     *     is recorded as the attempt's error (and retried with the rest of the schedule)
     */
    RenderedPayload render(OutgoingEvent event);
}
