package io.plugboard.repository;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM blocks of a key file ({@code -----BEGIN PUBLIC KEY-----} …), each with the {@code #} comment
 * line just above it, which names a trusted key. What OpenSSL writes for Ed25519 keys reads here.
 */
final class Pem {

    /** One block: its label ({@code PUBLIC KEY}, {@code PRIVATE KEY}), DER bytes and the comment above it. */
    record Block(String label, byte[] der, String comment) {}

    private Pem() {}

    static List<Block> read(String text, String source) {
        List<Block> blocks = new ArrayList<>();
        String comment = null;
        String label = null;
        StringBuilder body = new StringBuilder();
        int lineNumber = 0;
        for (String raw : text.split("\r?\n")) {
            lineNumber++;
            String line = raw.strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                    label = line.substring(11, line.length() - 5);
                    body.setLength(0);
                } else if (line.startsWith("#")) {
                    comment = line.substring(1).strip();
                } else if (!line.isEmpty()) {
                    throw new InvalidIndexException(source + " line " + lineNumber
                            + ": expected a '# name' comment or a -----BEGIN PUBLIC KEY----- block");
                }
            } else if (line.equals("-----END " + label + "-----")) {
                blocks.add(new Block(label, decode(body.toString(), source, lineNumber), comment));
                label = null;
                comment = null;
            } else {
                body.append(line);
            }
        }
        if (label != null) {
            throw new InvalidIndexException(source + ": the block " + label + " has no -----END " + label + "----- line");
        }
        return blocks;
    }

    static String write(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String base64, String source, int lineNumber) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidIndexException(source + " line " + lineNumber + ": the block is not valid Base64");
        }
    }
}
