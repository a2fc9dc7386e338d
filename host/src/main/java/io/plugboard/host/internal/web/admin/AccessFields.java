package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.outbound.ClientTls;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.OAuthClient;
import io.plugboard.host.internal.outbound.Webhook;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhook form's *Endpoint access* fields: mutual TLS (certificate, key, CA bundle; PEM) and OAuth client
 * credentials. A stored key is shown as {@link ClientTls#MASK}, which the host reads as "keep"; blank parts
 * remove what they stood for. Errors come by the API's names ({@code client_tls.key}, {@code oauth.scope}, …).
 */
record AccessFields(String certificate, String key, String ca, String tokenUrl, String clientId, String clientSecret,
                    String scope) {

    static final AccessFields EMPTY = new AccessFields("", "", "", "", "", "", "");

    static AccessFields of(Webhook w) {
        ClientTls t = w.settings().access().tls();
        OAuthClient o = w.settings().access().oauth();
        return new AccessFields(t == null ? "" : text(t.certificate()), t == null || t.key() == null ? "" : ClientTls.MASK,
                t == null ? "" : text(t.ca()), o == null ? "" : o.tokenUrl(), o == null ? "" : o.clientId(),
                o == null ? "" : o.clientSecret(), o == null ? "" : text(o.scope()));
    }

    static AccessFields of(Context ctx) {
        return new AccessFields(param(ctx, "client_tls_certificate"), param(ctx, "client_tls_key"), param(ctx, "client_tls_ca"),
                param(ctx, "oauth_token_url"), param(ctx, "oauth_client_id"), param(ctx, "oauth_client_secret"),
                param(ctx, "oauth_scope"));
    }

    /** @return what the fields say, the whole of it (the form always sends every field) */
    EndpointAccess.Changes changes() {
        ClientTls tls = certificate.isBlank() && key.isBlank() && ca.isBlank() ? null : new ClientTls(certificate, key, ca);
        OAuthClient oauth = tokenUrl.isBlank() && clientId.isBlank() && clientSecret.isBlank() && scope.isBlank() ? null
                : new OAuthClient(tokenUrl, clientId, clientSecret, scope);
        return new EndpointAccess.Changes(true, tls, true, oauth);
    }

    /** @return the errors of these fields, by their form names' suffix ({@code certificate}, {@code token_url}, …) */
    static Map<String, String> errors(Map<String, String> all) {
        Map<String, String> out = new HashMap<>();
        all.forEach((field, message) -> {
            if (field.startsWith("client_tls") || field.startsWith("oauth")) {
                out.put(field.replace('.', '_'), message);
            }
        });
        return out;
    }

    private static String param(Context ctx, String name) {
        return text(ctx.formParam(name));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
