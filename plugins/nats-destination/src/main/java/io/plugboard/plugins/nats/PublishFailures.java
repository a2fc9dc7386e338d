package io.plugboard.plugins.nats;

/** Says in words why a JetStream publish got no ack. */
final class PublishFailures {

    private PublishFailures() {}

    /** @return the reason, naming the subject and the servers, e.g. that no stream captures the subject */
    static String describe(Exception e, String subject, NatsSettings.ConnectionKey servers) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = text.toLowerCase();
        if (lower.contains("no responders") || lower.contains("503") || lower.contains("no stream")) {
            return "no JetStream stream captures the subject \"" + subject + "\" on " + servers
                    + ": create one (nats stream add) or fix the subject";
        }
        if (lower.contains("timeout") || lower.contains("timed out")) {
            return "no ack from JetStream for subject \"" + subject + "\" within " + NatsLink.ACK_TIMEOUT.toSeconds()
                    + " s on " + servers + " (connection lost, or the stream is unavailable): " + text;
        }
        return "publishing to \"" + subject + "\" on " + servers + " failed: " + text;
    }
}
