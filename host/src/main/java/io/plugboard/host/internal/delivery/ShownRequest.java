package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.payloads.UsedSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the admin may see it: URL (or the destination), headers and body, with the token and
 * secret values masked; the method is {@code SEND} for a plugin's destination.
 */
public record ShownRequest(String method, String url, Map<String, String> headers, String body) {

    static ShownRequest of(WebhookRequest r, UsedSecrets used) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        return new ShownRequest(r.url() == null ? "SEND" : "POST", r.target(), new TreeMap<>(r.shownHeaders()),
                used == null ? body : used.mask(body));
    }
}
