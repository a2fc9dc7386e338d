package io.plugboard.host.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a person the embedding application signed in. Plugboard's own sessions keep a
 * random token in their row; an application's principal has no row, so its token is derived:
 * HMAC-SHA256 over the principal's name and role and a random per-browser seed (a cookie), under a
 * key derived from the host's secrets key. Why this and not something simpler:
 * <ul>
 * <li>a plain double-submit cookie (cookie equals field) can be defeated by anyone who can plant a
 *     cookie (a sibling subdomain, a plain-HTTP response); an attacker cannot compute the HMAC for a
 *     seed they planted, because they do not have the key;</li>
 * <li>the name and role are inside, so a token seen by one person (or before a role changed) is
 *     worth nothing to another;</li>
 * <li>the seed lives as long as the browser session, so a token that leaked (a saved page) expires
 *     with it, where HMAC over the name alone would stay valid until the key changes;</li>
 * <li>no state is stored, so every instance sharing the database (and so the secrets key) accepts
 *     the token, as with a session's token.</li>
 * </ul>
 */
public final class PrincipalCsrf {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param hostKey the host's secrets key; a separate key for this purpose is derived from it */
    public PrincipalCsrf(byte[] hostKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(hostKey, ALGORITHM), "plugboard admin csrf v1"), ALGORITHM);
    }

    /** @param seed the browser's random seed cookie */
    public String token(AppLogin.Principal principal, String seed) {
        // Lengths first, so no two different (name, role, seed) triples give the same input.
        String input = principal.name().length() + ":" + principal.name() + "|" + principal.role().key() + "|" + seed;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, input));
    }

    private static byte[] hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
