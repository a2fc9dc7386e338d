package io.plugboard.host.internal.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 description of the REST API, kept by hand in {@code plugboard/openapi.json}. */
public final class OpenApiDocument {

    private static final String PATH = "/plugboard/openapi.json";

    private static final String TEXT = load();

    private OpenApiDocument() {}

    public static String text() {
        return TEXT;
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
