package io.plugboard.plugins.discord;

import io.plugboard.plugins.formatsupport.ChatSettings;
import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.PayloadFormat;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Renders each delivery as a Discord webhook message with one embed: the event type as its title (linked
 * to the data's link when it has one), the data's key fields, the event's time and id. Mentions are off,
 * so data can never ping anyone. Point the webhook's URL at a Discord channel webhook
 * ({@code https://discord.com/api/webhooks/…}).
 */
@Extension
public class DiscordFormat implements PayloadFormat {

    static final String COLOR = "color";
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Override
    public String id() {
        return "discord";
    }

    @Override
    public String label() {
        return "Discord message (embed)";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>(ChatSettings.declarations(DiscordMessage.MAX_FIELDS));
        settings.add(Setting.builder(COLOR, SettingType.STRING).label("Colour")
                .help("Optional. The embed's stripe colour as #rrggbb, e.g. #5865f2. Empty: Discord's default.").build());
        return List.copyOf(settings);
    }

    @Override
    public void verify(Map<String, String> settings) {
        Map<String, String> problems = ChatSettings.problems(settings, DiscordMessage.MAX_FIELDS);
        String color = settings.getOrDefault(COLOR, "");
        if (!color.isBlank() && !HEX_COLOR.matcher(color.trim()).matches()) {
            problems.put(COLOR, "must be a hex colour as #rrggbb, e.g. #5865f2");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    @Override
    public RenderedPayload render(OutgoingEvent event) {
        String color = event.settings().getOrDefault(COLOR, "").trim();
        if (!color.isEmpty() && !HEX_COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("the color setting is not #rrggbb");
        }
        Integer rgb = color.isEmpty() ? null : Integer.parseInt(color.substring(1), 16);
        return RenderedPayload.of(contentType(), DiscordMessage.render(event, rgb));
    }
}
