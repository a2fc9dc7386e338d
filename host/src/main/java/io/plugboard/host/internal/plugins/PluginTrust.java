package io.plugboard.host.internal.plugins;

import io.plugboard.repository.InvalidIndexException;
import io.plugboard.repository.ReleaseSignature;
import io.plugboard.repository.SignatureCheck;
import io.plugboard.repository.TrustedKeys;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Whether a jar may be installed, by its publisher's signature (docs/plugin-repository.md): a bad
 * signature is always refused; an unsigned jar, or one signed by a key not in the trusted keys file,
 * is installed and marked "unsigned", unless the host requires signed plugins. Every jar goes through
 * here before it is installed: from the plugins folder (its {@code NAME.jar.sig} beside it), an upload
 * and a repository (both write the signature beside the jar they put into the folder).
 *
 * @param keys the publishers the host trusts
 * @param requireSigned refuse every jar that is not signed by a trusted key
 */
public record PluginTrust(TrustedKeys keys, boolean requireSigned) {

    /** No trusted key, nothing required: every jar installs, a signed one as signed by an unknown key. */
    public static final PluginTrust NONE = new PluginTrust(TrustedKeys.none(), false);

    /**
     * @param keysFile the trusted keys file, or null for none
     * @throws IllegalStateException if the file cannot be read or holds anything but Ed25519 public keys
     */
    public static PluginTrust load(Path keysFile, boolean requireSigned) {
        if (keysFile == null) {
            return new PluginTrust(TrustedKeys.none(), requireSigned);
        }
        try {
            return new PluginTrust(TrustedKeys.load(keysFile), requireSigned);
        } catch (IOException e) {
            throw new IllegalStateException("the trusted plugin keys file " + keysFile + " cannot be read: " + e, e);
        } catch (InvalidIndexException e) {
            throw new IllegalStateException("the trusted plugin keys file: " + e.getMessage(), e);
        }
    }

    /**
     * @param signature the jar's signature, or null when it has none
     * @return the verdict, when the jar may be installed
     * @throws BadPluginJarException why it is refused
     */
    SignatureCheck check(Path jar, ReleaseSignature signature) throws BadPluginJarException {
        SignatureCheck check;
        try {
            check = keys.check(jar, signature);
        } catch (IOException e) {
            throw new BadPluginJarException("cannot be read to check its signature: " + e.getMessage());
        }
        return accept(check);
    }

    /** @return the check, when a jar with this verdict may be installed; @throws BadPluginJarException why not */
    SignatureCheck accept(SignatureCheck check) throws BadPluginJarException {
        if (check.status() == SignatureCheck.Status.BAD_SIGNATURE) {
            throw new BadPluginJarException("refused: " + check.describe());
        }
        if (requireSigned && check.status() != SignatureCheck.Status.SIGNED) {
            throw new BadPluginJarException("refused: it is " + check.describe() + ", and this host requires plugins "
                    + "signed by a trusted key (require-signed-plugins)");
        }
        return check;
    }

    /** Checks a jar of the plugins folder with the {@code NAME.jar.sig} file beside it, if there is one. */
    SignatureCheck checkInFolder(Path jar) throws BadPluginJarException {
        return check(jar, SignatureFiles.read(jar));
    }
}
