package io.plugboard.host.internal.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.config.SectionsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 description of the REST API, kept by hand in {@code plugboard/openapi.json}, without
 * the operations of the sections that are off; served with its {@code servers} entry set to where the
 * request found the host (scheme, host and base path), so that tools calling the API from it reach this
 * host, under its base path.
 */
public final class OpenApiDocument {

    private static final String PATH = "/plugboard/openapi.json";

    private static final String TEXT = load();

    /** A section's operations: those with its tag, and single operations by id. */
    private record Owned(List<String> tags, List<String> operationIds) {}

    private OpenApiDocument() {}

    /** @return the whole description, every section on */
    public static String text() {
        return TEXT;
    }

    /**
     * @param document the description, e.g. from {@link #text(SectionsConfig)}
     * @param serverUrl the URL the paths are under, e.g. {@code https://hooks.example.com/plugboard}
     * @return the description with that one {@code servers} entry
     */
    public static String withServer(ObjectMapper mapper, String document, String serverUrl) {
        try {
            ObjectNode parsed = (ObjectNode) mapper.readTree(document);
            parsed.putArray("servers").addObject().put("url", serverUrl).put("description", "This host.");
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the description without the operations (and the tags left empty) of the sections that are off */
    public static String text(SectionsConfig sections) {
        List<Owned> off = new ArrayList<>();
        addIfOff(off, sections.upload(), new Owned(List.of(), List.of("uploadPlugin")));
        addIfOff(off, sections.inspector(), new Owned(List.of("Inspector"), List.of()));
        addIfOff(off, sections.inbound(), new Owned(List.of("Inbound webhooks"), List.of()));
        addIfOff(off, sections.testConsole(), new Owned(List.of(), List.of("consoleWebhook", "consoleWebhookForApp")));
        addIfOff(off, sections.secrets(), new Owned(List.of("Secrets"), List.of()));
        return off.isEmpty() ? TEXT : without(off);
    }

    private static void addIfOff(List<Owned> off, boolean on, Owned owned) {
        if (!on) {
            off.add(owned);
        }
    }

    private static String without(List<Owned> off) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            ObjectNode doc = (ObjectNode) mapper.readTree(TEXT);
            Set<String> offTags = new HashSet<>();
            Set<String> offIds = new HashSet<>();
            off.forEach(o -> {
                offTags.addAll(o.tags());
                offIds.addAll(o.operationIds());
            });
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                ObjectNode item = (ObjectNode) paths.next().getValue();
                item.properties().removeIf(op -> op.getValue().has("responses") && (offIds.contains(op.getValue()
                        .path("operationId").asText()) || anyTag(op.getValue(), offTags)));
                if (item.properties().stream().noneMatch(op -> op.getValue().has("responses"))) {
                    paths.remove();
                }
            }
            ArrayNode tags = (ArrayNode) doc.path("tags");
            for (Iterator<JsonNode> it = tags.elements(); it.hasNext(); ) {
                if (offTags.contains(it.next().path("name").asText())) {
                    it.remove();
                }
            }
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(PATH + " is not valid JSON", e);
        }
    }

    private static boolean anyTag(JsonNode operation, Set<String> tags) {
        for (JsonNode tag : operation.path("tags")) {
            if (tags.contains(tag.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is missing from the host jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
