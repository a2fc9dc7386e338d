package io.plugboard.host.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made by the JDK's {@code keytool} in a child process (EC P-256, valid two days,
 * for 127.0.0.1), with their PEM texts: what a TLS test server and a webhook's mutual TLS settings need.
 */
public final class TestCertificates {

    /** One certificate with its key: the PKCS#12 file, and both as PEM. */
    public record Made(Path keyStore, String certificatePem, String keyPem) {}

    public static final String PASSWORD = "changeit";

    private TestCertificates() {}

    public static Made make(Path dir, String name) {
        Path store = dir.resolve(name + ".p12");
        run(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            Certificate cert = ks.getCertificate(name);
            PrivateKey key = (PrivateKey) ks.getKey(name, PASSWORD.toCharArray());
            return new Made(store, pem("CERTIFICATE", cert.getEncoded()), pem("PRIVATE KEY", key.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the key store keytool made", e);
        }
    }

    /** @return a PKCS#12 trust store holding the certificates */
    public static KeyStore trustStore(Made... trusted) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (Made m : trusted) {
                try (InputStream in = Files.newInputStream(m.keyStore())) {
                    KeyStore source = KeyStore.getInstance("PKCS12");
                    source.load(in, PASSWORD.toCharArray());
                    String alias = source.aliases().nextElement();
                    ks.setCertificateEntry(alias, source.getCertificate(alias));
                }
            }
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
