package io.plugboard.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code plugins.json} and {@code .sig} files (snake_case keys, documented in
 * docs/plugin-repository.md). Reading checks everything a host relies on and names the first
 * problem with its place ({@code plugins[2].releases[0].sha512}); keys it does not know are ignored,
 * so a later format can add some.
 */
public final class IndexFormat {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private IndexFormat() {}

    /** @throws InvalidIndexException if the text is not a usable index of this format */
    public static PluginIndex readIndex(byte[] json) {
        PluginIndex index = parse(json, PluginIndex.class, "plugins.json");
        if (index.format() < 1 || index.format() > PluginIndex.FORMAT) {
            throw new InvalidIndexException("plugins.json has format " + index.format() + "; this host reads format "
                    + PluginIndex.FORMAT + " (update the host, or build the repository with a matching tool)");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < index.plugins().size(); i++) {
            PluginListing plugin = index.plugins().get(i);
            String at = "plugins[" + i + "]";
            if (plugin == null || plugin.id() == null || !ID.matcher(plugin.id()).matches()) {
                throw new InvalidIndexException(at + ".id must be a plugin id (letters, digits, '.', '_', '-')");
            }
            if (!ids.add(plugin.id())) {
                throw new InvalidIndexException(at + ".id '" + plugin.id() + "' is listed twice");
            }
            for (int r = 0; r < plugin.releases().size(); r++) {
                checkRelease(plugin.releases().get(r), at + ".releases[" + r + "]");
            }
        }
        return index;
    }

    /** @throws InvalidIndexException if the text is not a signature of the one known algorithm */
    public static ReleaseSignature readSignature(byte[] json) {
        ReleaseSignature signature = parse(json, ReleaseSignature.class, "the signature");
        checkSignature(signature, "the signature");
        return signature;
    }

    public static byte[] write(PluginIndex index) {
        return bytes(index);
    }

    public static byte[] write(ReleaseSignature signature) {
        return bytes(signature);
    }

    private static void checkRelease(Release release, String at) {
        if (release == null || release.version() == null || release.version().isBlank()) {
            throw new InvalidIndexException(at + ".version is missing");
        }
        if (release.url() == null || release.url().isBlank()) {
            throw new InvalidIndexException(at + ".url is missing");
        }
        if (release.sha512() == null || !SHA512.matcher(release.sha512()).matches()) {
            throw new InvalidIndexException(at + ".sha512 must be the jar's SHA-512 in 128 lower-case hex digits");
        }
        if (release.date() != null && !DATE.matcher(release.date()).matches()) {
            throw new InvalidIndexException(at + ".date must be a date such as 2026-12-05");
        }
        if (release.signature() != null) {
            checkSignature(release.signature(), at + ".signature");
        }
    }

    private static void checkSignature(ReleaseSignature signature, String at) {
        if (!ReleaseSignature.ED25519_SHA512.equals(signature.algorithm())) {
            throw new InvalidIndexException(at + ".algorithm must be '" + ReleaseSignature.ED25519_SHA512 + "'");
        }
        if (signature.keyId() == null || signature.value() == null) {
            throw new InvalidIndexException(at + " needs key_id and value");
        }
    }

    private static <T> T parse(byte[] json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidIndexException(what + " is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidIndexException(what + " is not valid: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidIndexException(what + " cannot be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
