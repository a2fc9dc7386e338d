package io.plugboard.host.internal.repository;

import java.util.Locale;

/**
 * Which newer releases the auto-update installs on its own: none, patch releases (same major and
 * minor version: 1.4.2 → 1.4.3) or minor ones too (same major version: 1.4.2 → 1.5.0). A new major
 * version is never installed without an admin.
 */
public enum UpdatePolicy {
    OFF, PATCH, MINOR;

    /** @return the policy named {@code off}, {@code patch} or {@code minor}, or null for any other text */
    public static UpdatePolicy parse(String text) {
        for (UpdatePolicy policy : values()) {
            if (policy.key().equals(text == null ? null : text.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        return null;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true if this policy moves {@code from} to the higher version {@code to} on its own */
    boolean allows(String from, String to) {
        int[] a = majorMinor(from);
        int[] b = majorMinor(to);
        if (a == null || b == null || this == OFF) {
            return false;
        }
        return a[0] == b[0] && (this == MINOR || a[1] == b[1]);
    }

    /** @return the first two numbers of a version such as 1.4.2 or 1.4.2-rc.1, or null */
    private static int[] majorMinor(String version) {
        String[] parts = version.split("[.+-]");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
