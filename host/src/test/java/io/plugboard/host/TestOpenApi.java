package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.plugboard.host.testing.Await;
import io.plugboard.host.plugins.PluginRepositoryFolder;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps {@code plugboard/openapi.json} honest against the running host: it describes exactly the routes
 * the host serves, its request examples are accepted, and the statuses, bodies, limits and security it
 * documents are what the host answers.
 *
 * <p>The tests share one host (and its plugin repository), since starting them was most of the class's time.
 * None relies on another: an operation that changes or deletes something gets a fixture of its own, the
 * reads share one set made when first asked for, and the examples that create something under a fixed name
 * (the application {@code acme}, ...) find it removed first ({@link #makeRoomForExample}), so each test runs
 * alone or in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestOpenApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    /** Nothing listens on the discard port of the loopback address: attempts fail at once, "connection refused". */
    private static final String UNREACHABLE = "http://127.0.0.1:9/x";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    /** By operationId: what the operation's example creates under a fixed name, as the path that deletes it. */
    private static final Map<String, String> CREATED_BY_EXAMPLE = Map.of(
            "createApplication", "/api/v1/apps/acme?confirm=acme",
            "createAdmin", "/api/v1/admins/ops",
            "createSecret", "/api/v1/secrets/SLACK_TOKEN",
            "installPlugin", "/api/v1/plugins/invoice");

    /** One documented operation: a method of a path item. */
    private record Operation(String method, String path, JsonNode pathItem, JsonNode node) {

        String id() {
            return node.path("operationId").asText(method + " " + path);
        }

        String route() {
            return method.toUpperCase() + " " + path;
        }

        boolean isPublic() {
            return node.has("security") && node.get("security").isArray() && node.get("security").isEmpty();
        }

        JsonNode requestBody() {
            return node.path("requestBody");
        }

        /** @return the JSON request body's example as text, or null when the operation takes no body */
        boolean multipart() {
            return requestBody().path("content").has("multipart/form-data");
        }

        String example() {
            JsonNode example = requestBody().path("content").path("application/json").path("example");
            return example.isMissingNode() ? null : example.toString();
        }

        List<JsonNode> parameters() {
            List<JsonNode> out = new ArrayList<>();
            pathItem.path("parameters").forEach(out::add);
            node.path("parameters").forEach(out::add);
            return out;
        }

        Set<Integer> statuses() {
            Set<Integer> out = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(code -> out.add(Integer.parseInt(code)));
            return out;
        }
    }

    private TestHost host;
    private PluginRepositoryFolder repository;
    private Http http;
    private JsonNode doc;
    private String webhook;
    private String delivery;
    private String inbound;
    private int fixtures;
    /** Each schema checked against, compiled once (with every component schema: the slow part of a check). */
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    @BeforeAll
    void start() {
        Path plugins = TestHost.tempDir("plugins");
        // A plugin, so that the plugin list has an item whose shape can be checked, with a setting and
        // a JSON route that echoes, for the plugin settings and the plugin route prefix.
        PluginJar.plugin("docs").manifest("Plugin-Class", "test.docs.Main").source("test.docs.Main", """
                package test.docs;
                import io.plugboard.sdk.*;
                import io.plugboard.sdk.settings.*;
                import io.plugboard.sdk.web.*;
                import java.util.List;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() {
                        context().settings().declare(List.of(Setting.builder("greeting", SettingType.STRING).build()));
                        JsonHandler echo = r -> JsonResponse.ok(r.body().isBlank() ? "{}" : r.body());
                        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                            context().routes().add(method, "/echo", echo);
                        }
                    }
                }
                """).writeTo(plugins);
        // A receiver plugin as the build made it, so that inbound webhooks can be created and fed.
        try {
            java.nio.file.Files.copy(Path.of("target", "receiver-plugins", "generic-json-receiver.jar"),
                    plugins.resolve("generic-json-receiver.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("run the build through Maven, which copies the receiver plugins", e);
        }
        // A plugin repository with two versions of one plugin, for install and update.
        repository = new PluginRepositoryFolder();
        repository.add(PluginRepositoryFolder.invoice("1.0.0"), "invoice", "1.0.0", null);
        repository.add(PluginRepositoryFolder.invoice("1.0.1"), "invoice", "1.0.1", "Fixes rounding.");
        repository.buildSigned();
        host = TestHost.start(plugins, TestHost.tempDir("data"),
                b -> b.pluginRepository(repository.url()).trustedPluginKeys(repository.trustedKeys));
        http = host.http();
        Http.Response served = http.get("/api/v1/openapi.json");
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        doc = served.json();
    }

    @AfterAll
    void stop() {
        host.close();
        repository.close();
    }

    @Test
    void theHostServesTheDescription() {
        Http.Response r = http.get("/api/v1/openapi.json");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode served = r.json();
        assertThat(served.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served.path("info").path("title").asText()).isEqualTo("Plugboard");
        assertThat(served.path("info").path("version").asText()).isEqualTo("0.1.0");
        assertThat(served.path("paths").size()).as("paths").isGreaterThan(0);
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Set<String> served = new TreeSet<>();
        for (String route : host.host().routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics")) {
                // Javalin's <path> (slashes allowed) is written {path} in OpenAPI.
                served.add(route.replace("<path>", "{path}"));
            }
        }
        Set<String> documented = new TreeSet<>();
        operations().forEach(op -> documented.add(op.route()));

        assertThat(served).as("the host's routes (sanity)")
                .contains("GET /health", "GET /metrics", "GET /api/v1/openapi.json", "POST /api/v1/webhooks");
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(served);
        assertThat(undocumented).as("routes the host serves that openapi.json does not describe").isEmpty();
        assertThat(stale).as("operations in openapi.json that the host does not serve").isEmpty();
    }

    @Test
    void everyOperationIsDescribedCompletely() {
        SoftAssertions soft = new SoftAssertions();
        Set<String> ids = new HashSet<>();
        for (Operation op : operations()) {
            String at = op.route() + ": ";
            soft.assertThat(op.node.path("operationId").asText()).as(at + "operationId").isNotBlank();
            soft.assertThat(ids.add(op.id())).as(at + "operationId " + op.id() + " is unique").isTrue();
            soft.assertThat(op.node.path("summary").asText()).as(at + "summary").isNotBlank();

            Set<String> templated = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(op.path);
            while (m.find()) {
                templated.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : op.parameters()) {
                soft.assertThat(p.path("schema").path("type").isMissingNode())
                        .as(at + "parameter " + p.path("name").asText() + " has a schema with a type").isFalse();
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                    soft.assertThat(p.path("required").asBoolean()).as(at + "path parameters are required").isTrue();
                }
            }
            soft.assertThat(declared).as(at + "path parameters").isEqualTo(templated);

            Set<Integer> statuses = op.statuses();
            soft.assertThat(statuses).as(at + "a 2xx response").anyMatch(s -> s >= 200 && s < 300);
            op.node.path("responses").fields().forEachRemaining(e -> {
                JsonNode response = resolve(e.getValue());
                int status = Integer.parseInt(e.getKey());
                soft.assertThat(response.path("description").asText()).as(at + e.getKey() + " description").isNotBlank();
                if (status != 204) {
                    soft.assertThat(response.path("content").size()).as(at + e.getKey() + " has content").isPositive();
                    response.path("content").fields().forEachRemaining(c -> soft.assertThat(c.getValue().has("schema"))
                            .as(at + e.getKey() + " " + c.getKey() + " has a schema").isTrue());
                }
                if (status >= 400 && response.path("content").has("application/json")) {
                    soft.assertThat(response.path("content").path("application/json").path("schema")
                            .path("$ref").asText()).as(at + e.getKey() + " uses the Error schema")
                            .isEqualTo("#/components/schemas/Error");
                }
            });
            if (!op.isPublic()) {
                soft.assertThat(statuses).as(at + "needs credentials, so documents 401").contains(401);
            }
            if (!op.requestBody().isMissingNode() && op.multipart()) {
                soft.assertThat(op.requestBody().path("content").path("multipart/form-data").has("schema"))
                        .as(at + "multipart request body schema").isTrue();
                soft.assertThat(statuses).as(at + "takes a file, so documents 400, 413 and 415").contains(400, 413, 415);
            } else if (!op.requestBody().isMissingNode()) {
                JsonNode json = op.requestBody().path("content").path("application/json");
                soft.assertThat(json.has("schema")).as(at + "request body schema").isTrue();
                soft.assertThat(json.has("example")).as(at + "request body example").isTrue();
                soft.assertThat(statuses).as(at + "takes a body, so documents 400 and 413").contains(400, 413);
            }
            if (!op.parameters().isEmpty() && op.parameters().stream().anyMatch(p -> p.path("in").asText().equals("path"))) {
                soft.assertThat(statuses).as(at + "has an id or key, so documents 404").contains(404);
            }
        }
        soft.assertThat(ids).as("operations (sanity)").hasSizeGreaterThan(10);

        soft.assertThat(doc.path("components").path("schemas").fieldNames()).toIterable().as("schemas")
                .contains("Webhook", "WebhookInput", "WebhookList", "EventType", "EventTypeList", "EventInput",
                        "Delivery", "DeliveryList", "Attempt", "Stats", "Plugin", "PluginList", "ApiToken",
                        "ApiTokenList", "TestResult", "Error");
        JsonNode schemes = doc.path("components").path("securitySchemes");
        soft.assertThat(schemes.path("bearerAuth").path("type").asText()).isEqualTo("http");
        soft.assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        soft.assertThat(schemes.path("basicAuth").path("type").asText()).isEqualTo("http");
        soft.assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        soft.assertThat(doc.path("security").toString()).as("global security")
                .isEqualTo("[{\"bearerAuth\":[]},{\"basicAuth\":[]}]");
        for (String ref : refs(doc, new ArrayList<>())) {
            soft.assertThat(pointer(ref).isMissingNode()).as("$ref " + ref + " resolves").isFalse();
        }
        soft.assertAll();
    }

    @Test
    void everyRequestBodyExampleIsValidAndAccepted() {
        List<String> tried = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations()) {
            String example = op.example();
            if (example == null) {
                continue;
            }
            tried.add(op.id());
            JsonNode schema = op.requestBody().path("content").path("application/json").path("schema");
            soft.assertThat(violations(schema, parse(example))).as(op.route() + ": the example matches its schema")
                    .isEmpty();
            makeRoomForExample(op);
            Http.Response r = send(http, op.method, concrete(op.path, true), example);
            soft.assertThat(r.status()).as(op.route() + " with its example answered " + r.body())
                    .isBetween(200, 299)
                    .isIn(op.statuses());
        }
        soft.assertThat(tried).as("operations with a request body example")
                .contains("createWebhook", "updateWebhook", "testWebhook", "emitEvent", "recoverWebhookDeliveries",
                        "createToken");
        soft.assertAll();
    }

    @Test
    void everyOperationAnswersWithADocumentedStatusAndBody() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Operation op : operations()) {
            makeRoomForExample(op);
            // GETs read the webhook that has a delivery, so that lists have items to check; the rest get
            // a fresh webhook or token of their own (one is deleted, one revoked).
            Http.Response r = op.multipart() ? uploadPlugin(op.path)
                    : send(http, op.method, concrete(op.path, !op.method.equals("get")), op.example());
            soft.assertThat(r.status()).as(op.route() + " answered " + r.body()).isBetween(200, 299);
            if (matchesDocumented(soft, op, r)) {
                checked++;
            }
        }
        soft.assertThat(checked).as("JSON answers checked against their schemas").isGreaterThan(15);
        soft.assertAll();
    }

    @Test
    void operationsThatNeedCredentialsAnswer401WithoutThemAndPublicOnesDoNot() {
        Http anonymous = new Http(host.host().baseUrl());
        SoftAssertions soft = new SoftAssertions();
        Set<String> publicRoutes = new TreeSet<>();
        for (Operation op : operations()) {
            Http.Response r = send(anonymous, op.method, TEMPLATE.matcher(op.path).replaceAll("x"), op.example());
            if (op.isPublic()) {
                publicRoutes.add(op.route());
                soft.assertThat(r.status()).as(op.route() + " is documented as public, but answered " + r.body())
                        .isBetween(200, 299);
            } else {
                soft.assertThat(r.status()).as(op.route() + " is documented as needing credentials").isEqualTo(401);
                soft.assertThat(r.header("WWW-Authenticate")).as(op.route() + " WWW-Authenticate").isNotNull();
                matchesDocumented(soft, op, r);
            }
        }
        soft.assertThat(publicRoutes).as("public operations").contains("GET /health");
        soft.assertAll();
    }

    @Test
    void unknownIdsAreDocumented404s() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Operation op : operations()) {
            if (!TEMPLATE.matcher(op.path).find()) {
                continue;
            }
            Http.Response r = send(http, op.method, TEMPLATE.matcher(op.path).replaceAll("nope_0"), op.example());
            soft.assertThat(r.status()).as(op.route() + " with an unknown id answered " + r.body()).isEqualTo(404);
            matchesDocumented(soft, op, r);
            checked++;
        }
        soft.assertThat(checked).as("operations with an id or key").isGreaterThan(5);
        soft.assertAll();
    }

    @Test
    void requestBodiesAreCheckedAsDocumented() {
        SoftAssertions soft = new SoftAssertions();
        for (Operation op : operations()) {
            String example = op.example();
            if (example == null) {
                continue;
            }
            JsonNode schema = resolve(op.requestBody().path("content").path("application/json").path("schema"));
            // As on a fresh host, where nothing has the example's name yet (else a conflict might come first).
            makeRoomForExample(op);
            if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                ObjectNode extra = (ObjectNode) parse(example);
                extra.put("unexpected_field", 1);
                Http.Response r = send(http, op.method, concrete(op.path, true), extra.toString());
                soft.assertThat(r.status()).as(op.route() + " refuses unknown fields, as documented: " + r.body())
                        .isEqualTo(400);
                soft.assertThat(r.json().path("error").asText()).as(op.route()).contains("unexpected_field");
                matchesDocumented(soft, op, r);
            }
            for (String required : iterable(schema.path("required"))) {
                ObjectNode missing = (ObjectNode) parse(example);
                missing.remove(required);
                Http.Response r = send(http, op.method, concrete(op.path, true), missing.toString());
                soft.assertThat(r.status()).as(op.route() + " without the required " + required + ": " + r.body())
                        .isEqualTo(400);
                matchesDocumented(soft, op, r);
            }
            if (op.statuses().contains(413)) {
                // The host's limit, 1 MiB, unless the operation documents its own (x-max-bytes: the batch).
                long limit = op.requestBody().path("x-max-bytes").asLong(1_048_576);
                String oversized = "{\"x\":\"" + "x".repeat((int) limit + 50_000) + "\"}";
                Http.Response r = send(http, op.method, concrete(op.path, true), oversized);
                soft.assertThat(r.status()).as(op.route() + " with a body over " + limit + " bytes").isEqualTo(413);
                matchesDocumented(soft, op, r);
            }
        }
        soft.assertAll();
    }

    @Test
    void queryParameterLimitsAreTheHosts() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Operation op : operations()) {
            // Made only for an operation with a query parameter: for some, making it makes fixtures (a waiting
            // downgrade, an installed plugin) that nothing here would use.
            String path = null;
            for (JsonNode p : op.parameters()) {
                if (!p.path("in").asText().equals("query")) {
                    continue;
                }
                if (path == null) {
                    path = concrete(op.path, false);
                }
                String name = p.path("name").asText();
                JsonNode schema = p.path("schema");
                List<String> good = new ArrayList<>();
                List<String> bad = new ArrayList<>();
                switch (schema.path("type").asText()) {
                    case "integer" -> {
                        if (schema.has("minimum")) {
                            good.add(schema.get("minimum").asText());
                            bad.add(String.valueOf(schema.get("minimum").asLong() - 1));
                        }
                        if (schema.has("maximum")) {
                            good.add(schema.get("maximum").asText());
                            bad.add(String.valueOf(schema.get("maximum").asLong() + 1));
                        }
                        bad.add("abc");
                    }
                    case "boolean" -> {
                        good.addAll(List.of("true", "false"));
                        bad.add("maybe");
                    }
                    case "string" -> {
                        if (schema.has("enum")) {
                            schema.get("enum").forEach(v -> good.add(v.asText()));
                            bad.add("bogus");
                        } else {
                            good.add("anything");
                        }
                    }
                    default -> soft.fail(op.route() + ": no check for a query parameter of type " + schema);
                }
                for (String value : good) {
                    Http.Response r = http.get(path + "?" + name + "=" + value);
                    soft.assertThat(r.status()).as(op.route() + " ?" + name + "=" + value + ": " + r.body()).isEqualTo(200);
                    checked++;
                }
                for (String value : bad) {
                    Http.Response r = http.get(path + "?" + name + "=" + value);
                    soft.assertThat(r.status()).as(op.route() + " ?" + name + "=" + value + ": " + r.body()).isEqualTo(400);
                    soft.assertThat(r.json().path("details").has(name)).as(op.route() + " names " + name).isTrue();
                    matchesDocumented(soft, op, r);
                    checked++;
                }
            }
        }
        soft.assertThat(checked).as("query parameter values tried").isGreaterThan(10);
        soft.assertAll();
    }

    // ---- the document ----

    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    out.add(new Operation(method, path.getKey(), path.getValue(), path.getValue().get(method)));
                }
            }
        });
        return out;
    }

    private JsonNode pointer(String ref) {
        assertThat(ref).as("only local references").startsWith("#/");
        return doc.at(ref.substring(1));
    }

    /** @return the node, or what its {@code $ref} points to */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(pointer(node.get("$ref").asText())) : node;
    }

    private static List<String> refs(JsonNode node, List<String> out) {
        if (node.isObject() && node.has("$ref")) {
            out.add(node.get("$ref").asText());
        }
        node.forEach(child -> refs(child, out));
        return out;
    }

    /**
     * Checks an answer against the operation's documented response for its status: that the status is
     * documented, the documented headers are sent, the Content-Type is the documented media type, and a
     * JSON body matches the documented schema.
     *
     * @return whether a JSON body was checked against a schema
     */
    private boolean matchesDocumented(SoftAssertions soft, Operation op, Http.Response r) {
        String at = op.route() + " answered " + r.status() + " " + abbreviate(r.body()) + ": ";
        soft.assertThat(op.statuses()).as(at + "documented statuses").contains(r.status());
        JsonNode response = resolve(op.node.path("responses").path(String.valueOf(r.status())));
        if (response.isMissingNode()) {
            return false;
        }
        // A header documented with "required": false is sent only sometimes (e.g. Idempotent-Replayed).
        response.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().path("required").asBoolean(true)) {
                soft.assertThat(r.header(h.getKey())).as(at + "header " + h.getKey()).isNotNull();
            }
        });
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            soft.assertThat(r.body()).as(at + "no body").isEmpty();
            return false;
        }
        String mediaType = content.fieldNames().next();
        String sent = r.header("Content-Type");
        if (sent == null || !sent.replace(" ", "").startsWith(mediaType.replace(" ", ""))) {
            soft.fail(at + "Content-Type " + sent + " is not the documented " + mediaType);
            return false;
        }
        if (!mediaType.equals("application/json")) {
            return false;
        }
        soft.assertThat(violations(content.path(mediaType).path("schema"), r.json()))
                .as(at + "the body matches the documented schema (no undocumented fields)").isEmpty();
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    /**
     * Validates against a schema of the document (JSON Schema 2020-12, as OpenAPI 3.1 uses), strictly:
     * an object schema that lists its properties is taken to allow no others, so a field the host sends
     * but the description does not mention is reported.
     */
    private List<String> violations(JsonNode schema, JsonNode value) {
        JsonSchema strictSchema = compiled.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("allOf", MAPPER.createArrayNode().add(strict(schema.deepCopy())));
            ObjectNode defs = root.putObject("$defs");
            doc.path("components").path("schemas").fields().forEachRemaining(e ->
                    defs.set(e.getKey(), strict(e.getValue().deepCopy())));
            return SCHEMAS.getSchema(root, SCHEMA_CONFIG);
        });
        return strictSchema.validate(value).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                object.put("$ref", "#/$defs/" + ref.asText().substring("#/components/schemas/".length()));
            }
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            if (object.path("properties").isObject()) {
                object.get("properties").forEach(TestOpenApi::strict);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("properties") && !e.getKey().equals("examples")
                        && !e.getKey().equals("example") && !e.getKey().equals("default")) {
                    strict(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(TestOpenApi::strict);
        }
        return node;
    }

    // ---- the host ----

    /**
     * Deletes what the operation's example creates under a fixed name ({@link #CREATED_BY_EXAMPLE}) if an
     * earlier test made it, so that the example creates it anew, as on a fresh host.
     */
    private void makeRoomForExample(Operation op) {
        String made = CREATED_BY_EXAMPLE.get(op.id());
        if (made != null) {
            Http.Response r = http.delete(made);
            assertThat(r.status()).as("deleting " + made + ": " + r.body()).isIn(204, 404);
        }
    }

    /** @return the id of the repository's plugin, installed at 1.0.0 (the update example asks for 1.0.1) */
    private String installedFromRepository() {
        Http.Response installed = http.get("/api/v1/plugins/invoice");
        if (installed.status() == 200 && installed.json().path("version").asText().equals("1.0.0")) {
            return "invoice";
        }
        if (installed.status() != 404) {
            // Updated by an earlier test: uninstalled, to be installed at 1.0.0 again.
            Http.Response r = http.delete("/api/v1/plugins/invoice");
            assertThat(r.status()).as(installed.body() + " then " + r.body()).isEqualTo(204);
        }
        Http.Response r = http.postJson("/api/v1/plugins/install", "{\"id\": \"invoice\", \"version\": \"1.0.0\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "invoice";
    }

    /** @return the path with its parameter replaced by a real id: a fresh webhook or token when {@code fresh} */
    private String concrete(String path, boolean fresh) {
        if (path.startsWith("/api/v1/apps/{app}/")) {
            // A route of one application: the default one's, whose fixtures the routes without an application make.
            String rest = "/api/v1" + path.substring("/api/v1/apps/{app}".length());
            return "/api/v1/apps/default" + concrete(rest, fresh).substring("/api/v1".length());
        }
        if (!path.contains("{")) {
            return path;
        }
        String appPrefix = "/api/v1/apps/{app}";
        if (path.startsWith(appPrefix + "/")) {
            // A per-application route, in the default application, whose resources today's paths make.
            String today = concrete("/api/v1" + path.substring(appPrefix.length()), fresh);
            return "/api/v1/apps/default" + today.substring("/api/v1".length());
        }
        if (path.equals(appPrefix)) {
            if (!fresh) {
                return "/api/v1/apps/default";
            }
            // A fresh application may be changed or deleted (the delete's confirm is its uid; a PATCH ignores it).
            String uid = newApp();
            return "/api/v1/apps/" + uid + "?confirm=" + uid;
        }
        if (path.startsWith("/api/v1/plugins/{plugin_id}/")) {
            return path.replace("{plugin_id}", "docs").replace("{path}", "echo");
        }
        if (path.equals("/api/v1/apps/{app}/portal-links")) {
            return path.replace("{app}", "default"); // the default application, which every host has
        }
        String value;
        if (path.startsWith("/api/v1/webhooks/{id}")) {
            value = fresh ? newWebhook() : webhookWithDelivery();
        } else if (path.startsWith("/api/v1/deliveries/replay/{id}")) {
            Http.Response r = http.postJson("/api/v1/deliveries/replay", "{\"status\":\"any\",\"response_status\":\"418\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            value = r.json().path("id").asText();
        } else if (path.startsWith("/api/v1/deliveries/{id}")) {
            webhookWithDelivery();
            value = delivery;
        } else if (path.startsWith("/api/v1/inbound-webhooks/{id}")) {
            value = fresh ? newInbound().path("id").asText() : inboundWithTraffic();
        } else if (path.startsWith("/api/v1/tokens/{id}")) {
            value = newToken();
        } else if (path.startsWith("/api/v1/secrets/{name}")) {
            value = "FIXTURE_" + (fixtures++);
            Http.Response r = http.postJson("/api/v1/secrets", "{\"name\":\"" + value + "\",\"value\":\"v\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        } else if (path.startsWith("/api/v1/inspector/{id}")) {
            Http.Response r = http.postJson("/api/v1/inspector", "");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            value = r.json().path("id").asText();
        } else if (path.startsWith("/api/v1/admins/{username}/password")) {
            // Its example carries TestHost.PASSWORD as the current password: an admin of its own with it, so
            // that the admin the tests sign in as keeps its password.
            value = newAdmin(TestHost.PASSWORD);
        } else if (path.startsWith("/api/v1/admins/{username}")) {
            value = newAdmin("fixture passphrase");
        } else if (path.startsWith("/api/v1/event-types/{key}")) {
            value = "order_placed";
        } else if (path.equals("/api/v1/plugins/{id}/downgrade")) {
            value = waitingDowngrade();
        } else if (path.equals("/api/v1/plugins/{id}/update")) {
            value = installedFromRepository();
        } else if (path.startsWith("/api/v1/plugins/{id}")) {
            value = fresh ? uploadPlugin("/api/v1/plugins").json().path("id").asText() : "docs";
        } else {
            throw new AssertionError("TestOpenApi has no real value for the parameter of " + path + "; add one");
        }
        String out = TEMPLATE.matcher(path).replaceFirst(value);
        assertThat(out).as("one parameter per path").doesNotContain("{");
        return out;
    }

    private int uploads;

    /** Uploads a fresh plugin jar, as a client of the multipart upload would. */
    private Http.Response uploadPlugin(String path) {
        try {
            Path jar = PluginJar.plugin("fixture" + (++uploads)).writeTo(TestHost.tempDir("upload"));
            Http.Response r = http.postMultipart(path, "jar", "fixture.jar", java.nio.file.Files.readAllBytes(jar),
                    java.util.Map.of());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a plugin uploaded as 2.0.0 whose jar in the plugins folder now holds 1.0.0: a downgrade waiting */
    private String waitingDowngrade() {
        String id = "lowered" + (++uploads);
        Http.Response r = http.postMultipart("/api/v1/plugins", "jar", id + ".jar",
                PluginJar.plugin(id).manifest("Plugin-Version", "2.0.0").bytes(), java.util.Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        try {
            java.nio.file.Files.write(host.pluginsDir().resolve(r.json().path("file").asText()),
                    PluginJar.plugin(id).manifest("Plugin-Description", "the lower version").bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // This plugin's row: another test's downgrade may wait too.
        Await.until("the downgrade of " + id + " waits", () -> {
            for (JsonNode listed : http.get("/api/v1/plugins").json().path("data")) {
                if (listed.path("id").asText().equals(id)
                        && listed.path("reason").asText().contains("is lower than the installed 2.0.0")) {
                    return true;
                }
            }
            return false;
        });
        return id;
    }

    private String newWebhook() {
        return host.createWebhook("Fixture", UNREACHABLE, "order_placed", "ping").get("id").asText();
    }

    private JsonNode newInbound() {
        Http.Response r = http.postJson("/api/v1/inbound-webhooks",
                "{\"name\":\"Fixture\",\"receiver\":\"generic-json\",\"settings\":{\"id_pointer\":\"/id\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** An inbound webhook that received one event and refused one request, so that its lists have items. */
    private String inboundWithTraffic() {
        if (inbound != null) {
            return inbound;
        }
        JsonNode created = newInbound();
        inbound = created.path("id").asText();
        String url = created.path("url").asText();
        Http anonymous = new Http(host.host().baseUrl());
        assertThat(anonymous.postJson(url.substring(url.indexOf("/hooks/in/")), "{\"id\":\"doc-1\",\"n\":1}").status())
                .isEqualTo(202);
        assertThat(anonymous.postJson(url.substring(url.indexOf("/hooks/in/")), "not json").status()).isEqualTo(400);
        return inbound;
    }

    private String newAdmin(String password) {
        String name = "fixture" + System.nanoTime();
        Http.Response r = http.postJson("/api/v1/admins", Http.json(Map.of("username", name, "password", password)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return name;
    }

    /** @return the uid of a new application, {@code fixture} and the fixture count */
    private String newApp() {
        String uid = "fixture" + (++fixtures);
        Http.Response r = http.postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"Fixture\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return uid;
    }

    private String newToken() {
        Http.Response r = http.postJson("/api/v1/tokens", "{\"name\":\"fixture\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("token").path("id").asText();
    }

    /** A webhook with one delivery of a {@code ping} emitted through the API, after its first attempt. */
    private String webhookWithDelivery() {
        if (webhook != null) {
            return webhook;
        }
        webhook = newWebhook();
        Http.Response emitted = http.postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":1}}");
        assertThat(emitted.status()).as(emitted.body()).isEqualTo(202);
        JsonNode list = http.get("/api/v1/webhooks/" + webhook + "/deliveries").json();
        assertThat(list.path("data")).as(list.toString()).hasSize(1);
        delivery = list.path("data").get(0).path("id").asText();
        Await.until("the delivery's first attempt", () -> !http.get("/api/v1/deliveries/" + delivery).json()
                .path("attempts").isEmpty());
        return webhook;
    }

    private static Http.Response send(Http client, String method, String path, String body) {
        return switch (method) {
            case "get" -> client.get(path);
            case "delete" -> client.delete(path);
            case "post" -> client.postJson(path, body == null ? "" : body);
            case "patch" -> client.patchJson(path, body == null ? "" : body);
            case "put" -> client.putJson(path, body == null ? "" : body);
            default -> throw new AssertionError("TestOpenApi cannot send " + method + " yet; add it");
        };
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> iterable(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
