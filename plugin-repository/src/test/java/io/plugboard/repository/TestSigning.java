package io.plugboard.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.repository.SignatureCheck.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSigning {

    @TempDir
    Path dir;

    @Test
    void aJarSignedByATrustedKeyIsSigned() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");

        SignatureCheck check = TrustedKeys.load(dir.resolve("acme.pub")).check(jar, key.sign(jar));

        assertThat(check.status()).isEqualTo(Status.SIGNED);
        assertThat(check.keyId()).isEqualTo(key.keyId()).hasSize(16);
        assertThat(check.describe()).isEqualTo("signed by " + key.keyId() + " (key " + key.keyId() + ")");
    }

    @Test
    void aChangedJarIsABadSignature() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        ReleaseSignature signature = key.sign(jar);
        Files.write(jar, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);

        SignatureCheck check = TrustedKeys.load(dir.resolve("acme.pub")).check(jar, signature);

        assertThat(check.status()).isEqualTo(Status.BAD_SIGNATURE);
        assertThat(check.describe()).contains("does not match the jar");
    }

    @Test
    void aSignatureThatIsNotBase64IsABadSignatureNotAnError() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        ReleaseSignature forged = new ReleaseSignature(ReleaseSignature.ED25519_SHA512, key.keyId(), "not base64!");

        assertThat(TrustedKeys.load(dir.resolve("acme.pub")).check(jar, forged).status()).isEqualTo(Status.BAD_SIGNATURE);
    }

    @Test
    void anotherPublishersKeyIsUnknownAndNoSignatureIsUnsigned() throws Exception {
        SigningKey trusted = SigningKey.generate();
        trusted.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        SigningKey other = SigningKey.generate();
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        TrustedKeys keys = TrustedKeys.load(dir.resolve("acme.pub"));

        SignatureCheck unknown = keys.check(jar, other.sign(jar));
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN_KEY);
        assertThat(unknown.describe()).contains(other.keyId()).contains("not among the trusted plugin keys");
        assertThat(keys.check(jar, null).status()).isEqualTo(Status.UNSIGNED);
        assertThat(TrustedKeys.none().check(jar, trusted.sign(jar)).status()).isEqualTo(Status.UNKNOWN_KEY);
    }

    @Test
    void trustedKeysAreNamedByTheCommentAboveThem() throws Exception {
        SigningKey acme = SigningKey.generate();
        SigningKey globex = SigningKey.generate();
        Path file = dir.resolve("trusted-keys.pem");
        Files.writeString(file, "# Acme plugins\n" + acme.publicKeyPem() + "\n# Globex\n" + globex.publicKeyPem());
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");

        TrustedKeys keys = TrustedKeys.load(file);

        assertThat(keys.keys()).extracting(TrustedKeys.TrustedKey::name).containsExactly("Acme plugins", "Globex");
        assertThat(keys.check(jar, globex.sign(jar)).describe()).isEqualTo("signed by Globex (key " + globex.keyId() + ")");
    }

    @Test
    void aPrivateKeyInTheTrustedKeysFileIsRefused() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));

        assertThatThrownBy(() -> TrustedKeys.load(dir.resolve("acme.key")))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("public keys only");
    }

    @Test
    void theKeyFileLoadsBackAndSignsTheSame() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");

        SigningKey loaded = SigningKey.load(dir.resolve("acme.key"), null);

        assertThat(loaded.keyId()).isEqualTo(key.keyId());
        assertThat(loaded.sign(jar)).isEqualTo(key.sign(jar)); // Ed25519 is deterministic
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("acme.key"))).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysOwnIsRefused() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        SigningKey.generate().write(dir.resolve("other.key"), dir.resolve("other.pub"));
        String privateOnly = Files.readString(dir.resolve("acme.key"));
        Files.writeString(dir.resolve("private-only.key"), privateOnly.substring(0, privateOnly.indexOf("-----BEGIN PUBLIC KEY")));

        assertThatThrownBy(() -> SigningKey.load(dir.resolve("private-only.key"), null))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("--public-key");
        assertThatThrownBy(() -> SigningKey.load(dir.resolve("private-only.key"), dir.resolve("other.pub")))
                .isInstanceOf(InvalidIndexException.class).hasMessageContaining("does not belong");
        assertThat(SigningKey.load(dir.resolve("private-only.key"), dir.resolve("acme.pub")).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void theSignatureIsPlainEd25519OverTheSha512DigestAsOpenSslChecksIt() throws Exception {
        SigningKey key = SigningKey.generate();
        key.write(dir.resolve("acme.key"), dir.resolve("acme.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        Files.write(dir.resolve("digest.bin"), JarDigest.sha512(jar));
        Files.write(dir.resolve("signature.bin"), Base64.getDecoder().decode(key.sign(jar).value()));
        Files.writeString(dir.resolve("public.pem"), key.publicKeyPem());

        Process openssl = OpenSsl.start(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin",
                "-in", "digest.bin", "-sigfile", "signature.bin");

        assertThat(OpenSsl.output(openssl)).contains("Signature Verified Successfully");
    }

    @Test
    void anOpenSslKeyPairSignsWithItsPublicKeyFileBeside() throws Exception {
        OpenSsl.output(OpenSsl.start(dir, "genpkey", "-algorithm", "ed25519", "-out", "openssl.key"));
        OpenSsl.output(OpenSsl.start(dir, "pkey", "-in", "openssl.key", "-pubout", "-out", "openssl.pub"));
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");

        SigningKey key = SigningKey.load(dir.resolve("openssl.key"), dir.resolve("openssl.pub"));

        assertThat(TrustedKeys.load(dir.resolve("openssl.pub")).check(jar, key.sign(jar)).status()).isEqualTo(Status.SIGNED);
    }
}
