package io.plugboard.host.internal.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The one way secrets are compared: in time that does not depend on where they differ. */
public final class ConstantTime {

    private ConstantTime() {}

    /** @return true if both are present and equal, compared in constant time */
    public static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
