package io.plugboard.plugins.awssns;

import static io.plugboard.plugins.awssns.SnsFixtures.JSON;
import static io.plugboard.plugins.awssns.SnsFixtures.alarm;
import static io.plugboard.plugins.awssns.SnsFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documented SNS samples and a CloudWatch alarm, mapped to events (signatures are off here;
 * {@link TestSnsSignatures} checks them).
 */
class TestSnsParsing {

    private static final String ARN = "arn:aws:cloudwatch:us-west-2:123456789012:alarm:awsec2-i-0123456789abcdef0-High-CPU";

    private final AwsSnsReceiver receiver = new AwsSnsReceiver();

    private ReceiveResult post(String type, String body, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(SnsSettings.VERIFY_SIGNATURES, "false"));
        settings.putAll(extra);
        return receiver.parse(InboundRequest.builder().header("x-amz-sns-message-type", type).body(body)
                .settings(settings).build());
    }

    private ReceivedEvent one(String state, Map<String, String> settings) {
        ReceiveResult result = post("Notification", alarm(state).toString(), settings);
        assertThat(result.handshake()).isEmpty();
        assertThat(result.events()).hasSize(1);
        return result.events().get(0);
    }

    private static JsonNode data(ReceivedEvent event) throws Exception {
        return JSON.readTree(event.dataJson());
    }

    @Test
    void anAlarmFiresInTheSharedAlertModel() throws Exception {
        ReceivedEvent event = one("ALARM", Map.of());
        JsonNode data = data(event);

        assertThat(event.type()).isEqualTo("alert_firing");
        assertThat(event.externalId()).contains("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        assertThat(event.occurredAt()).contains(Instant.parse("2026-11-22T10:05:00.123Z"));
        assertThat(data.path("title").asText()).isEqualTo("awsec2-i-0123456789abcdef0-High-CPU");
        assertThat(data.path("description").asText()).isEqualTo("CPU above 80% for 5 minutes");
        assertThat(data.path("severity").asText()).isEqualTo("warning");
        assertThat(data.path("severity_original").asText()).isEqualTo("ALARM");
        assertThat(data.path("status").asText()).isEqualTo("firing");
        assertThat(data.path("alert_key").asText()).isEqualTo("aws-sns:" + ARN);
        assertThat(data.path("source").asText()).isEqualTo("aws-sns");
        assertThat(data.path("rule").asText()).isEqualTo("awsec2-i-0123456789abcdef0-High-CPU");
        assertThat(data.at("/resource/name").asText()).isEqualTo("i-0123456789abcdef0");
        assertThat(data.at("/resource/type").asText()).isEqualTo("AWS/EC2");
        assertThat(data.at("/resource/id").asText()).isEqualTo("InstanceId=i-0123456789abcdef0");
        assertThat(data.path("started_at").asText()).isEqualTo("2026-11-22T10:05:00.123Z");
        assertThat(data.path("ended_at").isNull()).isTrue();
        assertThat(data.path("link").asText()).isEqualTo("https://us-west-2.console.aws.amazon.com/cloudwatch/home"
                + "?region=us-west-2#alarmsV2:alarm/awsec2-i-0123456789abcdef0-High-CPU");
        assertThat(data.path("labels")).isEqualTo(JSON.readTree("{\"aws_account_id\": \"123456789012\", "
                + "\"region\": \"us-west-2\", \"namespace\": \"AWS/EC2\", \"metric_name\": \"CPUUtilization\", "
                + "\"dimension_InstanceId\": \"i-0123456789abcdef0\"}"));
        assertThat(data.at("/raw/AlarmArn").asText()).isEqualTo(ARN);
        assertThat(data.path("state_reason").asText()).startsWith("Threshold Crossed");
        assertThat(data.path("old_state").asText()).isEqualTo("OK");
        assertThat(data.path("topic_arn").asText()).isEqualTo("arn:aws:sns:us-west-2:123456789012:MyTopic");
    }

    @Test
    void okResolvesTheSameAlertKey() throws Exception {
        ReceivedEvent event = one("OK", Map.of());
        JsonNode data = data(event);
        assertThat(event.type()).isEqualTo("alert_resolved");
        assertThat(data.path("alert_key").asText()).isEqualTo("aws-sns:" + ARN);
        assertThat(data.path("ended_at").asText()).isEqualTo("2026-11-22T10:05:00.123Z");
        assertThat(data.path("started_at").isNull()).isTrue();
    }

    @Test
    void insufficientDataFiresAsInfoOrIsIgnored() throws Exception {
        ReceivedEvent event = one("INSUFFICIENT_DATA", Map.of());
        assertThat(event.type()).isEqualTo("alert_firing");
        assertThat(data(event).path("severity").asText()).isEqualTo("info");
        assertThat(post("Notification", alarm("INSUFFICIENT_DATA").toString(),
                Map.of(SnsSettings.INSUFFICIENT_DATA, "ignore")).events()).isEmpty();
    }

    @Test
    void theSeveritySettingAppliesToAlarms() throws Exception {
        assertThat(data(one("ALARM", Map.of(SnsSettings.SEVERITY, "critical"))).path("severity").asText()).isEqualTo("critical");
    }

    @Test
    void anotherMessageIsRefusedOrEmittedAsAwsSnsMessage() throws Exception {
        String body = sample("notification").toString();
        assertThatThrownBy(() -> post("Notification", body, Map.of())).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("not a CloudWatch alarm");
        ReceivedEvent event = post("Notification", body, Map.of(SnsSettings.OTHER_MESSAGES, "emit")).events().get(0);
        assertThat(event.type()).isEqualTo("aws_sns_message");
        assertThat(event.externalId()).contains("22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        JsonNode data = data(event);
        assertThat(data.path("message").asText()).isEqualTo("Hello world!");
        assertThat(data.path("subject").asText()).isEqualTo("My First Message");
        assertThat(data.path("message_json").isNull()).isTrue();
        assertThat(data.path("topic_arn").asText()).isEqualTo("arn:aws:sns:us-west-2:123456789012:MyTopic");
    }

    @Test
    void anUnsubscribeConfirmationIsAcceptedWithNothingEmitted() {
        ReceiveResult result = post("UnsubscribeConfirmation", sample("unsubscribe-confirmation").toString(), Map.of());
        assertThat(result.events()).isEmpty();
        assertThat(result.handshake()).isEmpty();
    }

    @Test
    void aSubscriptionConfirmationWithoutAutoConfirmPutsTheUrlInTheError() {
        String url = sample("subscription-confirmation").path("SubscribeURL").asText();
        assertThatThrownBy(() -> post("SubscriptionConfirmation", sample("subscription-confirmation").toString(), Map.of()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("auto_confirm is off")
                .hasMessageContaining("open " + url);
    }

    @Test
    void refusesWhatIsNotAnSnsMessage() {
        assertThatThrownBy(() -> post("Notification", "not json", Map.of())).isInstanceOf(UnparseableRequestException.class);
        assertThatThrownBy(() -> post("Notification", "{\"Type\": \"Other\"}", Map.of()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("Type must be");
        assertThatThrownBy(() -> post("SubscriptionConfirmation", alarm("ALARM").toString(), Map.of()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("x-amz-sns-message-type");
        var noId = alarm("ALARM");
        noId.remove("MessageId");
        assertThatThrownBy(() -> post("Notification", noId.toString(), Map.of()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("needs MessageId");
        var badState = SnsFixtures.alarm("MAYBE");
        assertThatThrownBy(() -> post("Notification", badState.toString(), Map.of()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("NewStateValue");
    }
}
