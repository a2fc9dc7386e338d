package io.plugboard.plugins.mqtt;

import io.plugboard.sdk.outbound.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** Turns an outgoing message into an MQTT 5 message, and Paho's failures into reasons in words. */
final class MqttMessages {

    private MqttMessages() {}

    /**
     * @return the body unchanged, QoS 1, not retained, the content type as the content-type property and
     *     every header (Standard Webhooks ones, custom ones) as a user property of the same name
     */
    static MqttMessage of(OutgoingMessage message) {
        MqttMessage mqtt = new MqttMessage(message.body());
        mqtt.setQos(1);
        mqtt.setRetained(false);
        MqttProperties properties = new MqttProperties();
        properties.setContentType(message.contentType());
        List<UserProperty> userProperties = new ArrayList<>();
        // Sorted, so that every attempt of a message carries its properties in the same order.
        for (Map.Entry<String, String> header : new TreeMap<>(message.headers()).entrySet()) {
            userProperties.add(new UserProperty(header.getKey(), header.getValue()));
        }
        properties.setUserProperties(userProperties);
        mqtt.setProperties(properties);
        return mqtt;
    }

    /** @return the first PUBACK reason code that refuses the message (0x80 and above), or -1 */
    static int refusal(int[] reasonCodes) {
        for (int code : reasonCodes) {
            if (code >= 0x80) {
                return code;
            }
        }
        return -1;
    }

    /** @return what a refusing PUBACK reason code means */
    static String refusalReason(int code) {
        String meaning = switch (code) {
            case 0x87 -> "not authorized to publish to this topic";
            case 0x90 -> "the topic name is invalid";
            case 0x97 -> "quota exceeded";
            case 0x99 -> "payload format invalid";
            case 0x83 -> "implementation specific error";
            default -> "refused";
        };
        return String.format("the broker refused the message (PUBACK reason 0x%02X: %s)", code, meaning);
    }

    /**
     * @param server where it tried to connect (never with credentials)
     * @return what went wrong, e.g. {@code could not connect to tcp://127.0.0.1:1 (...)}
     */
    static String reason(MqttException e, String server) {
        int code = e.getReasonCode();
        String what = switch (code) {
            case MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR -> "could not connect to " + server;
            case MqttClientException.REASON_CODE_CLIENT_TIMEOUT -> "timed out waiting for " + server;
            case MqttClientException.REASON_CODE_CONNECTION_LOST, MqttClientException.REASON_CODE_SERVER_DISCONNECTED ->
                    "lost the connection to " + server;
            // 4 and 5 are MQTT 3 CONNACK codes; 0x86 (bad user name or password) and 0x87 MQTT 5 ones.
            case MqttClientException.REASON_CODE_FAILED_AUTHENTICATION, MqttClientException.REASON_CODE_NOT_AUTHORIZED, 0x86, 0x87 ->
                    "not authorized by " + server + " (check the username and password)";
            case MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED -> "not connected to " + server;
            default -> "MQTT error talking to " + server;
        };
        Throwable cause = e.getCause();
        String detail = e.getMessage() + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return what + " (" + detail + ", reason code " + code + ")";
    }
}
