package io.plugboard.host.internal.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a webhook's {@link EndpointAccess} at save time, so a delivery never meets a PEM that does not parse,
 * a key that is not the certificate's, or a secret that is not there. Problems go into the caller's map, one
 * per field ({@code client_tls.key}, {@code oauth.token_url}, …); no message quotes the key.
 */
final class EndpointAccessCheck {

    static final int MAX_PEM_LENGTH = 65_536;
    static final int MAX_TEXT_LENGTH = 512;

    private final TargetGuard guard;
    private final Function<String, Set<String>> secretNames;

    /** @param secretNames the names of an application's secrets, by its id */
    EndpointAccessCheck(TargetGuard guard, Function<String, Set<String>> secretNames) {
        this.guard = guard;
        this.secretNames = secretNames;
    }

    /** @return the access normalised (blank parts as null), or what was given when there are problems */
    /** @param app the webhook's application: its OAuth client secret must name one of that application's secrets */
    EndpointAccess check(String app, EndpointAccess access, boolean http, boolean hasToken, Map<String, String> errors) {
        if (access.isNone()) {
            return access;
        }
        if (!http) {
            errors.put(access.tls() != null ? "client_tls" : "oauth",
                    "client_tls and oauth are for HTTP webhooks; a destination's own settings say how it connects");
            return access;
        }
        ClientTls tls = access.tls() == null ? null : tls(access.tls(), errors);
        OAuthClient oauth = access.oauth() == null ? null : oauth(app, access.oauth(), errors);
        if (oauth != null && hasToken) {
            errors.put("oauth", "a token and oauth cannot both be set: the token endpoint's token is the bearer token");
        }
        return new EndpointAccess(tls, oauth);
    }

    private static ClientTls tls(ClientTls given, Map<String, String> errors) {
        String certificate = blankToNull(given.certificate());
        String key = blankToNull(given.key());
        String ca = blankToNull(given.ca());
        if (certificate == null && key == null && ca == null) {
            return null;
        }
        if (tooLong("client_tls.certificate", certificate, errors) | tooLong("client_tls.key", key, errors)
                | tooLong("client_tls.ca", ca, errors)) {
            return given;
        }
        if (certificate == null && key != null) {
            errors.put("client_tls.certificate", "client_tls.certificate is required with a key");
        } else if (certificate != null && key == null) {
            errors.put("client_tls.key", "client_tls.key is required with a certificate (its private key, PEM)");
        } else if (certificate != null) {
            pair(certificate, key, errors);
        }
        if (ca != null) {
            try {
                PemMaterial.certificates(ca, "client_tls.ca");
            } catch (PemMaterial.Problem e) {
                errors.put("client_tls.ca", e.getMessage());
            }
        }
        return new ClientTls(certificate, key, ca);
    }

    private static void pair(String certificate, String key, Map<String, String> errors) {
        X509Certificate first;
        try {
            first = PemMaterial.certificates(certificate, "client_tls.certificate").get(0);
        } catch (PemMaterial.Problem e) {
            errors.put("client_tls.certificate", e.getMessage());
            return;
        }
        try {
            PrivateKey parsed = PemMaterial.privateKey(key);
            PemMaterial.checkPair(parsed, first);
        } catch (PemMaterial.Problem e) {
            errors.put("client_tls.key", "client_tls." + e.getMessage());
        }
    }

    private OAuthClient oauth(String app, OAuthClient given, Map<String, String> errors) {
        String url = blankToNull(given.tokenUrl());
        String clientId = blankToNull(given.clientId());
        String secret = blankToNull(given.clientSecret());
        String scope = blankToNull(given.scope());
        if (url == null && clientId == null && secret == null && scope == null) {
            return null;
        }
        tokenUrl(url, errors);
        if (clientId == null) {
            errors.put("oauth.client_id", "oauth.client_id is required");
        } else {
            printable("oauth.client_id", clientId, errors);
        }
        if (secret == null) {
            errors.put("oauth.client_secret", "oauth.client_secret is required: the name of a secret (Secrets page)");
        } else if (!secretNames.apply(app).contains(secret)) {
            errors.put("oauth.client_secret", "oauth.client_secret names no secret: add the secret '" + secret
                    + "' first (Secrets page, or PUT /api/v1/secrets/" + secret + ")");
        }
        if (scope != null) {
            printable("oauth.scope", scope, errors);
        }
        return new OAuthClient(url, clientId, secret, scope);
    }

    private void tokenUrl(String url, Map<String, String> errors) {
        String field = "oauth.token_url";
        if (url == null) {
            errors.put(field, field + " is required");
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > WebhookValidator.MAX_URL_LENGTH || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null) {
                errors.put(field, field + " must be an http:// or https:// URL naming a host, at most "
                        + WebhookValidator.MAX_URL_LENGTH + " characters");
            } else if (uri.getRawUserInfo() != null) {
                errors.put(field, field + " must not contain a user name or password: give client_id and client_secret");
            } else {
                guard.refusal(uri).ifPresent(reason -> errors.put(field, field + " is not allowed: " + reason));
            }
        } catch (URISyntaxException e) {
            errors.put(field, field + " is not a valid URL: " + e.getReason());
        }
    }

    private static void printable(String field, String value, Map<String, String> errors) {
        if (value.length() > MAX_TEXT_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, field + " must be at most " + MAX_TEXT_LENGTH + " characters without control characters");
        }
    }

    private static boolean tooLong(String field, String pem, Map<String, String> errors) {
        if (pem != null && pem.length() > MAX_PEM_LENGTH) {
            errors.put(field, field + " must be at most " + MAX_PEM_LENGTH + " characters");
            return true;
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
