package io.plugboard.host.internal.outbound;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ClientTls}'s PEM texts into what TLS needs (key store, trust store), with the JDK alone.
 * Every problem is a {@link Problem} whose message says what to fix; none quotes the key.
 */
public final class PemMaterial {

    /** The in-memory stores' password: they never leave the process. */
    public static final char[] STORE_PASSWORD = "plugboard".toCharArray();

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** PKCS#8's algorithm identifier for RSA, wrapped around a PKCS#1 key ("BEGIN RSA PRIVATE KEY"). */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    /** A PEM text that cannot be used; the message says why. */
    public static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    private PemMaterial() {}

    /** @return the certificates in the text, in order; at least one */
    public static List<X509Certificate> certificates(String pem, String what) throws Problem {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                throw new Problem(what + " must hold only CERTIFICATE blocks, not " + m.group(1));
            }
            try {
                Certificate c = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(decode(m.group(2), what)));
                out.add((X509Certificate) c);
            } catch (GeneralSecurityException e) {
                throw new Problem(what + " holds a certificate that cannot be read: " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new Problem(what + " must be PEM: -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----");
        }
        return out;
    }

    /** @return the private key: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 RSA */
    public static PrivateKey privateKey(String pem) throws Problem {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new Problem("key must be PEM: -----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----");
        }
        String type = m.group(1);
        if (type.startsWith("ENCRYPTED") || m.group(2).contains("ENCRYPTED")) {
            throw new Problem("key must not be encrypted (openssl pkcs8 -topk8 -nocrypt writes it unencrypted)");
        }
        byte[] der = decode(m.group(2), "key");
        if (type.equals("RSA PRIVATE KEY")) {
            der = pkcs8OfRsa(der);
        } else if (!type.equals("PRIVATE KEY")) {
            throw new Problem("key must be a PRIVATE KEY (PKCS#8) or RSA PRIVATE KEY block, not " + type
                    + " (openssl pkcs8 -topk8 -nocrypt converts it)");
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new Problem("key cannot be read: it is not an RSA, EC or EdDSA private key");
    }

    /** @throws Problem if the key is not the certificate's: a signature made with it does not verify */
    public static void checkPair(PrivateKey key, X509Certificate certificate) throws Problem {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "plugboard key check".getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another kind than the certificate's: not a pair
        }
        throw new Problem("key does not match the certificate (" + certificate.getSubjectX500Principal().getName() + ")");
    }

    /** @return a key store holding the client certificate chain and its key, under {@link #STORE_PASSWORD} */
    public static KeyStore keyStore(ClientTls tls) throws Problem {
        List<X509Certificate> chain = certificates(tls.certificate(), "certificate");
        PrivateKey key = privateKey(tls.key());
        checkPair(key, chain.get(0));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (Exception e) {
            throw new Problem("the certificate and key cannot be used: " + e.getMessage());
        }
    }

    /** @return a trust store holding the CA bundle's certificates */
    public static KeyStore trustStore(String caPem) throws Problem {
        List<X509Certificate> cas = certificates(caPem, "ca");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            return store;
        } catch (Exception e) {
            throw new Problem("the CA bundle cannot be used: " + e.getMessage());
        }
    }

    private static byte[] decode(String base64, String what) throws Problem {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new Problem(what + " is not valid PEM: its base64 does not decode");
        }
    }

    /** PKCS#8 = SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }. */
    private static byte[] pkcs8OfRsa(byte[] pkcs1) {
        byte[] octets = der(0x04, pkcs1);
        byte[] version = {0x02, 0x01, 0x00};
        byte[] inner = new byte[version.length + RSA_ALGORITHM.length + octets.length];
        System.arraycopy(version, 0, inner, 0, version.length);
        System.arraycopy(RSA_ALGORITHM, 0, inner, version.length, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, inner, version.length + RSA_ALGORITHM.length, octets.length);
        return der(0x30, inner);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }
}
