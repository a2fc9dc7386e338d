package io.plugboard.host.internal.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 description of the REST API, kept by hand in {@code plugboard/openapi.json}; served with
 * its {@code servers} entry set to where the request found the host (scheme, host and base path), so that
 * tools calling the API from it reach this host, under its base path.
 */
public final class OpenApiDocument {

    private static final String PATH = "/plugboard/openapi.json";

    private static final String TEXT = load();

    private OpenApiDocument() {}

    public static String text() {
        return TEXT;
    }

    /** @param serverUrl the URL the paths are under, e.g. {@code https://hooks.example.com/plugboard} */
    public static String text(ObjectMapper mapper, String serverUrl) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(TEXT);
            document.putArray("servers").addObject().put("url", serverUrl).put("description", "This host.");
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
