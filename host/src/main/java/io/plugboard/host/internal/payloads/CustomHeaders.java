package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.secrets.SecretRefs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** A webhook's custom header values with {@code {{secret "NAME"}}} replaced by the secret's value. */
final class CustomHeaders {

    private CustomHeaders() {}

    /** @return the headers to send, without Content-Type (the body decides that) */
    static Map<String, String> resolve(Map<String, String> headers, NamedSecretLookup secrets) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                out.put(name, substitute(value, secrets));
            }
        });
        return out;
    }

    static String substitute(String value, NamedSecretLookup secrets) {
        Matcher m = SecretRefs.REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String secret = secrets.value(name).orElseThrow(() ->
                    new TemplateProblem("unknown secret " + name + " in a header value"));
            if (!secret.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
                throw new TemplateProblem("secret " + name + " cannot be sent in a header: it has characters "
                        + "other than printable ASCII");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(secret));
        }
        m.appendTail(out);
        return out.toString();
    }
}
