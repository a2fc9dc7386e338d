package io.plugboard.plugins.awssns;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Checks that a message comes from SNS, as SNS documents it: the SigningCertURL is on an allowed host,
 * the certificate there is trusted, the Signature (version 1: SHA1withRSA, version 2: SHA256withRSA) is
 * that certificate's over the message's canonical string, and the Timestamp is recent.
 */
final class SnsSignatureCheck {

    private final SigningCertificates certificates;

    SnsSignatureCheck(SigningCertificates certificates) {
        this.certificates = certificates;
    }

    /** @throws RejectedRequestException saying which check failed */
    void verify(SnsMessage message, SnsSettings settings, Instant receivedAt) {
        String algorithm = switch (String.valueOf(message.text("SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new RejectedRequestException("SignatureVersion must be \"1\" or \"2\"");
        };
        String encoded = message.text("Signature");
        if (encoded == null || encoded.isEmpty()) {
            throw new RejectedRequestException("Signature is missing");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new RejectedRequestException("Signature is not base64");
        }
        checkTimestamp(message.text("Timestamp"), settings.maxAge(), receivedAt);
        String certUrl = message.text("SigningCertURL");
        if (certUrl == null) {
            throw new RejectedRequestException("SigningCertURL is missing");
        }
        String refusal = settings.allowedHosts().refusal(certUrl, settings.allowHttp());
        if (refusal != null) {
            throw new RejectedRequestException("SigningCertURL refused: " + refusal);
        }
        List<X509Certificate> chain = certificates.get(certUrl);
        CertificateTrust.check(chain, settings.trustAnchors(), receivedAt);
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(chain.get(0).getPublicKey());
            verifier.update(message.canonicalString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new RejectedRequestException("the signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw new RejectedRequestException("the signature does not match the message");
        }
    }

    private static void checkTimestamp(String timestamp, Duration maxAge, Instant receivedAt) {
        Instant at;
        try {
            at = Instant.parse(String.valueOf(timestamp));
        } catch (DateTimeParseException e) {
            throw new RejectedRequestException("Timestamp is not an ISO-8601 time");
        }
        if (Duration.between(at, receivedAt).abs().compareTo(maxAge) > 0) {
            throw new RejectedRequestException("Timestamp " + timestamp + " is more than " + maxAge.toSeconds()
                    + " seconds from now (max_age_seconds): a replay or a wrong clock");
        }
    }
}
