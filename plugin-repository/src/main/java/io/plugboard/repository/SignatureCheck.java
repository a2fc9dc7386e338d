package io.plugboard.repository;

/**
 * What a jar's signature says about it, from {@link TrustedKeys#check}. Only {@link Status#BAD_SIGNATURE}
 * is always refused; a host that requires signed plugins refuses everything but {@link Status#SIGNED}.
 *
 * @param status the verdict
 * @param keyId the key the signature names, or null when unsigned
 * @param keyName the trusted key's name (its comment in the trusted keys file), or null
 */
public record SignatureCheck(Status status, String keyId, String keyName) {

    /** The verdicts. */
    public enum Status {
        /** Signed by a trusted key, and the signature matches the jar. */
        SIGNED,
        /** No signature at all. */
        UNSIGNED,
        /** Signed by a key the host does not trust: it cannot be checked. */
        UNKNOWN_KEY,
        /** Signed by a trusted key, but the signature does not match the jar: changed or forged. */
        BAD_SIGNATURE
    }

    /** @return the verdict in words, for the plugins page, the API and the log */
    public String describe() {
        return switch (status) {
            case SIGNED -> "signed by " + (keyName == null ? "key " + keyId : keyName + " (key " + keyId + ")");
            case UNSIGNED -> "unsigned";
            case UNKNOWN_KEY -> "signed by key " + keyId + ", which is not among the trusted plugin keys";
            case BAD_SIGNATURE -> "its signature by key " + keyId + " does not match the jar: the jar was changed "
                    + "after signing, or the signature is forged";
        };
    }
}
