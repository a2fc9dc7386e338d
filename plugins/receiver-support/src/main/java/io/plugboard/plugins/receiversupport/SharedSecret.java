package io.plugboard.plugins.receiversupport;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A receiver's check of a credential the sender puts in a header (a shared secret, a bearer token, a
 * Basic user and password) for tools that cannot sign their requests. Compared in constant time, so
 * the time an answer takes says nothing about how much of a guess was right; messages never include
 * the secret or what was presented.
 */
public final class SharedSecret {

    /** The setting that holds the secret. */
    public static final String SECRET = "secret";
    /** The setting that names the header carrying it. */
    public static final String HEADER = "header_name";
    public static final String DEFAULT_HEADER = "X-Plugboard-Secret";
    /** Long enough that guessing it is hopeless; the receivers' docs show how to generate one. */
    public static final int MIN_SECRET = 16;

    private SharedSecret() {}

    /**
     * @param secretHelp where the sender is told the secret, e.g. "put it in the Datadog webhook's custom headers"
     * @param headerHelp what the header is, in the sender's terms
     * @return the two settings of a secret sent in a header: {@link #SECRET} (required, secret) and {@link #HEADER}
     */
    public static List<Setting> settings(String secretHelp, String headerHelp) {
        return List.of(
                Setting.builder(SECRET, SettingType.STRING).label("Shared secret").required().secret()
                        .help("At least " + MIN_SECRET + " characters; " + secretHelp + ".").build(),
                Setting.builder(HEADER, SettingType.STRING).label("Secret header").defaultValue(DEFAULT_HEADER)
                        .help(headerHelp).build());
    }

    /** @return what is wrong with those two settings, by key (empty when usable) */
    public static Map<String, String> problems(Map<String, String> settings) {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (settings.getOrDefault(SECRET, "").strip().length() < MIN_SECRET) {
            wrong.put(SECRET, "must be at least " + MIN_SECRET + " characters (e.g. openssl rand -hex 32)");
        }
        if (!isHeaderName(settings.getOrDefault(HEADER, DEFAULT_HEADER))) {
            wrong.put(HEADER, "must be an HTTP header name (letters, digits, '-'), e.g. " + DEFAULT_HEADER);
        }
        return wrong;
    }

    /**
     * Checks the request against the inbound webhook's {@link #SECRET} in its {@link #HEADER}.
     *
     * @throws RejectedRequestException when the header is missing or holds another value
     */
    public static void requireConfigured(InboundRequest request) {
        String header = request.setting(HEADER).isEmpty() ? DEFAULT_HEADER : request.setting(HEADER);
        requireHeader(request, header, request.setting(SECRET).strip());
    }

    /** @return whether the two are equal, in time that depends on their lengths only */
    public static boolean matches(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param header the header that carries the secret, e.g. {@code X-Plugboard-Secret}
     * @param expected the inbound webhook's secret
     * @throws RejectedRequestException when the header is missing or holds another value
     */
    public static void requireHeader(InboundRequest request, String header, String expected) {
        String presented = request.header(header).orElse(null);
        if (presented == null) {
            throw new RejectedRequestException("the " + header + " header is missing");
        }
        if (!matches(presented, expected)) {
            throw new RejectedRequestException("the " + header + " header does not hold this inbound webhook's secret");
        }
    }

    /** @return whether a header name is an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}) */
    public static boolean isHeaderName(String name) {
        return name != null && name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    }
}
