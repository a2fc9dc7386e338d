package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.outbound.ClientTls;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.OAuthClient;
import java.util.Map;
import java.util.Set;

/**
 * Reads a webhook's {@code client_tls} ({@code certificate}, {@code key}, {@code ca}: PEM) and {@code oauth}
 * ({@code token_url}, {@code client_id}, {@code client_secret}: a secret's name, {@code scope}). An absent field
 * keeps what is stored, JSON null removes it; a wrong shape is a field problem, collected with the others.
 */
final class AccessInput {

    private static final Set<String> TLS = Set.of("certificate", "key", "ca");
    private static final Set<String> OAUTH = Set.of("token_url", "client_id", "client_secret", "scope");

    private AccessInput() {}

    static EndpointAccess.Changes read(JsonInput in) {
        boolean tlsGiven = in.has("client_tls");
        boolean oauthGiven = in.has("oauth");
        Map<String, String> tls = object(in, "client_tls", TLS);
        Map<String, String> oauth = object(in, "oauth", OAUTH);
        return new EndpointAccess.Changes(tlsGiven,
                tls == null ? null : new ClientTls(tls.get("certificate"), tls.get("key"), tls.get("ca")),
                oauthGiven, oauth == null ? null : new OAuthClient(oauth.get("token_url"), oauth.get("client_id"),
                        oauth.get("client_secret"), oauth.get("scope")));
    }

    private static Map<String, String> object(JsonInput in, String field, Set<String> keys) {
        JsonNode node = in.node(field);
        if (node != null && node.isObject()) {
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!keys.contains(key)) {
                    in.problem(field + "." + key, field + " has only " + String.join(", ", keys.stream().sorted().toList())
                            + ", not " + key);
                }
            }
        }
        return in.settings(field, node);
    }
}
