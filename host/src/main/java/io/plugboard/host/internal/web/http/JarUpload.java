package io.plugboard.host.internal.web.http;

import io.plugboard.host.internal.common.ByteSizes;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.InvalidIndexException;
import io.plugboard.repository.ReleaseSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The plugin jar in a {@code multipart/form-data} request (field {@code jar}, with its optional
 * signature in {@code signature}), for the API and the admin's upload form; too large a request is
 * refused before it is read.
 */
public final class JarUpload {

    /** The form field that carries the jar. */
    public static final String FIELD = "jar";

    /** The optional form field with the jar's signature ({@code NAME.jar.sig}). */
    public static final String SIGNATURE_FIELD = "signature";

    private static final long MAX_SIGNATURE_BYTES = 16 * 1024;

    /** Room for the other form fields and the multipart framing, on top of the jar itself. */
    public static final long OVERHEAD_BYTES = 64 * 1024;

    private JarUpload() {}

    /**
     * @return the jar's content; the caller closes it
     * @throws ApiException 415 if the request is not a multipart form, 413 if it is too large
     * @throws ValidationException if there is no jar in it
     */
    public static InputStream open(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new ApiException(415, "send the plugin as multipart/form-data with the jar in the field '" + FIELD
                    + "', e.g. curl -F jar=@my-plugin.jar");
        }
        refuseTooLarge(ctx, maxBytes);
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FIELD);
        } catch (Exception e) { // Javalin rethrows the servlet's checked exceptions unchecked
            throw unreadable(e, maxBytes);
        }
        if (file == null || file.size() == 0) {
            throw ValidationException.of(FIELD, "choose a plugin jar to upload (form field '" + FIELD + "')");
        }
        if (file.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return file.content();
    }

    /** Refuses a request whose declared length is over the limit, before its body is parsed. */
    public static void refuseTooLarge(Context ctx, long maxBytes) {
        if (ctx.contentLength() > maxBytes + OVERHEAD_BYTES) {
            throw tooLarge(maxBytes);
        }
    }

    /** A multipart body the server could not parse: too large (Jetty says so somewhere in the causes), or malformed. */
    public static ApiException unreadable(Exception e, long maxBytes) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (message.contains("exceeded") || message.contains("too large")) {
                return tooLarge(maxBytes);
            }
        }
        return new ApiException(400, "the upload is not a readable multipart form");
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "the plugin jar is too large: at most " + ByteSizes.text(maxBytes));
    }

    /** @return the form's {@code upgrade} flag: true, on (a checkbox), false or absent */
    public static boolean upgradeFlag(String value) {
        return flag("upgrade", value);
    }

    /** @return a yes/no form field ({@code upgrade}, {@code allow_downgrade}): true, on (a checkbox), false or absent */
    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on")) {
            return true;
        }
        throw ValidationException.of(field, field + " must be true or false, not '" + value + "'");
    }

    /**
     * @return the jar's signature from the optional field {@code signature}: its {@code NAME.jar.sig} file
     *     (or that file's text), or null when none was sent
     * @throws ValidationException if it is not a signature file
     */
    public static ReleaseSignature signature(Context ctx) {
        byte[] content;
        UploadedFile file = ctx.uploadedFile(SIGNATURE_FIELD);
        if (file != null && file.size() > 0) {
            if (file.size() > MAX_SIGNATURE_BYTES) {
                throw ValidationException.of(SIGNATURE_FIELD, "the signature file is too large to be a .sig file");
            }
            try (InputStream in = file.content()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            String text = file == null ? ctx.formParam(SIGNATURE_FIELD) : null;
            if (text == null || text.isBlank()) {
                return null;
            }
            content = text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return IndexFormat.readSignature(content);
        } catch (InvalidIndexException e) {
            throw ValidationException.of(SIGNATURE_FIELD, "the signature is not a plugin signature (.sig) file: "
                    + e.getMessage());
        }
    }

    /** @return the uploaded file's own name as the client sent it (call after {@link #open}), or null */
    public static String fileName(Context ctx) {
        UploadedFile file = ctx.uploadedFile(FIELD);
        return file == null ? null : file.filename();
    }
}
