package io.plugboard.host.internal.common;

/**
 * The application every row belongs to unless another is named: migration V23 gave it every webhook,
 * inbound webhook and secret that existed, and today's routes (without {@code /apps/{app}}) act on it,
 * so a host that never creates an application behaves as before.
 */
public final class DefaultApp {

    /** Its id, the value of every {@code app_id} column for rows made without an application. */
    public static final String ID = "app_default";

    /** Its uid, as paths may name it ({@code /api/v1/apps/default/…}). */
    public static final String UID = "default";

    private DefaultApp() {}
}
