package io.plugboard.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * A publisher's Ed25519 key pair, which signs releases. Its file holds the private key (PKCS#8,
 * {@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey -algorithm ed25519} writes it)
 * followed by the public key: the JDK cannot derive one from the other, and the signature names the
 * public key's id. A private key file from OpenSSL alone loads with its public key file beside it.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /**
     * @param keyFile the private key, with the public key after it, or alone
     * @param publicKeyFile the public key when {@code keyFile} holds none, else null
     * @throws InvalidIndexException if the files hold no matching Ed25519 pair
     */
    public static SigningKey load(Path keyFile, Path publicKeyFile) throws IOException {
        List<Pem.Block> blocks = Pem.read(Files.readString(keyFile), keyFile.toString());
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        for (Pem.Block block : blocks) {
            if (block.label().equals("PRIVATE KEY")) {
                privateKey = Ed25519.privateKey(block.der(), keyFile.toString());
            } else if (block.label().equals("PUBLIC KEY")) {
                publicKey = Ed25519.publicKey(block.der(), keyFile.toString());
            }
        }
        if (privateKey == null) {
            throw new InvalidIndexException(keyFile + " holds no -----BEGIN PRIVATE KEY----- block");
        }
        if (publicKey == null && publicKeyFile != null) {
            publicKey = TrustedKeys.load(publicKeyFile).only(publicKeyFile.toString());
        }
        if (publicKey == null) {
            throw new InvalidIndexException(keyFile + " holds no public key: append it (openssl pkey -in KEY -pubout) "
                    + "or name its file with --public-key");
        }
        SigningKey key = new SigningKey(privateKey, publicKey);
        byte[] probe = "plugboard".getBytes();
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new InvalidIndexException("the public key does not belong to the private key in " + keyFile);
        }
        return key;
    }

    /** Writes the key file (readable by its owner only, where the file system allows) and the public key file. */
    public void write(Path keyFile, Path publicKeyFile) throws IOException {
        Files.writeString(keyFile, "");
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the user's business
        }
        Files.writeString(keyFile, Pem.write("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem());
        Files.writeString(publicKeyFile, "# " + keyId() + "\n" + publicKeyPem());
    }

    /** @return the id signatures name: the first 16 hex digits of the SHA-256 of the public key */
    public String keyId() {
        return Ed25519.keyId(publicKey);
    }

    /** @return the public key as PEM, what a host lists in its trusted keys file */
    public String publicKeyPem() {
        return Pem.write("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Signs the jar: Ed25519 over its SHA-512 digest. */
    public ReleaseSignature sign(Path jar) throws IOException {
        byte[] digest = JarDigest.sha512(jar);
        byte[] signature = Ed25519.sign(privateKey, digest);
        return new ReleaseSignature(ReleaseSignature.ED25519_SHA512, keyId(), Base64.getEncoder().encodeToString(signature));
    }
}
