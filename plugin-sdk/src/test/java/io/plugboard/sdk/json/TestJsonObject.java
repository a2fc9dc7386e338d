package io.plugboard.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestJsonObject {

    private final JsonObject payment = Json.parseObject("{\"id\":\"pay_1\",\"amount\":12.50,\"paid\":true,\"note\":null,"
            + "\"customer\":{\"email\":\"a@example.com\",\"a.b\":1},\"items\":[{\"sku\":\"X\"},{\"sku\":\"Y\"}]}");

    @Test
    void reads_by_dotted_paths() {
        assertThat(payment.string("customer.email")).isEqualTo("a@example.com");
        assertThat(payment.string("items.1.sku")).isEqualTo("Y");
        assertThat(payment.decimal("amount")).isEqualByComparingTo("12.5");
        assertThat(payment.bool("paid")).isTrue();
        assertThat(payment.get("customer.email")).contains(JsonString.of("a@example.com"));
        assertThat(payment.get("items.2.sku")).isEmpty();
        assertThat(payment.has("note")).isTrue();
        assertThat(payment.object("customer").member("a.b")).contains(JsonNumber.of(1));
        assertThat(payment.array("items").stream().map(i -> i.asObject().string("sku")).toList()).containsExactly("X", "Y");
    }

    @Test
    void required_getters_say_what_is_wrong_and_optional_ones_allow_missing_and_null() {
        assertThatThrownBy(() -> payment.string("customer.name")).isInstanceOf(JsonException.class)
                .hasMessage("customer.name is missing");
        assertThatThrownBy(() -> payment.longValue("id")).hasMessage("id is a string, not a number");
        assertThatThrownBy(() -> payment.string("note")).hasMessage("note is null, not a string");
        assertThat(payment.optionalString("note")).isEmpty();
        assertThat(payment.optionalString("nope.deeper")).isEmpty();
        assertThat(payment.optionalDecimal("amount")).contains(new BigDecimal("12.50"));
        assertThatThrownBy(() -> payment.optionalBool("id")).hasMessage("id is a string, not a boolean");
        assertThat(payment.optionalObject("customer").map(JsonObject::size)).isEqualTo(Optional.of(2));
    }

    @Test
    void builds_in_order_and_copies_with_changes() {
        JsonObject o = JsonObject.builder().put("a", 1).put("b", JsonObject.of("c", true, "d", List.of("x", 2.5)))
                .put("e", new BigDecimal("10.00")).put("f", null).build();
        assertThat(o.toJson()).isEqualTo("{\"a\":1,\"b\":{\"c\":true,\"d\":[\"x\",2.5]},\"e\":10.00,\"f\":null}");
        assertThat(o.keys()).containsExactly("a", "b", "e", "f");
        assertThat(o.with("a", "one").toJson()).startsWith("{\"a\":\"one\",\"b\"");
        assertThat(o.with("z", 0).keys()).endsWith("z");
        assertThat(o.without("b").keys()).containsExactly("a", "e", "f");
        assertThat(JsonObject.builder().put("z", 0).putAll(o.without("b")).build().keys()).containsExactly("z", "a", "e", "f");
        assertThat(o.string("b.d.0")).isEqualTo("x");
        assertThatThrownBy(() -> JsonObject.of("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.of(new Object())).isInstanceOf(JsonException.class).hasMessageContaining("has no JSON form");
        assertThatThrownBy(() -> Json.of(Double.NaN)).isInstanceOf(JsonException.class);
    }

    @Test
    void converts_from_and_to_maps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 3);
        map.put("amount", new BigDecimal("12.50"));
        map.put("list", List.of(1L, "two", Map.of("three", false)));
        map.put("none", null);
        JsonObject o = Json.of(map);
        assertThat(o.toJson()).isEqualTo("{\"n\":3,\"amount\":12.50,\"list\":[1,\"two\",{\"three\":false}],\"none\":null}");
        Map<String, Object> back = o.toJava();
        assertThat(back).containsEntry("n", 3L).containsEntry("amount", new BigDecimal("12.50")).containsKey("none");
        assertThat(back.get("list")).isEqualTo(List.of(1L, "two", Map.of("three", false)));
        assertThat(JsonObject.from(back)).isEqualTo(o);
        assertThatThrownBy(() -> Json.of(Map.of(1, 2))).hasMessageContaining("a map key must be a string");
    }

    @Test
    void equal_by_value() {
        assertThat(Json.parse("{\"a\":12.5,\"b\":[1,2]}")).isEqualTo(Json.parse("{\"b\":[1,2],\"a\":12.50}"))
                .hasSameHashCodeAs(Json.parse("{\"b\":[1,2],\"a\":12.50}"));
        assertThat(Json.parse("1e2")).isEqualTo(JsonNumber.of(100));
        assertThat(Json.parse("[1,2]")).isNotEqualTo(Json.parse("[2,1]"));
        assertThat(Json.parse("\"1\"")).isNotEqualTo(Json.parse("1"));
        assertThat(JsonArray.of(1, "a", null)).isEqualTo(Json.parse("[1,\"a\",null]"));
    }
}
