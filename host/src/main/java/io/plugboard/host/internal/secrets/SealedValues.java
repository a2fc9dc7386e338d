package io.plugboard.host.internal.secrets;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Seals secret values kept outside the secrets store — plugin and receiver settings declared
 * secret — with the secrets key. Each value is bound to its place (e.g. plugin, key), so a sealed
 * value copied to another row does not open.
 */
public final class SealedValues {

    private final SecretCipher cipher;

    public SealedValues(SecretKey key) {
        this.cipher = new SecretCipher(key);
    }

    public String seal(String place, String value) {
        return cipher.encrypt(place, value);
    }

    /**
     * @return the plain value: a value stored before sealing existed comes back as it is; empty if the
     *     value was sealed with another key or altered
     */
    public Optional<String> open(String place, String stored) {
        if (!SecretCipher.isSealed(stored)) {
            return Optional.of(stored);
        }
        try {
            return Optional.of(cipher.decrypt(place, stored));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
