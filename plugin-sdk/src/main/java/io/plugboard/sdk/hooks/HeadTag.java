package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * A tag in the admin pages' {@code <head>} ({@link AdminHead}): a stylesheet link or a meta tag,
 * nothing else. Values are written escaped. A stylesheet is a path on this host (the base path is
 * added), since the admin's Content-Security-Policy allows stylesheets of its own origin only.
 *
 * @param kind {@code stylesheet} or {@code meta}
 * @param name the stylesheet's path ({@code /…}), or the meta tag's name
 * @param content null for a stylesheet, else the meta tag's content
 */
public record HeadTag(String kind, String name, String content) {

    /** Checks the kind, and that a stylesheet's link is a path of this host. */
    public HeadTag {
        Objects.requireNonNull(name, "name");
        if (kind.equals("stylesheet")) {
            if (!name.startsWith("/") || name.startsWith("//") || name.contains("\\")) {
                throw new IllegalArgumentException("a stylesheet is a path of this host (/…), not " + name);
            }
        } else if (kind.equals("meta")) {
            Objects.requireNonNull(content, "content");
        } else {
            throw new IllegalArgumentException("a head tag is a stylesheet or a meta tag, not " + kind);
        }
    }

    /** @param href a path of this host @return a stylesheet link */
    public static HeadTag stylesheet(String href) {
        return new HeadTag("stylesheet", href, null);
    }

    /** @param name the meta name @param content its content @return a meta tag */
    public static HeadTag meta(String name, String content) {
        return new HeadTag("meta", name, content);
    }
}
