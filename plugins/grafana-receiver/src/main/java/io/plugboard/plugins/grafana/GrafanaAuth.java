package io.plugboard.plugins.grafana;

import io.plugboard.plugins.receiversupport.SharedSecret;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.settings.InvalidSettingsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The optional credential check of a Grafana webhook contact point: its "Authorization header"
 * (scheme {@code Bearer}, the secret as credentials) or its HTTP Basic user and password. The URL's
 * access key is checked by the host either way.
 */
final class GrafanaAuth {

    static final String SCHEME = "auth_scheme";
    static final String SECRET = "secret";
    static final String USERNAME = "username";
    static final String NONE = "none";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    private GrafanaAuth() {}

    /** @throws InvalidSettingsException naming each setting that does not fit the chosen scheme */
    static void verify(Map<String, String> settings) {
        String scheme = settings.getOrDefault(SCHEME, NONE);
        String secret = settings.getOrDefault(SECRET, "");
        String username = settings.getOrDefault(USERNAME, "");
        Map<String, String> problems = new LinkedHashMap<>();
        switch (scheme) {
            case NONE -> {
                if (!secret.isEmpty()) {
                    problems.put(SCHEME, "is none, so the secret would never be checked: choose bearer or basic, or clear the secret");
                }
            }
            case BEARER -> {
                if (secret.isBlank()) {
                    problems.put(SECRET, "is required with auth_scheme bearer (the contact point's Authorization header credentials)");
                }
            }
            case BASIC -> {
                if (secret.isBlank()) {
                    problems.put(SECRET, "is required with auth_scheme basic (the contact point's basic auth password)");
                }
                if (username.isBlank() || username.contains(":")) {
                    problems.put(USERNAME, "is required with auth_scheme basic, without ':' (the contact point's basic auth user)");
                }
            }
            default -> problems.put(SCHEME, "must be none, bearer or basic, not \"" + scheme + "\"");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** @throws RejectedRequestException when the scheme asks for a credential and the request lacks it */
    static void check(InboundRequest request) {
        String scheme = request.setting(SCHEME).isEmpty() ? NONE : request.setting(SCHEME);
        if (scheme.equals(NONE)) {
            return;
        }
        String header = request.header("Authorization").orElse(null);
        if (header == null) {
            throw new RejectedRequestException("the Authorization header is missing (this inbound webhook expects "
                    + (scheme.equals(BASIC) ? "Basic" : "Bearer") + " credentials)");
        }
        int space = header.indexOf(' ');
        String presentedScheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        if (!presentedScheme.toLowerCase(Locale.ROOT).equals(scheme)) {
            throw new RejectedRequestException("the Authorization header must use the "
                    + (scheme.equals(BASIC) ? "Basic" : "Bearer") + " scheme");
        }
        String expected = scheme.equals(BASIC)
                ? Base64.getEncoder().encodeToString((request.setting(USERNAME) + ":" + request.setting(SECRET))
                        .getBytes(StandardCharsets.UTF_8))
                : request.setting(SECRET);
        if (!SharedSecret.matches(credentials, expected)) {
            throw new RejectedRequestException("the Authorization header's credentials are not this inbound webhook's");
        }
    }
}
