package io.plugboard.plugins.awssns;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.util.List;

/**
 * One SNS HTTP(S) message (the JSON body SNS POSTs), with the string its signature covers.
 *
 * @param body the whole document, for fields this class does not name
 */
record SnsMessage(String type, JsonNode body) {

    static final String NOTIFICATION = "Notification";
    static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /** The signed fields in the order SNS documents, by message type; Subject only when present. */
    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    /**
     * @param body the request body, a JSON object
     * @param headerType the {@code x-amz-sns-message-type} header, if sent
     * @throws UnparseableRequestException if it is not an SNS message of a known type
     */
    static SnsMessage of(JsonNode body, String headerType) {
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be an SNS message, a JSON object");
        }
        String type = body.path("Type").asText("");
        if (!List.of(NOTIFICATION, SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION).contains(type)) {
            throw new UnparseableRequestException("Type must be Notification, SubscriptionConfirmation or "
                    + "UnsubscribeConfirmation, not \"" + type + "\"");
        }
        if (headerType != null && !headerType.equals(type)) {
            throw new UnparseableRequestException("the x-amz-sns-message-type header (" + headerType
                    + ") differs from the body's Type (" + type + ")");
        }
        SnsMessage message = new SnsMessage(type, body);
        for (String field : message.signedFields()) {
            if (!field.equals("Subject") && message.text(field) == null) {
                throw new UnparseableRequestException("a " + type + " needs " + field + " (a string)");
            }
        }
        return message;
    }

    /** @return a string field, or null when absent or not a string */
    String text(String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    String messageId() { return text("MessageId"); }

    String topicArn() { return text("TopicArn"); }

    boolean isNotification() { return type.equals(NOTIFICATION); }

    private List<String> signedFields() {
        return isNotification() ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
    }

    /** @return what the signature covers: each signed field present as {@code Key\nValue\n} */
    String canonicalString() {
        StringBuilder out = new StringBuilder();
        for (String field : signedFields()) {
            String value = text(field);
            if (value != null) {
                out.append(field).append('\n').append(value).append('\n');
            }
        }
        return out.toString();
    }
}
