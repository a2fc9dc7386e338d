package io.plugboard.host.internal.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook's {@link EndpointAccess} as stored (V16): {@code client_tls} as settings the store seals whole,
 * {@code oauth} as a plain JSON object (it holds a secret's name, not its value); NULL for none.
 */
final class AccessColumns {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    /** @return the settings to seal; empty for none (stored as NULL) */
    Map<String, String> tlsColumn(ClientTls tls) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tls != null) {
            putIfSet(out, "certificate", tls.certificate());
            putIfSet(out, "key", tls.key());
            putIfSet(out, "ca", tls.ca());
        }
        return out;
    }

    /** @param opened the opened settings: empty for none, or when they no longer open (logged by the store) */
    ClientTls tls(Map<String, String> opened) {
        return opened.isEmpty() ? null : new ClientTls(opened.get("certificate"), opened.get("key"), opened.get("ca"));
    }

    String oauthColumn(OAuthClient oauth) {
        if (oauth == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("token_url", oauth.tokenUrl());
        out.put("client_id", oauth.clientId());
        out.put("client_secret", oauth.clientSecret());
        putIfSet(out, "scope", oauth.scope());
        try {
            return mapper.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the oauth settings", e);
        }
    }

    OAuthClient oauth(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, String> m = mapper.readValue(json, MAP);
            return new OAuthClient(m.get("token_url"), m.get("client_id"), m.get("client_secret"), m.get("scope"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored oauth settings are not a JSON object of strings", e);
        }
    }

    private static void putIfSet(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
