package io.plugboard.plugins.awssns;

import io.plugboard.plugins.receiversupport.AlertTypes;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The event types the SNS receiver emits: the shared alert model's {@code alert_firing} and
 * {@code alert_resolved} for CloudWatch alarms, and {@code aws_sns_message} for other SNS messages when
 * the inbound webhook's {@code other_messages} is {@code emit}.
 */
@Extension
public class SnsEvents implements EventTypeProvider {

    /** The type of an SNS message that is not a CloudWatch alarm. */
    public static final String SNS_MESSAGE = "aws_sns_message";

    static final String SNS_MESSAGE_SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["message_id", "topic_arn", "message"],
             "properties": {
               "message_id": {"type": "string"}, "topic_arn": {"type": "string"},
               "subject": {"type": ["string", "null"]}, "message": {"type": "string"},
               "message_json": {}, "timestamp": {"type": ["string", "null"]},
               "message_attributes": {"type": ["object", "null"]}}}
            """;

    static final String SNS_MESSAGE_SAMPLE = """
            {"message_id": "da41e39f-ea4d-435a-b922-c6aae3915ebe",
             "topic_arn": "arn:aws:sns:us-west-2:123456789012:orders", "subject": "Order shipped",
             "message": "{\\"order\\": \\"A-1001\\"}", "message_json": {"order": "A-1001"},
             "timestamp": "2026-11-22T10:02:00.000Z",
             "message_attributes": {"origin": {"Type": "String", "Value": "shop"}}}
            """;

    @Override
    public List<EventType> eventTypes() {
        List<EventType> types = new ArrayList<>(AlertTypes.eventTypes());
        types.add(EventType.builder(SNS_MESSAGE).name("AWS SNS message").group("AWS")
                .description("A message from an AWS SNS topic that is not a CloudWatch alarm: its text, "
                        + "parsed as JSON too when it is JSON, with the topic, subject and attributes.")
                .sample(SNS_MESSAGE_SAMPLE).schema(SNS_MESSAGE_SCHEMA).build());
        return types;
    }
}
