package io.plugboard.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SDK's side of routes and forms, without a host: headers, typed query values, specs, form results. */
class TestPluginRoutesAndFormsValues {

    private static JsonRequest query(Map<String, String> params) {
        return new JsonRequest() {
            public String method() { return "GET"; }
            public String path() { return "/x"; }
            public String pathParam(String name) { return null; }
            public String queryParam(String name) { return params.get(name); }
            public String body() { return ""; }
        };
    }

    @Test
    void responseHeadersAreCheckedAndReplacedWithoutRegardToCase() {
        JsonResponse r = JsonResponse.ok("{}").withHeader("ETag", "\"1\"").withHeader("etag", "\"2\"");
        assertThat(r.headers()).hasSize(1).containsEntry("etag", "\"2\"").containsEntry("ETAG", "\"2\"");
        assertThat(r.json()).isEqualTo("{}");
        assertThatThrownBy(() -> r.withHeader("Content-Type", "text/html")).hasMessage("the host writes the header Content-Type itself");
        assertThatThrownBy(() -> r.withHeader("Set-Cookie", "a=b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.withHeader("X-A", "1\r\nX-B: 2")).hasMessage("the header X-A needs a one-line value");
        assertThatThrownBy(() -> r.withHeader("X A", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new JsonResponse(201, "[]").headers()).isEmpty();
    }

    @Test
    void typedQueryValuesFallBackWhenMissingAndRefuseBadValuesNamingTheParameter() {
        JsonRequest r = query(Map.of("limit", "7", "big", "99999999999", "flag", "true", "blank", " "));
        assertThat(r.intQueryParam("limit", 20)).isEqualTo(7);
        assertThat(r.intQueryParam("missing", 20)).isEqualTo(20);
        assertThat(r.intQueryParam("blank", 3)).isEqualTo(3);
        assertThat(r.longQueryParam("big", 0)).isEqualTo(99_999_999_999L);
        assertThat(r.booleanQueryParam("flag", false)).isTrue();
        assertThatThrownBy(() -> r.intQueryParam("big", 0))
                .hasMessage("the query parameter 'big' must be a whole number, not '99999999999'");
        assertThatThrownBy(() -> r.intQueryParam("limit", 1, 1, 5))
                .hasMessage("the query parameter 'limit' must be a whole number from 1 to 5, not '7'");
        assertThatThrownBy(() -> r.booleanQueryParam("limit", false))
                .hasMessage("the query parameter 'limit' must be true or false, not '7'");
        assertThat(r.queryParams("limit")).containsExactly("7");
        assertThat(r.header("anything")).isNull();
        assertThatThrownBy(r::caller).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRouteSpecCombinesItsChecks() {
        RouteSpec spec = RouteSpec.post("/refunds").scope("admin")
                .allow(c -> c.kind() == Caller.Kind.TOKEN, "tokens only").allow(c -> c.name().startsWith("ops"), "ops only");
        Caller token = new Caller(Caller.Kind.TOKEN, "tok_1", "ops-bot", "admin", Set.of("admin"));
        Caller reader = new Caller(Caller.Kind.TOKEN, "tok_2", "ops-reader", "viewer", Set.of("read"));
        assertThat(spec.toString()).isEqualTo("POST /refunds");
        assertThat(spec.scope()).isEqualTo("admin");
        assertThat(spec.permission().test(token)).isTrue();
        assertThat(spec.permission().test(new Caller(Caller.Kind.SESSION, "adm_1", "ops", "admin", Set.of("admin")))).isFalse();
        assertThat(spec.refusal()).isEqualTo("ops only");
        assertThat(token.hasScope("read")).as("admin includes read").isTrue();
        assertThat(reader.hasScope("admin")).isFalse();
        assertThat(RouteSpec.get("/x").permission().test(reader)).isTrue();
    }

    @Test
    void formResultsRedirectOnlyUnderTheAdminAndNeedAnErrorToBeInvalid() {
        assertThat(FormResult.done("Saved.").redirect()).isNull();
        assertThat(FormResult.redirect("/admin/plugins/p/list", null).redirect()).isEqualTo("/admin/plugins/p/list");
        for (String bad : new String[] {"https://evil.example", "//evil.example/admin", "/administrator", "/admin/\r\nX: y", "/api/v1"}) {
            assertThatThrownBy(() -> FormResult.redirect(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FormResult.invalid(Map.of())).hasMessage("an invalid form has at least one field error");
        FormResult invalid = FormResult.invalid(Map.of("amount", "Enter an amount."));
        assertThat(invalid.isInvalid()).isTrue();
        assertThat(invalid.fieldErrors()).containsExactly(Map.entry("amount", "Enter an amount."));
    }
}
