package io.plugboard.host.internal.secrets;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the secrets a template or header value refers to with {@code {{secret "NAME"}}}. */
public final class SecretRefs {

    /** The reference syntax, in templates and in header values alike. */
    public static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*secret\\s+[\"']([^\"']*)[\"']\\s*}}");

    private SecretRefs() {}

    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
