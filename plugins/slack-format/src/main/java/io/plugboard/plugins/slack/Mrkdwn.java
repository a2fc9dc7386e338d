package io.plugboard.plugins.slack;

/**
 * Slack's mrkdwn escaping: {@code &}, {@code <} and {@code >} become entities, so data can never form a
 * link ({@code <https://…|text>}) or a mention ({@code <!channel>}, {@code <@U123>}).
 */
final class Mrkdwn {

    private Mrkdwn() {}

    /** @return the text with Slack's three control characters escaped */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
