package io.plugboard.plugins.awssns;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings of one AWS SNS inbound webhook, declared for the host and read, checked, from a request's
 * values. Everything that protects the webhook is on by default; tests and unusual setups loosen it
 * explicitly.
 */
record SnsSettings(boolean verifySignatures, HostPattern allowedHosts, boolean allowHttp, String trustAnchors,
                   Duration maxAge, Set<String> topicArns, boolean autoConfirm, String severity,
                   boolean ignoreInsufficientData, boolean emitOtherMessages) {

    static final String VERIFY_SIGNATURES = "verify_signatures";
    static final String ALLOWED_HOSTS = "allowed_hosts";
    static final String ALLOW_HTTP = "allow_http";
    static final String TRUST_ANCHORS = "trust_anchors";
    static final String MAX_AGE_SECONDS = "max_age_seconds";
    static final String TOPIC_ARNS = "topic_arns";
    static final String AUTO_CONFIRM = "auto_confirm";
    static final String SEVERITY = "severity";
    static final String INSUFFICIENT_DATA = "insufficient_data";
    static final String OTHER_MESSAGES = "other_messages";

    static final String DEFAULT_ALLOWED_HOSTS = "sns.*.amazonaws.com";

    /** @return the declarations the host shows and checks */
    static List<Setting> declarations() {
        return List.of(
                Setting.builder(TOPIC_ARNS, SettingType.STRING).label("Topic ARNs")
                        .help("Only these topics (comma-separated ARNs); empty accepts any topic. SNS signs every topic's "
                                + "messages, anyone's included, so naming yours is the best guard after the access key.").build(),
                Setting.builder(AUTO_CONFIRM, SettingType.BOOLEAN).label("Confirm subscriptions automatically")
                        .defaultValue("false")
                        .help("Visit the SubscribeURL of a signed SubscriptionConfirmation from an allowed host. Off: the URL "
                                + "is recorded in this inbound webhook's errors for a person to open.").build(),
                Setting.builder(SEVERITY, SettingType.CHOICE).label("Severity of an ALARM").defaultValue("warning")
                        .choices("critical", "error", "warning", "info")
                        .help("CloudWatch alarms carry no severity; this is the one alert_firing gets.").build(),
                Setting.builder(INSUFFICIENT_DATA, SettingType.CHOICE).label("INSUFFICIENT_DATA")
                        .defaultValue("firing_info").choices("firing_info", "ignore")
                        .help("firing_info: alert_firing with severity info; ignore: accepted, nothing emitted.").build(),
                Setting.builder(OTHER_MESSAGES, SettingType.CHOICE).label("Messages that are not CloudWatch alarms")
                        .defaultValue("refuse").choices("refuse", "emit")
                        .help("refuse: answered 400 and recorded; emit: one aws_sns_message event.").build(),
                Setting.builder(VERIFY_SIGNATURES, SettingType.BOOLEAN).label("Verify SNS signatures").defaultValue("true")
                        .help("Leave on: without it anyone who has the URL can post alarms.").build(),
                Setting.builder(ALLOWED_HOSTS, SettingType.STRING).label("Allowed SNS hosts")
                        .defaultValue(DEFAULT_ALLOWED_HOSTS)
                        .help("Comma-separated host patterns that SigningCertURL and SubscribeURL must match; * stands for "
                                + "one DNS label (e.g. add sns.*.amazonaws.com.cn for the China regions).").build(),
                Setting.builder(ALLOW_HTTP, SettingType.BOOLEAN).label("Allow plain HTTP URLs").defaultValue("false")
                        .help("For local tests only; needs trust_anchors.").build(),
                Setting.builder(TRUST_ANCHORS, SettingType.TEXT).label("Trust anchors (PEM)")
                        .help("CA certificates the signing certificate must chain to. Empty: the certificate must come over "
                                + "HTTPS from an allowed host, verified with the JVM's trust store.").build(),
                Setting.builder(MAX_AGE_SECONDS, SettingType.INTEGER).label("Maximum message age (seconds)")
                        .defaultValue("3600").range(60, 86_400)
                        .help("Older (or as far in the future) Timestamps are refused as replays.").build());
    }

    /**
     * @param values the values by key, defaults applied
     * @return the settings
     * @throws InvalidSettingsException naming every setting that is wrong
     */
    static SnsSettings read(Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        HostPattern hosts = null;
        try {
            hosts = HostPattern.parse(value(values, ALLOWED_HOSTS, DEFAULT_ALLOWED_HOSTS));
        } catch (IllegalArgumentException e) {
            problems.put(ALLOWED_HOSTS, e.getMessage());
        }
        boolean allowHttp = bool(values, ALLOW_HTTP, false);
        String anchors = value(values, TRUST_ANCHORS, "");
        if (!anchors.isEmpty()) {
            try {
                CertificateTrust.anchors(anchors);
            } catch (IllegalArgumentException e) {
                problems.put(TRUST_ANCHORS, e.getMessage());
            }
        }
        if (allowHttp && anchors.isEmpty()) {
            problems.put(ALLOW_HTTP, "needs trust_anchors: over plain HTTP nothing proves where a certificate came from");
        }
        long maxAge = 3600;
        try {
            maxAge = Long.parseLong(value(values, MAX_AGE_SECONDS, "3600"));
            if (maxAge < 60 || maxAge > 86_400) {
                problems.put(MAX_AGE_SECONDS, "must be 60 to 86400 seconds");
            }
        } catch (NumberFormatException e) {
            problems.put(MAX_AGE_SECONDS, "must be a whole number of seconds");
        }
        Set<String> topics = Arrays.stream(value(values, TOPIC_ARNS, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        topics.stream().filter(t -> !t.startsWith("arn:")).findFirst()
                .ifPresent(t -> problems.put(TOPIC_ARNS, "not a topic ARN (arn:aws:sns:<region>:<account>:<name>): " + t));
        String severity = choice(values, SEVERITY, "warning", List.of("critical", "error", "warning", "info"), problems);
        String insufficient = choice(values, INSUFFICIENT_DATA, "firing_info", List.of("firing_info", "ignore"), problems);
        String other = choice(values, OTHER_MESSAGES, "refuse", List.of("refuse", "emit"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new SnsSettings(bool(values, VERIFY_SIGNATURES, true), hosts, allowHttp, anchors,
                Duration.ofSeconds(maxAge), topics, bool(values, AUTO_CONFIRM, false), severity,
                insufficient.equals("ignore"), other.equals("emit"));
    }

    private static String value(Map<String, String> values, String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) {
        return Boolean.parseBoolean(value(values, key, String.valueOf(fallback)));
    }

    private static String choice(Map<String, String> values, String key, String fallback, List<String> allowed,
                                 Map<String, String> problems) {
        String v = value(values, key, fallback);
        if (!allowed.contains(v)) {
            problems.put(key, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }
}
