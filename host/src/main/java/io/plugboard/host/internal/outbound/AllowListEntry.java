package io.plugboard.host.internal.outbound;

/**
 * One entry of the outbound guard's allow list: a host name (exact), or an address range or single
 * address, read by {@link Cidr}. Checked when it is configured, so a typo fails the build, not a delivery.
 */
public final class AllowListEntry {

    private AllowListEntry() {}

    /**
     * @param hostOrRange e.g. {@code hooks.internal}, {@code 10.1.2.0/24} or {@code 10.1.2.7}
     * @return the entry without surrounding white space
     * @throws IllegalArgumentException if it looks like an address range but is not a valid one
     */
    public static String checked(String hostOrRange) {
        String entry = hostOrRange.strip();
        if (Cidr.looksLikeRange(entry)) {
            Cidr.parse(entry);
        }
        return entry;
    }
}
