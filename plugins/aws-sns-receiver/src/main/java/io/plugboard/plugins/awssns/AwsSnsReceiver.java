package io.plugboard.plugins.awssns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.Setting;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Receives AWS SNS HTTP(S) messages, checking SNS's signature: a CloudWatch alarm in a Notification
 * becomes {@code alert_firing} or {@code alert_resolved} (shared alert model, {@code aws-sns:<AlarmArn>}
 * as the alert key, the MessageId as the external id); a SubscriptionConfirmation is confirmed, or its
 * URL recorded in the errors for a person; an UnsubscribeConfirmation is accepted with nothing emitted.
 *
 * <p><b>I/O in {@code parse}, unlike other receivers:</b> SNS proves a message's origin only with a
 * certificate at a URL, so this receiver fetches it (cached by URL, 5-second timeout, allowed hosts
 * only), and with {@code auto_confirm} it visits the SubscribeURL (5-second timeout). SNS waits up to 15
 * seconds for an answer, so a bounded fetch is within what the sender tolerates.
 */
@Extension
public class AwsSnsReceiver implements Receiver {

    private static final String TYPE_HEADER = "x-amz-sns-message-type";

    private final ReceiverJson json = ReceiverJson.strict();
    private final SnsSignatureCheck signatures = new SnsSignatureCheck(new SigningCertificates(Clock.systemUTC()));
    private final SubscriptionConfirmer confirmer = new SubscriptionConfirmer();

    @Override
    public String id() {
        return "aws-sns";
    }

    @Override
    public String name() {
        return "AWS SNS (CloudWatch alarms)";
    }

    @Override
    public String description() {
        return "AWS SNS HTTP(S) subscriptions, signature checked: CloudWatch alarms become alert_firing or "
                + "alert_resolved in the shared alert model (docs/alerts.md); subscriptions are confirmed or recorded.";
    }

    @Override
    public List<Setting> settings() {
        return SnsSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        SnsSettings.read(settings);
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        SnsSettings settings = SnsSettings.read(request.settings());
        SnsMessage message = SnsMessage.of(json.readBody(request.body()), request.header(TYPE_HEADER).orElse(null));
        if (settings.verifySignatures()) {
            signatures.verify(message, settings, request.receivedAt());
        }
        if (!settings.topicArns().isEmpty() && !settings.topicArns().contains(message.topicArn())) {
            throw new RejectedRequestException("the topic " + message.topicArn() + " is not in topic_arns");
        }
        return switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message, settings);
            case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> ReceiveResult.events(List.of());
            default -> notification(message, settings);
        };
    }

    /** Confirmed: 200. Not confirmed: 400, so the URL lands in the errors, where an admin can open it. */
    private ReceiveResult confirm(SnsMessage message, SnsSettings settings) {
        String url = message.text("SubscribeURL");
        String problem;
        if (!settings.autoConfirm()) {
            problem = "auto_confirm is off";
        } else {
            String refusal = settings.allowedHosts().refusal(url, settings.allowHttp());
            problem = refusal != null ? "SubscribeURL refused: " + refusal : confirmer.confirm(url);
        }
        if (problem == null) {
            return ReceiveResult.handshake(200, "text/plain; charset=utf-8", "subscription confirmed");
        }
        throw new UnparseableRequestException("SubscriptionConfirmation for " + message.topicArn() + " not confirmed ("
                + problem + "); to confirm, open " + url);
    }

    private ReceiveResult notification(SnsMessage message, SnsSettings settings) {
        String id = message.messageId();
        if (id.isBlank() || id.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("MessageId must be 1-" + ReceivedEvent.MAX_EXTERNAL_ID + " characters");
        }
        JsonNode content = parseMessage(message.text("Message"));
        ReceivedEvent event;
        if (CloudWatchAlarm.is(content)) {
            event = CloudWatchAlarm.event(content, message, settings, json);
            if (event == null) {
                return ReceiveResult.events(List.of());
            }
        } else if (settings.emitOtherMessages()) {
            event = ReceivedEvent.of(SnsEvents.SNS_MESSAGE, json.write(other(message, content)));
        } else {
            throw new UnparseableRequestException("the Message is not a CloudWatch alarm (no AlarmName and NewStateValue); "
                    + "set other_messages to emit to receive it as aws_sns_message");
        }
        return ReceiveResult.events(List.of(event.withExternalId(id)));
    }

    private ObjectNode other(SnsMessage message, JsonNode content) {
        ObjectNode data = json.mapper().createObjectNode();
        data.put("message_id", message.messageId());
        data.put("topic_arn", message.topicArn());
        data.put("subject", message.text("Subject"));
        data.put("message", message.text("Message"));
        data.set("message_json", content);
        data.put("timestamp", message.text("Timestamp"));
        JsonNode attributes = message.body().get("MessageAttributes");
        data.set("message_attributes", attributes != null && attributes.isObject() ? attributes : null);
        return data;
    }

    /** @return the Message parsed as JSON, or null when it is plain text */
    private JsonNode parseMessage(String text) {
        try {
            return json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
