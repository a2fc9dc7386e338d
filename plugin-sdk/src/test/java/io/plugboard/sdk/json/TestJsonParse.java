package io.plugboard.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TestJsonParse {

    @Test
    void round_trips_compactly_with_exact_numbers() {
        String text = "{ \"amount\": 12.50, \"big\": 123456789012345678901234567890, \"e\": 1.0E+3,\n"
                + "  \"tags\": [\"a\", true, null, -0.000], \"nested\": {\"x\": {}} }";
        JsonObject o = Json.parseObject(text);
        assertThat(o.toJson()).isEqualTo("{\"amount\":12.50,\"big\":123456789012345678901234567890,\"e\":1.0E+3,"
                + "\"tags\":[\"a\",true,null,-0.000],\"nested\":{\"x\":{}}}");
        assertThat(o.decimal("amount")).isEqualTo(new BigDecimal("12.50")).hasToString("12.50");
        assertThat(Json.parse(o.toJson())).isEqualTo(o);
    }

    @Test
    void reads_and_writes_unicode_and_escapes() {
        JsonValue s = Json.parse("\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\"");
        assertThat(s.asString()).isEqualTo("café 😀 \"q\" \\ \n");
        assertThat(s.toJson()).isEqualTo("\"café 😀 \\\"q\\\" \\\\ \\n\"");
        assertThat(JsonString.of("\u0001").toJson()).isEqualTo("\"\\u0001\"");
    }

    @Test
    void refuses_bad_text_with_one_line_and_a_position() {
        assertThatThrownBy(() -> Json.parse("{\"a\":\n  tru}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("line 2, column").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Json.parse("")).hasMessage("no JSON value: the text is empty");
        assertThatThrownBy(() -> Json.parse("{} {}")).hasMessage("unexpected content after the JSON value at line 1, column 4");
        assertThatThrownBy(() -> Json.parse("[1,]")).isInstanceOf(JsonException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object but got an array");
    }

    @Test
    void refuses_duplicate_keys() {
        assertThatThrownBy(() -> Json.parse("{\"id\":1,\n\"id\":2}")).isInstanceOf(JsonException.class)
                .hasMessage("duplicate key 'id' at line 2, column 1");
    }

    @Test
    void refuses_nesting_deeper_than_the_bound() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok).isArray()).isTrue();
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class)
                .hasMessage("JSON nested deeper than 200 levels at line 1, column 201");
        String veryDeep = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(veryDeep)).hasMessageStartingWith("JSON nested deeper than 200 levels");
    }

    @Test
    void kinds_say_what_they_are_when_asked_for_another() {
        assertThatThrownBy(() -> Json.parse("\"x\"").asLong()).hasMessage("the value is a string, not a number");
        assertThatThrownBy(() -> Json.parse("1.5").asLong()).hasMessage("the number 1.5 is not a whole number that fits a long");
        assertThat(Json.parse("null").isNull()).isTrue();
        assertThat(Json.parse("true").asBoolean()).isTrue();
        assertThat(Json.parse("9223372036854775807").asLong()).isEqualTo(Long.MAX_VALUE);
    }
}
