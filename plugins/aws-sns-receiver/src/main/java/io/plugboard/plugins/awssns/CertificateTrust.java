package io.plugboard.plugins.awssns;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a signing certificate is to be trusted. With {@code trust_anchors} set, the PEM's chain must
 * validate (PKIX, no revocation check) up to one of them. Without, SNS's own rule applies: the
 * certificate came over HTTPS (the JVM's trust store authenticated the host) from a host matching
 * {@code allowed_hosts}; SNS serves the signing certificate alone, without the intermediate that would
 * let it chain to a root in the JVM's trust store. Either way it must be within its validity dates.
 */
final class CertificateTrust {

    private CertificateTrust() {}

    /** @return the certificates in a PEM (or DER) stream, in order */
    static List<X509Certificate> certificates(InputStream in) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /**
     * @param pem one or more PEM certificates
     * @return them as trust anchors
     * @throws IllegalArgumentException if there is none or one is not a certificate
     */
    static Set<TrustAnchor> anchors(String pem) {
        List<X509Certificate> certs;
        try {
            certs = certificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("must be PEM certificates (-----BEGIN CERTIFICATE----- …)");
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM certificate");
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        certs.forEach(c -> anchors.add(new TrustAnchor(c, null)));
        return anchors;
    }

    /**
     * @param chain the signing certificate first, then any intermediates the PEM holds
     * @param anchorsPem the {@code trust_anchors} setting, or empty
     * @param at when the message arrived
     * @throws RejectedRequestException if it is not trusted
     */
    static void check(List<X509Certificate> chain, String anchorsPem, Instant at) {
        try {
            chain.get(0).checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new RejectedRequestException("the signing certificate is not valid now (expired or not yet valid)");
        }
        if (anchorsPem.isEmpty()) {
            return;
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters parameters = new PKIXParameters(anchors(anchorsPem));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new RejectedRequestException("the signing certificate does not chain to trust_anchors");
        }
    }
}
