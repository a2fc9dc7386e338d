package io.plugboard.plugins.awssns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA and an SNS-like signing certificate it issued, made once per JVM with the JDK's own
 * {@code keytool} (run through ProcessBuilder; no BouncyCastle, no {@code sun.security.x509}): a
 * PKCS12 key store with the CA's and the signer's key pairs, the signer's certificate request signed by
 * the CA ({@code -gencert}), and the signer's original self-signed certificate kept as one no anchor
 * trusts.
 */
final class SnsKeys {

    private static final String PASSWORD = "changeit";
    private static SnsKeys instance;

    final String caPem;
    final String signerPem;
    final String selfSignedPem;
    final PrivateKey signerKey;

    private SnsKeys(Path dir) throws Exception {
        Path store = dir.resolve("keys.p12");
        keytool("-genkeypair", "-keystore", store.toString(), "-alias", "ca", "-dname", "CN=Plugboard Test SNS CA",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-ext", "bc:c");
        keytool("-genkeypair", "-keystore", store.toString(), "-alias", "signer", "-dname", "CN=sns.amazonaws.com",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2");
        Path selfSigned = dir.resolve("self-signed.pem");
        keytool("-exportcert", "-rfc", "-keystore", store.toString(), "-alias", "signer", "-file", selfSigned.toString());
        Path csr = dir.resolve("signer.csr");
        keytool("-certreq", "-keystore", store.toString(), "-alias", "signer", "-file", csr.toString());
        Path signer = dir.resolve("signer.pem");
        keytool("-gencert", "-rfc", "-keystore", store.toString(), "-alias", "ca", "-infile", csr.toString(),
                "-outfile", signer.toString(), "-validity", "2", "-ext", "ku:c=digitalSignature");
        Path ca = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-keystore", store.toString(), "-alias", "ca", "-file", ca.toString());
        caPem = Files.readString(ca);
        signerPem = Files.readString(signer);
        selfSignedPem = Files.readString(selfSigned);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        signerKey = (PrivateKey) keys.getKey("signer", PASSWORD.toCharArray());
    }

    /** @return the keys, made on first use (a few seconds: two RSA key pairs) */
    static synchronized SnsKeys get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("sns-keys");
                dir.toFile().deleteOnExit();
                instance = new SnsKeys(dir);
            } catch (Exception e) {
                throw new IllegalStateException("could not make the test keys with keytool", e);
            }
        }
        return instance;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
