package io.plugboard.host.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonValue;
import org.junit.jupiter.api.Test;

/** {@link SdkJson}: SDK values and Jackson trees convert both ways without losing order or decimal digits. */
class TestJsonSdkConversion {

    private static final ObjectMapper MAPPER = io.plugboard.host.internal.common.Json.newDataMapper();

    @Test
    void anSdkValueBecomesATreeThatIsWrittenTheSame() throws Exception {
        String text = "{\"b\":12.50,\"a\":[1,-2,123456789012345678901234567890,1.0E+3],\"s\":\"é\\n\",\"t\":true,\"n\":null,\"o\":{}}";
        JsonValue value = Json.parse(text);
        JsonNode tree = SdkJson.toNode(value);
        assertThat(tree.get("b")).isInstanceOf(DecimalNode.class);
        // The host writes decimals in plain notation (a receiver never gets an exponent it did not send as one).
        assertThat(MAPPER.writeValueAsString(tree)).isEqualTo(text.replace("1.0E+3", "1000"));
        assertThat(SdkJson.toValue(tree)).isEqualTo(value);
        assertThat(SdkJson.toValue(tree).toJson()).isEqualTo(text);
    }

    @Test
    void aTreeReadByTheHostBecomesAnEqualSdkValue() throws Exception {
        JsonNode tree = MAPPER.readTree("{\"x\":1.5,\"y\":[true,\"z\"],\"big\":18446744073709551616}");
        JsonValue value = SdkJson.toValue(tree);
        assertThat(value).isEqualTo(Json.parse("{\"x\":1.50,\"y\":[true,\"z\"],\"big\":18446744073709551616}"));
        assertThat(SdkJson.toValue(null).isNull()).isTrue();
    }
}
