package io.plugboard.host.internal.common;

/** Sizes as limits are told to people: whole MB when exact, else KB, so a 4 KB limit never reads "0 MB". */
public final class ByteSizes {

    private static final long MB = 1024 * 1024;

    private ByteSizes() {}

    public static String text(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + " MB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
