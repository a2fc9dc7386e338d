package io.plugboard.plugins.slack;

import io.plugboard.plugins.formatsupport.ChatSettings;
import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.PayloadFormat;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Renders each delivery as a Slack incoming-webhook message in Block Kit: the event type as a header, the
 * data's key fields, the event's id and time, and a button to the data's link when it has one. Point the
 * webhook's URL at a Slack incoming webhook ({@code https://hooks.slack.com/services/…}).
 */
@Extension
public class SlackFormat implements PayloadFormat {

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public String label() {
        return "Slack message (Block Kit)";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public List<Setting> settings() {
        return ChatSettings.declarations(SlackMessage.MAX_FIELDS);
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> problems = ChatSettings.problems(settings, SlackMessage.MAX_FIELDS);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    @Override
    public RenderedPayload render(OutgoingEvent event) {
        return RenderedPayload.of(contentType(), SlackMessage.render(event));
    }
}
