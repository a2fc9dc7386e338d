package io.plugboard.plugins.discord;

import io.plugboard.plugins.formatsupport.Links;
import java.util.regex.Pattern;

/**
 * Discord markdown escaping, so data shows as written: no bold or strike-through from stray characters,
 * no masked links ({@code [text](https://…)}) that hide where they go, no spoilers, quotes or headings.
 * Mentions are handled by {@code allowed_mentions}, not here.
 */
final class DiscordText {

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|<>\\[\\]#])");

    private DiscordText() {}

    /** @return the text with each markdown character backslash-escaped */
    static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }

    /** @return a field value: a bare web URL as it is (Discord links it; escapes would break it), else escaped */
    static String value(String text) {
        return Links.isWebUrl(text) ? text : escape(text);
    }
}
