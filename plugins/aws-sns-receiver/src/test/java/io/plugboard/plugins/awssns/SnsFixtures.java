package io.plugboard.plugins.awssns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * SNS messages for tests: the documented samples (src/test/resources/sns), changed and signed here with
 * the test key. The canonical string is built from SNS's documented field lists, independently of the
 * receiver's own code, so a mistake there shows.
 */
final class SnsFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private SnsFixtures() {}

    /** @param name e.g. {@code notification} @return the sample, to change */
    static ObjectNode sample(String name) {
        try (InputStream in = SnsFixtures.class.getResourceAsStream("/sns/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a Notification whose Message is the sample CloudWatch alarm in the given state */
    static ObjectNode alarm(String state) {
        ObjectNode alarm = sample("cloudwatch-alarm");
        alarm.put("NewStateValue", state);
        ObjectNode notification = sample("notification");
        notification.put("Subject", "ALARM: \"awsec2-i-0123456789abcdef0-High-CPU\" in US West (Oregon)");
        notification.put("Message", alarm.toString());
        return notification;
    }

    /** Sets SigningCertURL, SignatureVersion, a fresh Timestamp (unless one is set with {@code at}) and the Signature. */
    static String signed(ObjectNode message, String certUrl, String version, PrivateKey key) {
        return signedAt(message, certUrl, version, key, Instant.now());
    }

    static String signedAt(ObjectNode message, String certUrl, String version, PrivateKey key, Instant at) {
        message.put("SigningCertURL", certUrl);
        message.put("SignatureVersion", version);
        message.put("Timestamp", at.toString());
        List<String> fields = message.path("Type").asText().equals("Notification")
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (message.hasNonNull(field)) {
                canonical.append(field).append('\n').append(message.get(field).asText()).append('\n');
            }
        }
        try {
            Signature signer = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
            signer.initSign(key);
            signer.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            message.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return message.toString();
    }

    /** @return settings for the local stand-in: 127.0.0.1 over HTTP, the test CA as the anchor */
    static Map<String, String> localSettings(SnsKeys keys) {
        return Map.of(SnsSettings.ALLOWED_HOSTS, "127.0.0.1", SnsSettings.ALLOW_HTTP, "true",
                SnsSettings.TRUST_ANCHORS, keys.caPem);
    }
}
